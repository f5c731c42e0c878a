package io.intime.identity.security;

import java.io.IOException;

import io.intime.identity.AuditTrail;
import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2LoginAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Sign-in with the firm's OpenID Connect identity provider, present only when
 * {@code intime.oidc.issuer-uri} is set (otherwise there is no button and no OAuth2
 * endpoint). The provider is described by its discovery document, so Google Workspace,
 * Microsoft Entra ID, Okta and Keycloak need the same three settings. A successful
 * sign-in yields the same {@link UserPrincipal} as a password sign-in.
 */
@Configuration
@ConditionalOnExpression("!'${intime.oidc.issuer-uri:}'.isBlank()")
@EnableConfigurationProperties(OidcProperties.class)
class OidcConfiguration {

	/** The registration id: the redirect URI is {baseUrl}/login/oauth2/code/oidc. */
	static final String REGISTRATION_ID = "oidc";

	private static final Logger log = LoggerFactory.getLogger(OidcConfiguration.class);

	/**
	 * Reads the provider's discovery document on start; a provider that cannot be reached
	 * stops the start with a message that names the setting.
	 */
	@Bean
	ClientRegistrationRepository clientRegistrationRepository(OidcProperties settings) {
		if (!StringUtils.hasText(settings.clientId()) || !StringUtils.hasText(settings.clientSecret())) {
			throw new IllegalStateException("intime.oidc.issuer-uri is set, but intime.oidc.client-id and "
					+ "intime.oidc.client-secret (INTIME_OIDC_CLIENT_ID, INTIME_OIDC_CLIENT_SECRET) are not: "
					+ "set all three to sign in with an identity provider, or none.");
		}
		ClientRegistration.Builder discovered;
		try {
			discovered = ClientRegistrations.fromIssuerLocation(settings.issuerUri().strip());
		}
		catch (RuntimeException unreachable) {
			throw new IllegalStateException("Could not read the OpenID Connect discovery document of "
					+ "intime.oidc.issuer-uri=" + settings.issuerUri() + " (" + unreachable.getMessage()
					+ "): check the issuer URL and that this server can reach it.", unreachable);
		}
		ClientRegistration registration = discovered.registrationId(REGISTRATION_ID)
			.clientId(settings.clientId().strip())
			.clientSecret(settings.clientSecret().strip())
			.clientName(settings.name())
			.scope("openid", "email", "profile")
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.build();
		log.info("Sign-in with {} (OpenID Connect, issuer {}) is on; redirect URI {baseUrl}/login/oauth2/code/{}",
				settings.name(), settings.issuerUri(), REGISTRATION_ID);
		return new InMemoryClientRegistrationRepository(registration);
	}

	@Bean
	OidcSignIn oidcSignIn(Users users, AuditTrail audit, PasswordEncoder passwords,
			PlatformTransactionManager transactionManager, Today time, OidcProperties settings, JdbcClient jdbc) {
		return new OidcSignIn(users, audit, passwords, new TransactionTemplate(transactionManager), time, settings,
				jdbc);
	}

	@Bean
	OidcLogin oidcLogin(ClientRegistrationRepository registrations, OidcSignIn signIn, OidcProperties settings) {
		return new OidcLogin(registrations, signIn, settings);
	}

	/** Adds the OpenID Connect sign-in to the one filter chain. */
	static final class OidcLogin {

		private final ClientRegistrationRepository registrations;

		private final OidcSignIn signIn;

		private final OidcProperties settings;

		OidcLogin(ClientRegistrationRepository registrations, OidcSignIn signIn, OidcProperties settings) {
			this.registrations = registrations;
			this.signIn = signIn;
			this.settings = settings;
		}

		void configure(HttpSecurity http) throws Exception {
			OAuth2UserService<OidcUserRequest, OidcUser> users = new InTimeOidcUsers(signIn);
			http.oauth2Login(oauth -> oauth.loginPage("/login")
				.clientRegistrationRepository(registrations)
				.authorizedClientRepository(new NoAuthorizedClients())
				.userInfoEndpoint(info -> info.oidcUserService(users))
				.defaultSuccessUrl("/", false)
				.failureHandler(this::failed)
				.withObjectPostProcessor(new ObjectPostProcessor<OAuth2LoginAuthenticationFilter>() {
					@Override
					public <O extends OAuth2LoginAuthenticationFilter> O postProcess(O filter) {
						// The session holds the same principal as a password sign-in.
						filter.setAuthenticationResultConverter(result -> {
							UserPrincipal principal = ((SignedIn) result.getPrincipal()).principal;
							return new OAuth2AuthenticationToken(principal, principal.getAuthorities(),
									result.getClientRegistration().getRegistrationId());
						});
						return filter;
					}
				}));
		}

		/**
		 * Back to the sign-in page with the reason: a refusal's own message, or what the
		 * provider answered (e.g. the person cancelled there).
		 */
		private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
				throws IOException {
			String message;
			if (exception instanceof OAuth2AuthenticationException oauth
					&& InTimeOidcUsers.REFUSED.equals(oauth.getError().getErrorCode())) {
				message = oauth.getError().getDescription();
			}
			else {
				log.warn("Sign-in with {} failed: {}", settings.name(), exception.getMessage());
				String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
						: "error";
				message = "Signing in with " + settings.name() + " did not work (" + code
						+ "). Try again, or ask your administrator.";
			}
			request.getSession().setAttribute(OidcSignIn.MESSAGE_ATTRIBUTE, message);
			response.sendRedirect(request.getContextPath() + "/login?oidc-error");
		}

	}

	/** The provider's checks (signature, issuer, nonce), then InTime's user. */
	static final class InTimeOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

		static final String REFUSED = "intime_user_refused";

		private final OidcUserService provider = new OidcUserService();

		private final OidcSignIn signIn;

		InTimeOidcUsers(OidcSignIn signIn) {
			this.signIn = signIn;
		}

		@Override
		public OidcUser loadUser(OidcUserRequest request) {
			OidcUser oidcUser = provider.loadUser(request);
			try {
				UserPrincipal principal = signIn.signIn(oidcUser.getClaims());
				return new SignedIn(oidcUser, principal);
			}
			catch (OidcSignInRefusedException refused) {
				throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, refused.getMessage(), null),
						refused.getMessage());
			}
		}

	}

	/**
	 * The provider's user with the InTime principal it signed in, until the filter puts
	 * that principal in the session.
	 */
	static final class SignedIn extends DefaultOidcUser {

		private final transient UserPrincipal principal;

		SignedIn(OidcUser oidcUser, UserPrincipal principal) {
			super(principal.getAuthorities(), oidcUser.getIdToken(), oidcUser.getUserInfo());
			this.principal = principal;
		}

	}

	/**
	 * InTime never calls the provider's APIs: the access token is not kept (nor held in
	 * any node's memory).
	 */
	static final class NoAuthorizedClients implements OAuth2AuthorizedClientRepository {

		@Override
		public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId,
				Authentication principal, HttpServletRequest request) {
			return null;
		}

		@Override
		public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

		@Override
		public void removeAuthorizedClient(String clientRegistrationId, Authentication principal,
				HttpServletRequest request, HttpServletResponse response) {
		}

	}

}
