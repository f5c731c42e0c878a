package io.intime.renewals;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The renewals' work on the scheduler (once across nodes): open the renewals of contracts
 * that entered their last 90 days, record the 90/60/30-day forecasts, and refit the model
 * on the closed renewals.
 */
@Configuration(proxyBeanMethods = false)
class RenewalJobs {

	@Bean
	RecurringTask<Void> renewalsDaily(Renewals renewals, @Value("${intime.renewals.interval:6h}") Duration interval,
			@Value("${intime.renewals.open-automatically:true}") boolean openAutomatically) {
		return Tasks.recurring("renewals.daily", Schedules.fixedDelay(interval))
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> {
				if (openAutomatically) {
					renewals.openDue(io.intime.shared.database.AccountScope.all());
				}
				renewals.recordForecasts();
				renewals.refit();
			});
	}

}
