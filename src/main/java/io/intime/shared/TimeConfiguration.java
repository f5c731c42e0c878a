package io.intime.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link Clock} of the application, in UTC (time is stored in UTC and shown in
 * the user's time zone). Every module asks it, through {@link Today}, for the instant and
 * the day; tests replace it with a clock they can move.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
