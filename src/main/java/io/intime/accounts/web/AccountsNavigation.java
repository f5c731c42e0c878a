package io.intime.accounts.web;

import java.util.Set;

import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The accounts module's entry in the main navigation: everyone sees it. */
@Configuration(proxyBeanMethods = false)
class AccountsNavigation {

	@Bean
	NavigationItem accountsNavigationItem() {
		return new NavigationItem("Accounts", "/accounts", "building", 10, Set.of());
	}

}
