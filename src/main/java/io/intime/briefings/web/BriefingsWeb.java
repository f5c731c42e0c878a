package io.intime.briefings.web;

import java.util.Set;

import io.intime.identity.Role;
import io.intime.shared.web.NavigationItem;
import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Team sync" and "Daily summary" in the navigation, and the styles of both pages. */
@Configuration(proxyBeanMethods = false)
class BriefingsWeb {

	@Bean
	NavigationItem teamSyncNavigationItem() {
		return new NavigationItem("Team sync", "/briefings/team-sync", "users", 17,
				Set.of(Role.ACCOUNT_MANAGER.name(), Role.SALES_DIRECTOR.name()));
	}

	@Bean
	NavigationItem dailySummaryNavigationItem() {
		return new NavigationItem("Daily summary", "/briefings/daily-summary", "mail", 18,
				Set.of(Role.ACCOUNT_MANAGER.name()));
	}

	@Bean
	Stylesheet briefingsCss() {
		return new Stylesheet("/css/briefings.css", 70);
	}

}
