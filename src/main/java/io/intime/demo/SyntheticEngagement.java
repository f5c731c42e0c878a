package io.intime.demo;

import java.sql.Timestamp;
import java.time.Instant;

import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Volume for the console's benchmark: tops the organization up to
 * {@code intime.synthetic.activities} activities and {@code intime.synthetic.escalations}
 * escalations, spread over the synthetic accounts across the last two years (some of each
 * today, so the day's feeds have work to do), and gives
 * {@code intime.synthetic.portfolio-user} ({@code am}) synthetic accounts until they own
 * {@code intime.synthetic.portfolio-size} accounts, with three calls of their own planned
 * today. Set-based like {@link SyntheticFacts}, rows marked
 * {@code created_by = 'synthetic'}; never under the {@code prod} profile.
 */
@Component
class SyntheticEngagement {

	private static final Logger log = LoggerFactory.getLogger(SyntheticEngagement.class);

	private static final String MARK = "synthetic";

	private static final int CHUNK = 100_000;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private final Today time;

	SyntheticEngagement(JdbcClient jdbc, UserDirectory users, TransactionTemplate transaction, Environment environment,
			Today time) {
		this.jdbc = jdbc;
		this.users = users;
		this.transaction = transaction;
		this.environment = environment;
		this.time = time;
	}

	/** After the synthetic portfolio and its facts. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(30)
	public void onStart() {
		int activities = environment.getProperty("intime.synthetic.activities", Integer.class, 0);
		int escalations = environment.getProperty("intime.synthetic.escalations", Integer.class, 0);
		int portfolio = environment.getProperty("intime.synthetic.portfolio-size", Integer.class, 0);
		if (activities <= 0 && escalations <= 0 && portfolio <= 0
				&& environment.getProperty("intime.synthetic.open-escalations", Integer.class, 0) <= 0) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			log.warn("intime.synthetic.activities, escalations and portfolio-size are ignored under the prod profile");
			return;
		}
		long start = System.nanoTime();
		Instant now = time.now();
		if (portfolio > 0) {
			String username = environment.getProperty("intime.synthetic.portfolio-user", "am");
			UserSummary user = users.findByUsername(username)
				.orElseThrow(() -> new IllegalStateException("intime.synthetic.portfolio-user: no user " + username));
			transaction.executeWithoutResult(status -> {
				jdbc.sql(
						"""
								update account set owner_id = :user where id in (
								  select id from account where created_by = :mark and owner_id is distinct from :user
								   order by id limit greatest(0, :size - (select count(*) from account where owner_id = :user)))""")
					.param("user", user.id())
					.param("mark", MARK)
					.param("size", portfolio)
					.update();
				jdbc.sql(
						"""
								insert into activity (account_id, type, direction, subject, occurred_at, duration_minutes,
								                      participant_ids, created_by, updated_by)
								select a.id, 'CALL', 'OUTBOUND', 'Planned synthetic call ' || n,
								       cast(:now as timestamptz) + n * interval '2 hours', 30, array[:user]::bigint[], :mark, :mark
								  from (select id, row_number() over (order by id) as n from account where owner_id = :user) a
								 where a.n <= 3""")
					.param("user", user.id())
					.param("mark", MARK)
					.param("now", Timestamp.from(now))
					.update();
			});
		}
		for (int left = activities - count("activity"); left > 0; left -= CHUNK) {
			int n = Math.min(CHUNK, left);
			transaction.executeWithoutResult(status -> jdbc.sql("""
					with synthetic as (select array_agg(id order by id) as ids from account where created_by = :mark),
					rows as (select g, s.ids[1 + (abs(hashint8(g)) % cardinality(s.ids))] as account_id
					           from generate_series(1, :n) g, synthetic s)
					insert into activity (account_id, type, direction, subject, occurred_at, created_by, updated_by)
					select account_id, (array['CALL','EMAIL','MEETING','EMAIL','NOTE'])[1 + g % 5],
					       case when g % 5 = 4 then 'INTERNAL' when g % 5 = 3 then 'INBOUND' else 'OUTBOUND' end,
					       'Synthetic activity ' || g,
					       cast(:now as timestamptz) - (abs(hashint8(g * 31)) % (730 * 24 * 60)) * interval '1 minute',
					       :mark, :mark
					  from rows""").param("mark", MARK).param("n", n).param("now", Timestamp.from(now)).update());
		}
		int existing = count("escalation");
		for (int from = existing; from < escalations; from += CHUNK) {
			int first = from + 1;
			int n = Math.min(CHUNK, escalations - from);
			transaction.executeWithoutResult(status -> jdbc
				.sql("""
						with synthetic as (select array_agg(id order by id) as ids from account where created_by = :mark),
						rows as (select g, s.ids[1 + (abs(hashint8(g * 7)) % cardinality(s.ids))] as account_id,
						                cast(:now as timestamptz) - (abs(hashint8(g * 13)) % (730 * 24 * 60)) * interval '1 minute' as raised,
						                g % 10 = 0 as open
						           from generate_series(:first, :last) g, synthetic s)
						insert into escalation (escalation_key, account_id, title, severity, status, raised_at, resolved_at,
						                        created_by, updated_by)
						select 'SYX-' || g, account_id, 'Synthetic escalation ' || g, (array['P0','P1','P2','P3'])[1 + g % 4],
						       case when open then 'OPEN' else 'RESOLVED' end, raised,
						       case when open then null else raised + interval '1 day' end, :mark, :mark
						  from rows""")
				.param("mark", MARK)
				.param("first", first)
				.param("last", first + n - 1)
				.param("now", Timestamp.from(now))
				.update());
		}
		openEscalations(environment.getProperty("intime.synthetic.open-escalations", Integer.class, 0), now);
		jdbc.sql("analyze activity").update();
		jdbc.sql("analyze escalation").update();
		jdbc.sql("analyze account").update();
		log.info("Synthetic engagement: {} activities, {} escalations in {} ms", count("activity"), count("escalation"),
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * For the SLA scan's benchmark: {@code n} open P2 escalations owned by their
	 * account's manager, raised over the last 24 hours, each with its incident log's
	 * first entry and its clocks kept as the escalations module computes them under the
	 * default policy (round the clock: response 24 h, warned at 18 h; resolution 7 days,
	 * warned at 126 h). Those whose response warning is behind them are due at once
	 * (about a quarter); the rest fall due through the day.
	 */
	private void openEscalations(int n, Instant now) {
		if (n <= 0) {
			return;
		}
		transaction.executeWithoutResult(status -> {
			jdbc.sql(
					"""
							with synthetic as (select array_agg(id order by id) as ids from account where created_by = :mark),
							rows as (select g, s.ids[1 + (abs(hashint8(g * 11)) % cardinality(s.ids))] as account_id,
							                cast(:now as timestamptz) - (abs(hashint8(g * 17)) % (24 * 3600)) * interval '1 second' as raised
							           from generate_series(1, :n) g, synthetic s)
							insert into escalation (escalation_key, account_id, title, severity, status, raised_at, owner_id,
							                        sla_policy_id, response_due_at, resolution_due_at, resolution_used_min,
							                        sla_check_at, created_by, updated_by)
							select 'SLA-' || g, r.account_id, 'Synthetic open escalation ' || g, 'P2', 'OPEN', r.raised, a.owner_id,
							       (select min(id) from sla_policy), r.raised + interval '24 hours', r.raised + interval '7 days',
							       0, case when r.raised + interval '18 hours' <= :now then :now else r.raised + interval '18 hours' end,
							       :mark, :mark
							  from rows r join account a on a.id = r.account_id""")
				.param("mark", MARK)
				.param("n", n)
				.param("now", Timestamp.from(now))
				.update();
			jdbc.sql(
					"""
							insert into escalation_log (escalation_id, at, entry, status, severity, actor_name)
							select id, raised_at, 'RAISED', 'OPEN', severity, :mark from escalation where escalation_key like 'SLA-%'""")
				.param("mark", MARK)
				.update();
		});
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

}
