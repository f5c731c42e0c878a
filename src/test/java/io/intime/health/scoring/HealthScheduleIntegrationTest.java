package io.intime.health.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The nightly run: a recurring task of the scheduler (once across nodes), made up when no
 * node ran at night.
 */
@IntegrationTest
class HealthScheduleIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	HealthSchedule schedule;

	@Autowired
	HealthRecompute recompute;

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNightMissedIsSeenUntilAFullRunConfirmsTheScores() {
		AccountFixtures fixtures = new AccountFixtures(context);
		AccountDetails account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));
		LocalDate today = recompute.today();
		recompute.recompute(List.of(account.id()));

		// Tomorrow, before any run of tomorrow, every score of today is a night behind.
		assertThat(schedule.missedNightly(today.plusDays(1))).isTrue();
		recompute.recomputeAll(today);
		assertThat(schedule.missedNightly(today)).isFalse();
	}

	@Test
	void theNightlyRunIsARecurringTaskOfTheSchedulerAtHalfPastTwoUtc() {
		Instant next = nightly().getExecutionTime();
		Instant now = TestClock.now();
		assertThat(next).isAfter(now).isBefore(now.plus(Duration.ofDays(1)).plusSeconds(1));
		assertThat(next.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
	}

	@Test
	void aNightMissedWhileNoNodeRanRunsOnceAndTheNextNightIsScheduled() throws InterruptedException {
		Instant scheduled = nightly().getExecutionTime();
		// As if no node had run at 02:30: the execution is overdue when a node polls (or
		// starts).
		jdbc.sql("update scheduled_tasks set execution_time = :past where task_name = :name")
			.param("past", Timestamp.from(scheduled.minus(Duration.ofDays(1))))
			.param("name", HealthSchedule.NIGHTLY)
			.update();

		// a poll of a busy suite's scheduler may wait for its threads
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		// It ran when its next execution is in the future again (the next 02:30 after the
		// test clock's now, which other tests of this context may have moved).
		while (!nightly().getExecutionTime().isAfter(TestClock.now())) {
			assertThat(System.nanoTime())
				.as("the overdue night ran; at %s the scheduler holds %s", TestClock.now(),
						jdbc.sql("select * from scheduled_tasks order by execution_time").query().listOfRows())
				.isLessThan(deadline);
			Thread.sleep(100);
		}
		assertThat(jdbc.sql("select last_success from scheduled_tasks where task_name = :name")
			.param("name", HealthSchedule.NIGHTLY)
			.query(Timestamp.class)
			.single()).isNotNull();
		assertThat(nightly().getExecutionTime().atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(LocalTime.of(2, 30));
		assertThat(nightly().getExecutionTime()).isAfterOrEqualTo(scheduled.minus(Duration.ofDays(1)).plusSeconds(1));
	}

	private ScheduledExecution<Object> nightly() {
		return scheduler.getScheduledExecution(TaskInstanceId.of(HealthSchedule.NIGHTLY, RecurringTask.INSTANCE))
			.orElseThrow();
	}

}
