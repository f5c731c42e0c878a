package io.intime.health.scoring;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.intime.shared.scheduling.ReviveOnSchedulerClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The health module's tasks on the shared scheduler (see
 * {@code io.intime.shared.scheduling}).
 */
@Configuration(proxyBeanMethods = false)
class HealthTasks {

	/** Every night ({@code intime.health.nightly-cron}, UTC), on one node. */
	@Bean
	RecurringTask<Void> healthNightly(HealthSchedule schedule,
			@Value("${intime.health.nightly-cron:0 30 2 * * *}") String cron) {
		return Tasks.recurring(HealthSchedule.NIGHTLY, Schedules.cron(cron, ZoneOffset.UTC))
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> schedule.nightly());
	}

	/** The run of a night missed, one instance per day (its id). */
	@Bean
	OneTimeTask<Void> healthCatchUp(HealthSchedule schedule) {
		return Tasks.oneTime(HealthSchedule.CATCH_UP)
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> schedule.catchUp(LocalDate.parse(instance.getId())));
	}

}
