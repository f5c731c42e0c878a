package io.intime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo world (spec 02's stories) on a real (throw-away, embedded) PostgreSQL, served
 * on a random port for the browser tests. All browser tests and demo tests share this one
 * context (the same properties on every class, so Spring's context cache reuses it): a
 * test that changes a story's records says so and runs after the tests that read them
 * (see {@code junit-platform.properties} and {@link org.junit.jupiter.api.Order} on such
 * a class), or changes records no other test reads. The scheduler polls every second, so
 * that an email a page queued reaches the test's inbox within a second or two of the
 * delivery worker's next run, not ten.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "intime.embedded-db.ephemeral=true", "intime.security.bcrypt-cost=4", "intime.demo=true",
				"intime.renewals.open-automatically=false", "intime.automation.live=false",
				"intime.scheduler.polling-interval=1s" })
public @interface DemoWorldTest {

}
