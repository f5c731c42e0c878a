package io.intime.identity.web;

import io.intime.identity.CurrentUser;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;

/**
 * Keeps the {@link CurrentUser} that controllers take as a parameter out of the OpenAPI
 * documentation: it comes from the credentials, not from the request's parameters.
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserApiDocumentation {

	static {
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class);
	}

}
