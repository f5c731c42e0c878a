package io.intime.shared;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The log format, one setting: {@code intime.log-format} ({@code INTIME_LOG_FORMAT}).
 * {@code text} (the default) logs Spring Boot's lines; {@code json} writes one JSON
 * object per line on the console in Elastic Common Schema (Spring Boot's structured
 * logging, {@code logging.structured.format.console=ecs}), and {@code logstash} or
 * {@code gelf} in those formats; the start-up banner is then left out, so that every line
 * is JSON. Spring Boot's own settings, when given, win.
 */
class LogFormat implements EnvironmentPostProcessor {

	static final String PROPERTY = "intime.log-format";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(PROPERTY, "text").strip().toLowerCase();
		String structured = switch (format) {
			case "json", "ecs" -> "ecs";
			case "logstash", "gelf" -> format;
			case "text" -> null;
			default -> throw new IllegalArgumentException(
					PROPERTY + "=" + format + " is not a log format: use text, json, logstash or gelf");
		};
		if (structured != null) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("intime-log-format",
						Map.of("logging.structured.format.console", structured, "spring.main.banner-mode", "off")));
		}
	}

}
