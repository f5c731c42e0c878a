package io.intime.billing.web;

import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The styles of the billing pages, linked by the layout on every page. */
@Configuration(proxyBeanMethods = false)
class BillingStylesheet {

	@Bean
	Stylesheet billingCss() {
		return new Stylesheet("/css/billing.css", 20);
	}

}
