package io.intime.shared.scheduling;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes this node's scheduler when a transaction that scheduled work due now commits.
 * <p>
 * db-scheduler's immediate execution wakes the poller the moment something due is
 * scheduled; scheduled inside a transaction (as the application schedules), the poll then
 * runs before the commit, finds nothing, and the work waits a whole polling interval. A
 * chain of automated steps, each scheduling the next, waited that long per step. After
 * the commit the execution is there to pick.
 */
final class DueOnCommit extends AbstractSchedulerListener {

	private final AtomicReference<Runnable> wake = new AtomicReference<>();

	private final Clock clock;

	DueOnCommit(Clock clock) {
		this.clock = clock;
	}

	/**
	 * How to wake the scheduler ({@code triggerCheckForDueExecutions}), known once it is
	 * built with this listener.
	 */
	void wakes(Runnable wake) {
		this.wake.set(wake);
	}

	@Override
	public void onExecutionScheduled(TaskInstanceId instance, Instant at) {
		Runnable toWake = wake.get();
		if (toWake == null || at.isAfter(clock.now()) || !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				toWake.run();
			}
		});
	}

}
