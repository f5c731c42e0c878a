package io.intime.console.web;

import java.util.Set;

import io.intime.identity.Role;
import io.intime.shared.web.NavigationItem;
import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "Console" first in the navigation of account managers and sales directors, and its
 * styles.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWeb {

	@Bean
	NavigationItem consoleNavigationItem() {
		return new NavigationItem("Console", "/", "home", 5,
				Set.of(Role.ACCOUNT_MANAGER.name(), Role.SALES_DIRECTOR.name()));
	}

	@Bean
	Stylesheet consoleCss() {
		return new Stylesheet("/css/console.css", 5);
	}

}
