package io.intime.identity;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where people reach this installation ({@code intime.base-url}), for the links it shows
 * or logs. Read when used: its default names the port the server listens on, known only
 * once it has started.
 */
@Component
public class BaseUrl {

	private final Environment environment;

	BaseUrl(Environment environment) {
		this.environment = environment;
	}

	public String link(String path) {
		String base = environment.getProperty("intime.base-url", "http://localhost:8080").trim();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
