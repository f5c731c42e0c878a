package io.intime.demo;

import java.time.Instant;
import java.time.LocalDate;

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
 * Synthetic tasks for the My tasks benchmark ({@code bench/my-tasks.sh}): on start, with
 * {@code intime.synthetic.tasks=N}, tops the organization up to N synthetic tasks, of
 * which {@code intime.synthetic.tasks-per-user} (2,000) belong to
 * {@code intime.synthetic.tasks-user} ({@code am}) and the rest are spread over every
 * other user. About a third are open (due from 60 days ago to 120 days ahead, some at a
 * time, some about an account of their assignee), the rest done over the last year.
 * Set-based inserts of 100,000 rows per statement and transaction, bypassing the tasks
 * facade like {@link SyntheticPortfolio} (no audit entries nor events); rows are marked
 * {@code updated_by = 'synthetic'}. Never under the {@code prod} profile.
 */
@Component
class SyntheticTasks {

	private static final Logger log = LoggerFactory.getLogger(SyntheticTasks.class);

	static final String MARK = "synthetic";

	private static final int CHUNK = 100_000;

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private final Today time;

	SyntheticTasks(JdbcClient jdbc, UserDirectory users, TransactionTemplate transaction, Environment environment,
			Today time) {
		this.jdbc = jdbc;
		this.users = users;
		this.transaction = transaction;
		this.environment = environment;
		this.time = time;
	}

	/** After the demo world and the synthetic portfolio. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(20)
	public void onStart() {
		int wanted = environment.getProperty("intime.synthetic.tasks", Integer.class, 0);
		if (wanted <= 0) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			log.warn("intime.synthetic.tasks is ignored under the prod profile");
			return;
		}
		String username = environment.getProperty("intime.synthetic.tasks-user", "am");
		int perUser = environment.getProperty("intime.synthetic.tasks-per-user", Integer.class, 2000);
		UserSummary user = users.findByUsername(username)
			.orElseThrow(() -> new IllegalStateException("intime.synthetic.tasks-user: no user " + username));
		long start = System.nanoTime();
		int existing = count(null);
		int mine = count(user.id());
		if (mine < perUser) {
			insert(perUser - mine, user.id(), true);
		}
		int others = wanted - Math.max(perUser, mine) - (existing - mine);
		for (int left = others; left > 0; left -= CHUNK) {
			insert(Math.min(CHUNK, left), user.id(), false);
		}
		jdbc.sql("analyze task").update();
		log.info("Synthetic tasks: {} in all, {} of them {}'s, in {} ms", count(null), count(user.id()), username,
				(System.nanoTime() - start) / 1_000_000);
	}

	private int count(Long assignee) {
		return jdbc
			.sql("select count(*) from task where updated_by = :mark"
					+ (assignee == null ? "" : " and assignee_id = " + assignee))
			.param("mark", MARK)
			.query(Integer.class)
			.single();
	}

	/**
	 * {@code n} tasks for the user ({@code theirs}) or spread over every other user; g
	 * picks status, due date, time and account deterministically.
	 */
	private void insert(int n, long userId, boolean theirs) {
		LocalDate today = time.organizationToday();
		Instant now = time.now();
		transaction.executeWithoutResult(status -> jdbc
			.sql("""
					with people as (
					  select array_agg(id order by id) as ids from app_user where (:theirs and id = :user) or (not :theirs and id <> :user)
					), accounts as (
					  select u.id as user_id, array_agg(a.id order by a.id) as ids
					  from app_user u join account a on a.owner_id = u.id group by u.id
					), rows as (
					  select g, p.ids[1 + (g % cardinality(p.ids))] as assignee,
					    (g % 3 = 0) as open, cast(:today as date) + ((g * 7919) % 181 - 60) as due,
					    case when g % 4 = 0 then time '09:00' + ((g % 32) * interval '15 minutes') end as at
					  from generate_series(1, :n) g, people p
					)
					insert into task (title, notes, assignee_id, created_by_id, account_id, due_date, due_time, time_zone, due_at,
					  remind_before_minutes, remind_at, reminded_at, priority, status, completed_at, completed_by_id,
					  created_at, updated_at, updated_by)
					select 'Synthetic follow-up ' || r.g, '', r.assignee, r.assignee,
					  case when r.g % 2 = 0 and a.ids is not null then a.ids[1 + (r.g % cardinality(a.ids))] end,
					  case when r.open then r.due else cast(:today as date) - ((r.g * 31) % 365) - 1 end, r.at, 'America/New_York',
					  (case when r.open then r.due else cast(:today as date) - ((r.g * 31) % 365) - 1 end + coalesce(r.at, time '23:59:59'))
					    at time zone 'America/New_York',
					  0, null, cast(:now as timestamptz),
					  case r.g % 5 when 0 then 'HIGH' when 1 then 'LOW' else 'NORMAL' end,
					  case when r.open then 'OPEN' else 'DONE' end,
					  case when r.open then null else cast(:now as timestamptz) - ((r.g * 31) % 365) * interval '1 day' end,
					  case when r.open then null else r.assignee end,
					  cast(:now as timestamptz) - interval '400 days', cast(:now as timestamptz), :mark
					from rows r left join accounts a on a.user_id = r.assignee""")
			.param("theirs", theirs)
			.param("user", userId)
			.param("today", java.sql.Date.valueOf(today))
			.param("now", java.sql.Timestamp.from(now))
			.param("n", n)
			.param("mark", MARK)
			.update());
	}

}
