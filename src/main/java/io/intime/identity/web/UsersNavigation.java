package io.intime.identity.web;

import java.util.Set;

import io.intime.identity.Role;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin's entry to the users pages. */
@Configuration(proxyBeanMethods = false)
class UsersNavigation {

	@Bean
	NavigationItem usersNavigationItem() {
		return new NavigationItem("Users", "/admin/users", "users", 90, Set.of(Role.ADMIN.name()));
	}

}
