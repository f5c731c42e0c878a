package io.intime.demo;

import java.time.LocalDate;

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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The facts of the synthetic portfolio, for the health benchmark: per synthetic account a
 * few open and filled jobs with placements (now and then a falloff), twelve monthly
 * invoices paid after a varying number of days, two NPS responses, six activities (some
 * of them executive touchpoints), up to four escalations and often an expansion
 * opportunity — all relative to today and a pure function of the account id (PostgreSQL's
 * {@code hashint8}), so the same portfolio always gets the same facts.
 * <p>
 * Like {@link SyntheticPortfolio} it writes set-based straight into the tables (here
 * those of the staffing, billing, engagement, escalations and revenue modules), bypassing
 * their facades: no audit entries nor events; rows are marked
 * {@code created_by = 'synthetic'}. Accounts that already have their facts are skipped,
 * so it tops up like the portfolio does. Runs on start after the portfolio when
 * {@code intime.synthetic.accounts} is set (and {@code intime.synthetic.facts} is not
 * false); never under the {@code prod} profile.
 */
@Component
class SyntheticFacts {

	private static final Logger log = LoggerFactory.getLogger(SyntheticFacts.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private final Today time;

	SyntheticFacts(JdbcClient jdbc, PlatformTransactionManager transactionManager, Environment environment,
			Today time) {
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.environment = environment;
		this.time = time;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(20)
	public void onStart() {
		if (environment.getProperty("intime.synthetic.accounts", Integer.class, 0) <= 0
				|| !environment.getProperty("intime.synthetic.facts", Boolean.class, true)
				|| environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		load(time.organizationToday());
	}

	/**
	 * Adds the facts of every synthetic account that has none yet; returns how many
	 * accounts got them.
	 */
	int load(LocalDate today) {
		long start = System.nanoTime();
		Integer accounts = transaction.execute(status -> {
			jdbc.sql("""
					create temporary table synthetic_pending on commit drop as
					select a.id,
					       (select array_agg(c.id order by c.id) from contact c where c.account_id = a.id) as contacts
					from account a
					where a.created_by = 'synthetic'
					  and not exists (select 1 from invoice i where i.account_id = a.id and i.created_by = 'synthetic')
					""").update();
			int n = jdbc.sql("select count(*) from synthetic_pending").query(Integer.class).single();
			if (n == 0) {
				return 0;
			}
			// open jobs (0–13), opened in the last 120 days
			jdbc.sql(
					"""
							insert into job (account_id, title, status, priority, opened_on, submissions, created_by, updated_by)
							select t.id, 'Engineer ' || k, 'OPEN', 'MEDIUM', cast(:today as date) - (abs(hashint8(t.id * 31 + k)) % 120),
							       abs(hashint8(t.id * 37 + k)) % 6, 'synthetic', 'synthetic'
							from synthetic_pending t cross join lateral generate_series(1, abs(hashint8(t.id * 7 + 1)) % 14) as k
							""")
				.param("today", today)
				.update();
			// one filled job per account that the placements belong to
			jdbc.sql(
					"""
							insert into job (account_id, title, status, priority, opened_on, filled_on, submissions, created_by, updated_by)
							select t.id, 'Placements', 'FILLED', 'MEDIUM', cast(:today as date) - 200, cast(:today as date) - 1, 12,
							       'synthetic', 'synthetic'
							from synthetic_pending t
							""")
				.param("today", today)
				.update();
			// placements (0–19) started in the last 120 days, one in ten of them fell off
			jdbc.sql(
					"""
							insert into placement (job_id, account_id, candidate_name, type, start_date, status, falloff_date,
							                       created_by, updated_by)
							select j.id, t.id, 'Candidate ' || k, 'CONTRACT', cast(:today as date) - (abs(hashint8(t.id * 41 + k)) % 120),
							       case when abs(hashint8(t.id * 43 + k)) % 10 = 0 then 'FALLOFF' else 'ACTIVE' end,
							       case when abs(hashint8(t.id * 43 + k)) % 10 = 0 then cast(:today as date) - (abs(hashint8(t.id * 41 + k)) % 120) / 2 end,
							       'synthetic', 'synthetic'
							from synthetic_pending t
							join job j on j.account_id = t.id and j.title = 'Placements' and j.created_by = 'synthetic'
							cross join lateral generate_series(1, abs(hashint8(t.id * 7 + 2)) % 20) as k
							""")
				.param("today", today)
				.update();
			// NPS: two responses in the last 170 days
			jdbc.sql(
					"""
							insert into nps_response (account_id, score, responded_on, survey_type, created_by, updated_by)
							select t.id, abs(hashint8(t.id * 47 + k)) % 11, cast(:today as date) - (abs(hashint8(t.id * 53 + k)) % 170),
							       'RELATIONSHIP', 'synthetic', 'synthetic'
							from synthetic_pending t cross join generate_series(1, 2) as k
							""")
				.param("today", today)
				.update();
			// six activities in the last 120 days with the account's first contacts; some
			// are executive touchpoints
			jdbc.sql(
					"""
							insert into activity (account_id, type, direction, subject, occurred_at, contact_ids, executive_touchpoint,
							                      created_by, updated_by)
							select t.id, (array['CALL','EMAIL','MEETING','EMAIL','CALL','NOTE'])[k],
							       case when k = 6 then 'INTERNAL' when k = 4 then 'INBOUND' else 'OUTBOUND' end,
							       'Synthetic activity ' || k,
							       cast(:today as date) - (abs(hashint8(t.id * 59 + k)) % 120) + time '10:00',
							       coalesce(t.contacts[1:(1 + k % 2)], '{}'),
							       k in (1, 3) and abs(hashint8(t.id * 61 + k)) % 3 > 0, 'synthetic', 'synthetic'
							from synthetic_pending t cross join generate_series(1, 6) as k
							""")
				.param("today", today)
				.update();
			// escalations (0–4) raised in the last 120 days, one in seven still open
			jdbc.sql("""
					insert into escalation (escalation_key, account_id, title, severity, status, raised_at, resolved_at,
					                        created_by, updated_by)
					select 'SYN-' || t.id || '-' || k, t.id, 'Synthetic escalation ' || k, 'P2',
					       case when abs(hashint8(t.id * 67 + k)) % 7 = 0 then 'OPEN' else 'RESOLVED' end,
					       cast(:today as date) - (abs(hashint8(t.id * 71 + k)) % 120) + time '09:00',
					       case when abs(hashint8(t.id * 67 + k)) % 7 = 0 then null
					            else cast(:today as date) - (abs(hashint8(t.id * 71 + k)) % 120) + time '17:00' end,
					       'synthetic', 'synthetic'
					from synthetic_pending t cross join lateral generate_series(1, abs(hashint8(t.id * 7 + 3)) % 5) as k
					""").param("today", today).update();
			// an expansion opportunity for two accounts in three
			jdbc.sql(
					"""
							insert into opportunity (account_id, title, stage, amount, currency, identified_on, created_by, updated_by)
							select t.id, 'Synthetic expansion', 'QUALIFIED', (abs(hashint8(t.id * 73)) % 300) * 1000, 'USD',
							       cast(:today as date) - 30, 'synthetic', 'synthetic'
							from synthetic_pending t where abs(hashint8(t.id * 7 + 4)) % 3 > 0
							""")
				.param("today", today)
				.update();
			// twelve monthly invoices, paid 5–74 days after issue (unpaid when that is
			// still ahead); written last:
			// an account with synthetic invoices has all its facts
			jdbc.sql(
					"""
							insert into invoice (account_id, invoice_number, issue_date, due_date, amount, currency, status, paid_on,
							                     created_by, updated_by)
							select t.id, 'SYN-' || t.id || '-' || k, cast(:today as date) - 30 * k, cast(:today as date) - 30 * k + 30,
							       1000 + abs(hashint8(t.id * 79 + k)) % 50000, 'USD',
							       case when 30 * k >= 5 + abs(hashint8(t.id * 83)) % 70 then 'PAID' else 'OPEN' end,
							       case when 30 * k >= 5 + abs(hashint8(t.id * 83)) % 70
							            then cast(:today as date) - 30 * k + 5 + abs(hashint8(t.id * 83)) % 70 end,
							       'synthetic', 'synthetic'
							from synthetic_pending t cross join generate_series(1, 12) as k
							""")
				.param("today", today)
				.update();
			return n;
		});
		if (accounts > 0) {
			log.info(
					"Synthetic facts: {} accounts got jobs, placements, invoices, NPS responses, activities, escalations "
							+ "and opportunities in {} ms",
					accounts, (System.nanoTime() - start) / 1_000_000);
		}
		return accounts;
	}

}
