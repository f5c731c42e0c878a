package io.intime.shared.events;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * The outbox across nodes. Spring Modulith's event publications (table
 * {@code event_publication}) are written with the change that publishes the event, so a
 * node that stops or dies while a listener runs leaves its publication behind. Each node
 * republishes outstanding ones when it starts
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}), but a node
 * that stopped while the others keep running never starts again: its publications become
 * stale ({@code spring.modulith.events.staleness.*}, marked failed by every node's
 * staleness check, an idempotent update), and this task hands every failed publication to
 * its listener again, on one node at a time ({@code intime.events.retry-every}).
 * Listeners are therefore written to be run again safely.
 */
@Configuration(proxyBeanMethods = false)
class OutboxTasks {

	static final String RETRY = "shared.outbox-retry";

	@Bean
	RecurringTask<Void> outboxRetry(FailedEventPublications failed,
			@Value("${intime.events.retry-every:PT1M}") Duration every) {
		return Tasks.recurring(RETRY, Schedules.fixedDelay(every))
			.onDeadExecution(new ReviveOnSchedulerClock<>())
			.execute((instance, context) -> failed.resubmit(ResubmissionOptions.defaults()));
	}

}
