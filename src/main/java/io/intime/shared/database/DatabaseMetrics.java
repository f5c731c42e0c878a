package io.intime.shared.database;

import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Metrics of the database, always on (see README: Metrics):
 * <ul>
 * <li>{@value #SQL_TIMER}: the time of every executed JDBC statement (each
 * {@code execute}, {@code executeQuery}, {@code executeUpdate} or {@code executeBatch}
 * call), measured by a datasource-proxy around the application's {@link DataSource}: one
 * clock read and a timer update per statement;</li>
 * <li>{@value #OUTBOX_GAUGE}: the event publications of Spring Modulith not yet completed
 * (the outbox: events whose listeners have not finished), counted when scraped.</li>
 * </ul>
 * The proxy is a JDK proxy (not a {@code ProxyDataSource}), so that the diagnostics'
 * statement counter of {@code shared.web} still wraps it; {@code unwrap} reaches the
 * pool.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseMetrics {

	static final String SQL_TIMER = "intime.sql.statements";

	static final String OUTBOX_GAUGE = "intime.outbox.depth";

	@Bean
	static BeanPostProcessor timedStatements(ObjectProvider<MeterRegistry> registry) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (!(bean instanceof DataSource dataSource)) {
					return bean;
				}
				Timer[] timer = new Timer[1];
				return ProxyDataSourceBuilder.create(beanName, dataSource).afterQuery((execution, queries) -> {
					if (timer[0] == null) {
						timer[0] = Timer.builder(SQL_TIMER)
							.description("Time of executed JDBC statements")
							.register(registry.getObject());
					}
					timer[0].record(execution.getElapsedTime(), TimeUnit.MILLISECONDS);
				}).buildProxy();
			}
		};
	}

	@Bean
	Gauge outboxDepth(MeterRegistry registry, JdbcClient jdbc) {
		return Gauge.builder(OUTBOX_GAUGE, jdbc, DatabaseMetrics::incompletePublications)
			.description("Event publications not yet completed (Spring Modulith's outbox)")
			.register(registry);
	}

	private static double incompletePublications(JdbcClient jdbc) {
		try {
			return jdbc.sql("select count(*) from event_publication where completion_date is null")
				.query(Long.class)
				.single();
		}
		catch (RuntimeException e) {
			return Double.NaN;
		}
	}

}
