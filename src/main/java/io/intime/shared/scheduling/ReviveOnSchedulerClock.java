package io.intime.shared.scheduling;

import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every task does with an execution whose node died: run it again now, "now" being
 * the scheduler's clock (the application's {@link io.intime.shared.Today}).
 * <p>
 * db-scheduler's own {@code ReviveDeadExecution} reschedules to the system time
 * ({@code Instant.now()}), not to the scheduler's clock: where the two differ (a test
 * clock, a clock set for a demonstration) the revived execution lies in the scheduler's
 * future and is not run until the clock gets there. The scheduler hands the handler the
 * moment it found the execution dead, on its own clock; this handler reschedules to that
 * moment. {@link SchedulerConfiguration} refuses tasks that keep the library's handler.
 * <p>
 * Use it on every task: <pre>{@code
 * Tasks.oneTime("escalations.sla-breach", Long.class)
 *     .onDeadExecution(new ReviveOnSchedulerClock<>())
 *     .execute(...);
 * }</pre>
 */
public final class ReviveOnSchedulerClock<T> implements DeadExecutionHandler<T> {

	private static final Logger log = LoggerFactory.getLogger(ReviveOnSchedulerClock.class);

	@Override
	public void deadExecution(ExecutionComplete executionComplete, ExecutionOperations<T> executionOperations) {
		log.info("Reviving the execution of a node that stopped: {}", executionComplete.getExecution());
		executionOperations.reschedule(executionComplete, executionComplete.getTimeDone());
	}

}
