package io.intime.shared.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduler decides what is due on the application's clock, but waits between polls
 * on elapsed time: a clock set back while the poller waits does not hold up due work
 * until the clock catches up again.
 */
@IntegrationTest
class SchedulerClockIntegrationTest {

	@Autowired
	Scheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClockSetBackWhileThePollerWaitsDoesNotHoldUpWorkThatFallsDue() throws InterruptedException {
		String id = "clock-" + UUID.randomUUID();
		scheduler.schedule(new TaskInstance<Void>(SchedulerProbes.ONCE, id),
				TestClock.now().plus(Duration.ofDays(365)));
		try {
			// The clock is set back while the poller waits (500 ms in tests), twice:
			// back,
			// never ahead, so that no other work of the context falls due out of turn.
			TestClock.INSTANCE.advance(Duration.ofDays(-1));
			Thread.sleep(1_500);
			TestClock.INSTANCE.advance(Duration.ofDays(-1));
			// Work falls due without waking the scheduler (as work scheduled by another
			// node).
			jdbc.sql("update scheduled_tasks set execution_time = :due where task_name = :task and task_instance = :id")
				.param("due", Timestamp.from(TestClock.now().minusSeconds(1)))
				.param("task", SchedulerProbes.ONCE)
				.param("id", id)
				.update();

			// On the clock, the poller would wait a day; on elapsed time, it polls again.
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (!SchedulerProbes.runs.containsKey(id)) {
				assertThat(System.nanoTime()).as("the due execution ran within a few polls").isLessThan(deadline);
				Thread.sleep(100);
			}
			assertThat(SchedulerProbes.runs.get(id)).hasSize(1);
		}
		finally {
			TestClock.INSTANCE.reset();
		}
	}

}
