package io.intime.demo;

import java.time.LocalDate;

import java.util.Random;

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

/**
 * Benchmark volume for QBR decks (bench/qbr.sh): the first synthetic account gets
 * {@code intime.synthetic.qbr-placements} jobs filled this quarter, one placement each
 * (every 25th with notes, every 40th fallen off), NPS responses and escalations, and a
 * QBR of this quarter. Nothing happens when it is 0 (the default) or under the prod
 * profile.
 */
@Component
class SyntheticQbr {

	private static final Logger log = LoggerFactory.getLogger(SyntheticQbr.class);

	private static final String[] DEPARTMENTS = { "Engineering", "Engineering", "Engineering", "Data", "Marketing",
			"Finance", "Legal", "Operations" };

	private static final String[] TYPES = { "CONTRACT", "CONTRACT", "CONTRACT_TO_HIRE", "PERMANENT" };

	private final JdbcClient jdbc;

	private final Environment environment;

	private final Today time;

	SyntheticQbr(JdbcClient jdbc, Environment environment, Today time) {
		this.jdbc = jdbc;
		this.environment = environment;
		this.time = time;
	}

	/** After the synthetic portfolio and its facts. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(46)
	public void onStart() {
		int placements = environment.getProperty("intime.synthetic.qbr-placements", Integer.class, 0);
		if (placements <= 0 || environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		long started = System.nanoTime();
		Long account = jdbc.sql("select min(id) from account where created_by = 'synthetic'")
			.query(Long.class)
			.optional()
			.orElse(null);
		if (account == null) {
			log.warn("Synthetic QBR: no synthetic account (set intime.synthetic.accounts)");
			return;
		}
		LocalDate today = time.organizationToday();
		LocalDate first = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
		int days = (int) java.time.temporal.ChronoUnit.DAYS.between(first, today) + 1;
		java.sql.Timestamp now = java.sql.Timestamp.from(time.now());
		Random random = new Random(1616);
		for (int i = 0; i < placements; i++) {
			LocalDate filled = first.plusDays(random.nextInt(days));
			LocalDate opened = filled.minusDays(10 + random.nextInt(35));
			Long job = jdbc.sql("""
					insert into job (account_id, title, department, status, priority, opened_on, filled_on, submissions,
					                 created_at, created_by, updated_at, updated_by)
					values (:account, :title, :department, 'FILLED', 'MEDIUM', :opened, :filled, :submissions,
					        :now, 'synthetic', :now, 'synthetic') returning id""")
				.param("account", account)
				.param("title", "Synthetic role " + (i + 1))
				.param("department", DEPARTMENTS[i % DEPARTMENTS.length])
				.param("opened", opened)
				.param("filled", filled)
				.param("submissions", 2 + random.nextInt(4))
				.param("now", now)
				.query(Long.class)
				.single();
			boolean fellOff = i % 40 == 39;
			LocalDate start = filled.plusDays(random.nextInt(5));
			if (start.isAfter(today)) {
				start = today;
			}
			jdbc.sql(
					"""
							insert into placement (job_id, account_id, candidate_name, type, start_date, status, falloff_date, notes,
							                       created_at, created_by, updated_at, updated_by)
							values (:job, :account, :candidate, :type, :start, :status, :falloff, :notes,
							        :now, 'synthetic', :now, 'synthetic')""")
				.param("job", job)
				.param("account", account)
				.param("candidate", "Candidate " + (i + 1))
				.param("type", TYPES[i % TYPES.length])
				.param("start", start)
				.param("status", fellOff ? "FALLOFF" : "ACTIVE")
				.param("falloff", fellOff ? start : null, java.sql.Types.DATE)
				.param("notes",
						i % 25 == 0 ? "Filled " + (i + 1) + " in " + (filled.toEpochDay() - opened.toEpochDay())
								+ " days; the hiring manager asked for two more like this one" : null,
						java.sql.Types.VARCHAR)
				.param("now", now)
				.update();
		}
		for (int i = 0; i < 20; i++) {
			jdbc.sql("""
					insert into nps_response (account_id, score, responded_on, survey_type, created_at, created_by,
					                          updated_at, updated_by)
					values (:account, :score, :on, 'TRANSACTIONAL', :now, 'synthetic', :now, 'synthetic')""")
				.param("account", account)
				.param("score", 5 + random.nextInt(6))
				.param("on", first.plusDays(random.nextInt(days)))
				.param("now", now)
				.update();
		}
		int quarter = (first.getMonthValue() - 1) / 3 + 1;
		Long qbr = jdbc.sql("""
				insert into qbr (account_id, quarter, due_date, status, owner_id, created_at, created_by, updated_at,
				                 updated_by)
				select id, :quarter, :due, 'PLANNED', owner_id, :now, 'synthetic', :now, 'synthetic' from account
				 where id = :account
				on conflict do nothing returning id""")
			.param("quarter", first.getYear() + "-Q" + quarter)
			.param("due", first.plusMonths(4).minusDays(1))
			.param("account", account)
			.param("now", now)
			.query(Long.class)
			.optional()
			.orElse(null);
		log.info("Synthetic QBR: account {} got {} placements this quarter; qbr {} in {} ms", account, placements, qbr,
				(System.nanoTime() - started) / 1_000_000);
	}

}
