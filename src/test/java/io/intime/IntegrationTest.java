package io.intime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.intime.shared.scheduling.SchedulerProbes;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * A Spring context on a real (throw-away, embedded) PostgreSQL, without the demo world,
 * with MockMvc. Test classes with this annotation share one context and one database, so
 * tests create their own records (with unique names) rather than assume an empty
 * database. Request metrics are on (every response says its server time and SQL
 * statements, see {@code RequestMetricsFilter}); test-only beans go in
 * {@link TestProbes}, never in a test class, so that the configuration stays the same for
 * all. The scheduler polls and beats often (tests of it take seconds) and knows the probe
 * tasks of {@link SchedulerProbes}; the clock is the {@link TestClock}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "intime.embedded-db.ephemeral=true", "intime.security.bcrypt-cost=4",
		"intime.demo=false", "intime.health.live=false", "intime.renewals.open-automatically=false",
		"intime.diagnostics.request-metrics=true", "intime.scheduler.polling-interval=500ms",
		"intime.scheduler.heartbeat-interval=500ms", "intime.scheduler.missed-heartbeats-limit=4",
		"intime.workflows.retry-delay=1s", "intime.automation.live=false" })
@AutoConfigureMockMvc
@Import({ TestProbes.class, SchedulerProbes.class })
public @interface IntegrationTest {

}
