package io.intime.automation;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.shared.database.AccountScope;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily scan on the scheduler (once across nodes; a scan a node could not finish is
 * taken over by another, and the occasions fired before it stopped are not fired again).
 */
@Configuration(proxyBeanMethods = false)
class AutomationJobs {

	@Bean
	RecurringTask<Void> automationDailyScan(AutomationScan scan, AutomationSwitch automation,
			@Value("${intime.automation.scan-interval:24h}") Duration interval) {
		return Tasks.recurring("automation.scan", Schedules.fixedDelay(interval))
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> {
				if (automation.live()) {
					scan.scan(AccountScope.all());
				}
			});
	}

}
