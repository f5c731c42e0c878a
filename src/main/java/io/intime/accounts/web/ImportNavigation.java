package io.intime.accounts.web;

import java.util.Set;

import io.intime.identity.Role;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The entry to CSV import and export, for those who may create accounts or contacts. */
@Configuration(proxyBeanMethods = false)
class ImportNavigation {

	@Bean
	NavigationItem importNavigationItem() {
		return new NavigationItem("Import", "/import", "upload", 30, Set.of(Role.EXECUTIVE.name(),
				Role.SALES_DIRECTOR.name(), Role.ADMIN.name(), Role.ACCOUNT_MANAGER.name()));
	}

}
