package io.intime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * A Spring context on a real (throw-away, embedded) PostgreSQL, without the demo world, with
 * MockMvc. Test classes with this annotation share one context and one database, so tests
 * create their own records (with unique names) rather than assume an empty database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(properties = { "intime.embedded-db.ephemeral=true", "intime.demo=false", "intime.health.live=false" })
@AutoConfigureMockMvc
public @interface IntegrationTest {
}
