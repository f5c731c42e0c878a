package io.intime.shared.scheduling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Tasks that record where they ran, known to every node of a scheduler test (the shared
 * test context imports them through {@code @IntegrationTest}; a second node adds them as
 * a source). The record is static: all nodes of a test run in one JVM.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SchedulerProbes {

	static final String ONCE = "test.once";
	static final String STALLS = "test.stalls";

	/** Instance id → the nodes (scheduler names) that executed it, in order. */
	static final Map<String, List<String>> runs = new ConcurrentHashMap<>();

	/**
	 * When set, the next execution of {@link #STALLS} stalls (as on a node that hangs or
	 * dies) until {@link #release}.
	 */
	static final AtomicBoolean stallNext = new AtomicBoolean();
	static volatile CountDownLatch stalled = new CountDownLatch(1);
	static volatile CountDownLatch release = new CountDownLatch(1);

	@Bean
	OneTimeTask<Void> onceProbe() {
		return Tasks.oneTime(ONCE)
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> record(instance.getId(), context.getExecution().pickedBy));
	}

	@Bean
	OneTimeTask<Void> stallingProbe() {
		return Tasks.oneTime(STALLS)
			.onDeadExecution(new ReviveOnSchedulerClock<Void>())
			.execute((instance, context) -> {
				if (stallNext.compareAndSet(true, false)) {
					stalled.countDown();
					awaitUninterruptibly(release);
					return;
				}
				record(instance.getId(), context.getExecution().pickedBy);
			});
	}

	private static void record(String id, String node) {
		runs.computeIfAbsent(id, key -> new CopyOnWriteArrayList<>()).add(node);
	}

	/**
	 * A dead node does not answer interrupts: the execution stays picked, its heartbeats
	 * stop.
	 */
	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (latch.getCount() > 0) {
			try {
				latch.await();
			}
			catch (InterruptedException e) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
