package io.intime.engagement.web;

import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The styles of the engagement pages, linked by the layout on every page. */
@Configuration(proxyBeanMethods = false)
class EngagementStylesheet {

	@Bean
	Stylesheet engagementCss() {
		return new Stylesheet("/css/engagement.css", 30);
	}

}
