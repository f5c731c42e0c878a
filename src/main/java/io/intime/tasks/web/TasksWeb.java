package io.intime.tasks.web;

import java.util.Set;

import io.intime.shared.web.NavigationItem;
import io.intime.shared.web.Stylesheet;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * "My tasks" in the navigation, with the count of tasks due now beside it, and the
 * styles.
 */
@Configuration(proxyBeanMethods = false)
class TasksWeb {

	@Bean
	NavigationItem tasksNavigationItem() {
		return new NavigationItem("My tasks", "/tasks", "tasks", 12, Set.of(), "/tasks/count");
	}

	@Bean
	Stylesheet tasksCss() {
		return new Stylesheet("/css/tasks.css", 55);
	}

}
