package io.intime.shared.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.Waiter;
import com.github.kagkarlsson.scheduler.task.Task;
import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The one scheduler of the application: db-scheduler on the application's PostgreSQL
 * (table {@code scheduled_tasks}), with every {@link Task} bean of the context as a known
 * task and the recurring ones scheduled on start. Its clock is the application's clock.
 * <p>
 * The bean is built here and started by {@link SchedulerLifecycle} once the application
 * is ready (after the demo world and the start-up work of the modules), and stopped
 * before the data source closes. (db-scheduler's Spring Boot starter does not support
 * Spring Boot 4.)
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

	@Bean
	Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, SchedulerSettings settings, Today time) {
		List<Task<?>> known = new ArrayList<>();
		List<Task<?>> startTasks = new ArrayList<>();
		tasks.orderedStream().forEach(task -> {
			requireRevivalOnSchedulerClock(task);
			(task instanceof OnStartup ? startTasks : known).add(task);
		});
		log.info("Scheduler with tasks {}", tasks.orderedStream().map(Task::getName).toList());
		// Transaction-aware: a task scheduled inside a transaction is stored (or not)
		// with it, and wakes the poller when it commits.
		DueOnCommit dueOnCommit = new DueOnCommit(time::now);
		Scheduler scheduler = new PollingOnElapsedTime(new TransactionAwareDataSourceProxy(dataSource), known)
			.startTasks(asStartTasks(startTasks))
			.threads(Math.max(1, settings.threads()))
			.pollingInterval(settings.pollingInterval())
			.heartbeatInterval(settings.heartbeatInterval())
			.missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
			.shutdownMaxWait(settings.shutdownMaxWait())
			.schedulerName(new SchedulerName.Fixed(
					new SchedulerName.Hostname().getName() + "/" + UUID.randomUUID().toString().substring(0, 8)))
			.clock(time::now)
			.enableImmediateExecution()
			.addSchedulerListener(dueOnCommit)
			.build();
		dueOnCommit.wakes(scheduler::triggerCheckForDueExecutions);
		return scheduler;
	}

	/**
	 * The library's default handler of dead executions reschedules them on the system
	 * time, not on this scheduler's clock (see {@link ReviveOnSchedulerClock}): a task
	 * that keeps it is a mistake found on start, not on the day a node dies.
	 */
	static void requireRevivalOnSchedulerClock(Task<?> task) {
		if (task.getDeadExecutionHandler() instanceof DeadExecutionHandler.ReviveDeadExecution) {
			throw new IllegalStateException("Task " + task.getName()
					+ " revives dead executions on the system time: add .onDeadExecution(new ReviveOnSchedulerClock<>())");
		}
	}

	/**
	 * db-scheduler waits between polls on the scheduler's clock: it computes "now +
	 * polling interval" and waits while its clock is before that. On the application's
	 * clock, a clock set back while the poller waits (a demonstration's clock set back, a
	 * test that moved the clock ahead and resets it) would hold every poll until the
	 * clock catches up again, days later: due executions would stay unpicked while the
	 * node looks alive. The wait between polls is elapsed time, so it is measured on the
	 * monotonic clock; what is due is still decided on the application's clock.
	 */
	static final class PollingOnElapsedTime extends SchedulerBuilder {

		/** Elapsed time as an instant: only differences of it mean anything. */
		static final Clock ELAPSED = () -> Instant.EPOCH.plusNanos(System.nanoTime());

		PollingOnElapsedTime(DataSource dataSource, List<Task<?>> knownTasks) {
			super(dataSource, knownTasks);
		}

		@Override
		protected Waiter buildWaiter() {
			return new Waiter(this.poolingInterval, ELAPSED);
		}

	}

	/**
	 * The tasks that schedule themselves on start (recurring ones), typed as db-scheduler
	 * wants them.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T extends Task<?> & OnStartup> List<T> asStartTasks(List<Task<?>> tasks) {
		return (List) tasks;
	}

}
