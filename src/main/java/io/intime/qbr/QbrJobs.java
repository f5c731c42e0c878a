package io.intime.qbr;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The QBRs' daily work on the scheduler (once across nodes): scheduled QBRs whose meeting
 * was cancelled in the calendar go back to planned, and the current quarter's QBRs are
 * planned by each account's cadence (a new quarter's on its first day).
 */
@Configuration(proxyBeanMethods = false)
class QbrJobs {

	@Bean
	RecurringTask<Void> qbrsDaily(QbrScheduling scheduling, @Value("${intime.qbrs.interval:24h}") Duration interval) {
		return Tasks.recurring("qbrs.daily", Schedules.fixedDelay(interval))
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> {
				scheduling.releaseCancelledMeetings(null);
				scheduling.planDue();
			});
	}

}
