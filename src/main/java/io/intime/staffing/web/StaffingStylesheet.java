package io.intime.staffing.web;

import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The styles of the staffing pages, linked by the layout on every page. */
@Configuration(proxyBeanMethods = false)
class StaffingStylesheet {

	@Bean
	Stylesheet staffingCss() {
		return new Stylesheet("/css/staffing.css", 10);
	}

}
