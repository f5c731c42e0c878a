package io.intime.escalations.web;

import java.util.Set;

import io.intime.identity.Role;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Escalations" (the queue) and, for admins, "SLA policy" in the navigation. */
@Configuration(proxyBeanMethods = false)
class EscalationsWeb {

	@Bean
	NavigationItem escalationQueueNavigationItem() {
		// every role: everyone who sees an account sees its escalations (recruiters their
		// teams' accounts)
		return new NavigationItem("Escalations", "/escalations", "alert", 16, Set.of());
	}

	@Bean
	NavigationItem slaPolicyNavigationItem() {
		return new NavigationItem("SLA policy", "/admin/sla-policy", "clock", 92, Set.of(Role.ADMIN.name()));
	}

}
