package io.intime.identity.security;

import java.util.Map;

import io.intime.identity.Role;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with the firm's OpenID Connect identity provider ({@code intime.oidc.*}). Only
 * bound when {@code issuerUri} is set.
 *
 * @param issuerUri the provider's issuer, whose {@code /.well-known/openid-configuration}
 * describes it
 * @param clientId the client id InTime was registered under at the provider
 * @param clientSecret that client's secret
 * @param name what the sign-in button calls the provider ("Sign in with …")
 * @param rolesClaim the claim that lists the user's groups (or roles), for the role
 * mapping
 * @param roleMapping group → InTime role; empty: roles stay as the admin set them
 * @param createUsers whether a person with no InTime user yet, whose groups map to a
 * role, gets one at their first sign-in
 */
@ConfigurationProperties("intime.oidc")
record OidcProperties(String issuerUri, String clientId, String clientSecret,
		@DefaultValue("your identity provider") String name, @DefaultValue("groups") String rolesClaim,
		Map<String, Role> roleMapping, boolean createUsers) {

	OidcProperties {
		roleMapping = roleMapping == null ? Map.of() : Map.copyOf(roleMapping);
	}

}
