package io.intime.revenue.web;

import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The styles of the revenue pages, linked by the layout on every page. */
@Configuration(proxyBeanMethods = false)
class RevenueStylesheet {

	@Bean
	Stylesheet revenueCss() {
		return new Stylesheet("/css/revenue.css", 50);
	}

}
