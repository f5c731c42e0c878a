package io.intime.shared.scheduling;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work scheduled due now inside a transaction wakes the scheduler when the transaction
 * commits, not before (the poll would find nothing) and not when it rolls back.
 */
class DueOnCommitTest {

	static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	final AtomicInteger wakes = new AtomicInteger();

	final DueOnCommit listener = new DueOnCommit(() -> NOW);

	{
		listener.wakes(wakes::incrementAndGet);
	}

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void dueWorkWakesTheSchedulerOnCommitOnly() {
		TransactionSynchronizationManager.initSynchronization();
		listener.onExecutionScheduled(TaskInstanceId.of("workflows.automated", "step-1-v2"), NOW);
		assertThat(wakes).hasValue(0);
		TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
		assertThat(wakes).hasValue(1);
	}

	@Test
	void laterWorkAndWorkOutsideATransactionWakeNothingHere() {
		// outside a transaction db-scheduler's own immediate execution wakes the poller
		listener.onExecutionScheduled(TaskInstanceId.of("workflows.automated", "step-1-v2"), NOW);
		TransactionSynchronizationManager.initSynchronization();
		listener.onExecutionScheduled(TaskInstanceId.of("workflows.automated", "step-2-v2"), NOW.plusSeconds(60));
		assertThat(TransactionSynchronizationManager.getSynchronizations()).isEmpty();
		assertThat(wakes).hasValue(0);
	}

}
