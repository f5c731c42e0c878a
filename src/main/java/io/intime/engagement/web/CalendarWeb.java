package io.intime.engagement.web;

import java.util.Set;

import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Calendar" in the navigation. */
@Configuration(proxyBeanMethods = false)
class CalendarWeb {

	@Bean
	NavigationItem calendarNavigationItem() {
		return new NavigationItem("Calendar", "/calendar", "calendar", 13, Set.of());
	}

}
