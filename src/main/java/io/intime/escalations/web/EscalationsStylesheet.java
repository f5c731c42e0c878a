package io.intime.escalations.web;

import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The styles of the escalations pages, linked by the layout on every page. */
@Configuration(proxyBeanMethods = false)
class EscalationsStylesheet {

	@Bean
	Stylesheet escalationsCss() {
		return new Stylesheet("/css/escalations.css", 40);
	}

}
