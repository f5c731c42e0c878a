package io.intime.notifications.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import io.intime.shared.scheduling.ReviveOnSchedulerClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery worker on the shared scheduler (see {@code io.intime.shared.scheduling}).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTasks {

	static final String DELIVERY = "notifications.delivery";

	/**
	 * Every {@code intime.notifications.delivery-interval}: sends what fell due (several
	 * nodes share the work through SKIP LOCKED claims).
	 */
	@Bean
	RecurringTask<Void> notificationsDelivery(DeliveryWorker worker,
			@Value("${intime.notifications.delivery-interval:2s}") Duration interval) {
		return Tasks.recurring(DELIVERY, Schedules.fixedDelay(interval))
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> worker.sendDue());
	}

}
