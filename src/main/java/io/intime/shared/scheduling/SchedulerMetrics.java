package io.intime.shared.scheduling;

import java.sql.Timestamp;

import io.intime.shared.Today;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduler's lag, {@value #LAG_GAUGE}: how long the oldest execution that is due
 * (its execution time passed on the scheduler's clock) has waited without being picked by
 * any node, in seconds; 0 when none waits. Read from {@code scheduled_tasks} when
 * scraped, so it covers all nodes. A lag that grows beyond the polling interval means
 * that no node executes scheduled work or that the nodes' threads are all busy.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerMetrics {

	static final String LAG_GAUGE = "intime.scheduler.lag";

	@Bean
	Gauge schedulerLag(MeterRegistry registry, JdbcClient jdbc, Today time) {
		return Gauge.builder(LAG_GAUGE, () -> lag(jdbc, time))
			.description("Age of the oldest due scheduled execution that no node has picked yet")
			.baseUnit("seconds")
			.register(registry);
	}

	private static double lag(JdbcClient jdbc, Today time) {
		try {
			Timestamp now = Timestamp.from(time.now());
			return jdbc.sql("""
					select coalesce(extract(epoch from (:now - min(execution_time))), 0) from scheduled_tasks
					where not picked and execution_time <= :now""").param("now", now).query(Double.class).single();
		}
		catch (RuntimeException e) {
			return Double.NaN;
		}
	}

}
