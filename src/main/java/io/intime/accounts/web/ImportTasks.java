package io.intime.accounts.web;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The imports' tasks on the shared scheduler (see {@code io.intime.shared.scheduling}).
 */
@Configuration(proxyBeanMethods = false)
class ImportTasks {

	static final String EXPIRE_PENDING = "accounts.pending-imports-expiry";

	private static final Logger log = LoggerFactory.getLogger(ImportTasks.class);

	/** Every hour, on one node: uploads that were never confirmed. */
	@Bean
	RecurringTask<Void> pendingImportsExpiry(PendingImports pending) {
		return Tasks.recurring(EXPIRE_PENDING, Schedules.fixedDelay(Duration.ofHours(1)))
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> {
				int deleted = pending.deleteExpired();
				if (deleted > 0) {
					log.info("Deleted {} uploads that waited for their import longer than {}", deleted,
							PendingImports.EXPIRES);
				}
			});
	}

}
