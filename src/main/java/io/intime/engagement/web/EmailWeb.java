package io.intime.engagement.web;

import java.util.Set;

import io.intime.identity.Role;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** "Email review" for account managers, and the admins' "Email templates". */
@Configuration(proxyBeanMethods = false)
class EmailWeb {

	@Bean
	NavigationItem emailReviewNavigationItem() {
		return new NavigationItem("Email review", "/activities/pending", "mail", 14,
				Set.of(Role.ACCOUNT_MANAGER.name(), Role.SALES_DIRECTOR.name(), Role.EXECUTIVE.name()));
	}

	@Bean
	NavigationItem emailTemplatesNavigationItem() {
		return new NavigationItem("Email templates", "/admin/email-templates", "mail", 91, Set.of(Role.ADMIN.name()));
	}

}
