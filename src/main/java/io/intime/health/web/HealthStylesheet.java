package io.intime.health.web;

import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The styles of the health pages added since the common stylesheet (a score waiting for
 * its recompute, the alerts' triage), linked by the layout on every page.
 */
@Configuration(proxyBeanMethods = false)
class HealthStylesheet {

	@Bean
	Stylesheet healthCss() {
		return new Stylesheet("/css/health.css", 60);
	}

}
