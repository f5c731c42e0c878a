package io.intime.health.scoring;

import java.time.LocalDate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.intime.health.model.HealthModelChanged;
import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Time-driven health: every night all accounts are recomputed (a day passing changes
 * windows, days overdue and days since the last touchpoint without any fact changing), a
 * recurring task of the scheduler so that with several nodes it runs once; and on start,
 * accounts never scored (a new demo world, a synthetic portfolio) are scored with their
 * history.
 * <p>
 * A night missed while no node ran is made up on start: the scheduler runs the overdue
 * nightly execution; and when the scores are older than today without one (the first
 * start with the scheduler), a catch-up for today is scheduled, once across nodes (its
 * instance is the day).
 */
@Component
class HealthSchedule {

	private static final Logger log = LoggerFactory.getLogger(HealthSchedule.class);
	static final String NIGHTLY = "health.nightly";
	static final String CATCH_UP = "health.catch-up";

	private final HealthRecompute recompute;

	private final JdbcClient jdbc;

	private final Today time;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final boolean live;

	private final int backfillMonths;

	HealthSchedule(HealthRecompute recompute, JdbcClient jdbc, Today time, ObjectProvider<SchedulerClient> scheduler,
			@Value("${intime.health.live:true}") boolean live,
			@Value("${intime.health.backfill-months:12}") int backfillMonths) {
		this.recompute = recompute;
		this.jdbc = jdbc;
		this.time = time;
		this.scheduler = scheduler;
		this.live = live;
		this.backfillMonths = backfillMonths;
	}

	/**
	 * After the demo world and the synthetic portfolio (their listeners run first),
	 * before the scheduler starts.
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(100)
	public void onStart() {
		if (live) {
			recompute.scoreUnscored(backfillMonths);
			LocalDate today = recompute.today();
			if (missedNightly(today)) {
				scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(CATCH_UP, today.toString()), time.now());
			}
		}
	}

	/**
	 * Whether some score was last confirmed before {@code today} (by its own day or a
	 * full run).
	 */
	boolean missedNightly(LocalDate today) {
		return jdbc
			.sql("""
					select exists (select 1 from account_health
					               where as_of < :today and coalesce((select max(as_of) from health_run), as_of) < :today)""")
			.param("today", today)
			.query(Boolean.class)
			.single();
	}

	/**
	 * A new model version: every score is recomputed with it (its history marks the
	 * change).
	 */
	@ApplicationModuleListener
	void on(HealthModelChanged event) {
		if (live) {
			recompute.recomputeAll(recompute.today(), event.actor());
		}
	}

	/** The nightly run: every account as of today. */
	void nightly() {
		if (live) {
			recompute.recomputeAll(recompute.today());
		}
	}

	/**
	 * The run of a night missed, for {@code day}, unless a run has confirmed the scores
	 * since.
	 */
	void catchUp(LocalDate day) {
		if (live && day.equals(recompute.today()) && missedNightly(day)) {
			log.info("Making up the nightly health recompute missed before {}", day);
			recompute.recomputeAll(day);
		}
	}

}
