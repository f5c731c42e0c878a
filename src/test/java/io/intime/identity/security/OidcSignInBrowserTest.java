package io.intime.identity.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.intime.Browser;
import io.intime.InTimeApplication;
import io.intime.identity.AuditRecord;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.PageRequest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in with the firm's identity provider as a person meets it: a real OpenID Connect
 * provider (Spring Authorization Server on a random port, with form sign-in and a
 * {@code groups} claim), the application started with {@code intime.oidc.*} pointing at
 * it and passwords switched off, and real Chromium going from InTime's sign-in page to
 * the provider's and back. One provider start and one application start for all the
 * methods.
 * <p>
 * The provider is served on 127.0.0.1 and InTime on localhost: cookies ignore ports, and
 * the two session cookies must not overwrite each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInBrowserTest {

	private static final String PROVIDER_NAME = "Firm SSO";

	/** The port InTime listens on, for the redirect URI the provider accepts. */
	private static final AtomicInteger APPLICATION_PORT = new AtomicInteger();

	private ConfigurableApplicationContext provider;

	private ConfigurableApplicationContext application;

	private String baseUrl;

	private UserSummary dana;

	@BeforeAll
	void startProviderAndApplication() {
		provider = new SpringApplicationBuilder(LocalIdentityProvider.class).run("--server.port=0",
				"--spring.config.name=local-identity-provider", "--spring.main.banner-mode=off");
		String issuer = "http://127.0.0.1:" + provider.getEnvironment().getProperty("local.server.port");
		application = new SpringApplicationBuilder(InTimeApplication.class).run("--server.port=0",
				"--intime.embedded-db.ephemeral=true", "--intime.demo=false", "--intime.health.live=false",
				"--intime.oidc.issuer-uri=" + issuer, "--intime.oidc.client-id=intime",
				"--intime.oidc.client-secret=intime-secret", "--intime.oidc.name=" + PROVIDER_NAME,
				"--intime.oidc.role-mapping.intime-admins=ADMIN",
				"--intime.oidc.role-mapping.intime-account-managers=ACCOUNT_MANAGER", "--intime.oidc.create-users=true",
				"--intime.security.password-login=false");
		APPLICATION_PORT.set(Integer.parseInt(application.getEnvironment().getProperty("local.server.port")));
		baseUrl = "http://localhost:" + APPLICATION_PORT.get();
		// The provider says Dana@Firm.example: emails match without regard to case.
		dana = application.getBean(UserDirectory.class)
			.ensure("dana", "Dana Whitfield", "dana@firm.example", "Account director", Role.ACCOUNT_MANAGER,
					"Europe/London", UUID.randomUUID().toString());
	}

	@AfterAll
	void stop() {
		if (application != null) {
			application.close();
		}
		if (provider != null) {
			provider.close();
		}
	}

	@Test
	@Order(1)
	void theSignInPageOffersTheIdentityProviderAndNoPasswordForm() throws Exception {
		try (Browser browser = new Browser(baseUrl)) {
			browser.open("/accounts");
			browser.find("#oidc-sign-in");
			assertThat(browser.currentPath()).isEqualTo("/login");
			assertThat(browser.find("#oidc-sign-in").getText()).isEqualTo("Sign in with " + PROVIDER_NAME);
			assertThat(browser.findAll("#username")).isEmpty();
			assertThat(browser.findAll("#password")).isEmpty();
			assertThat(browser.cspViolations()).isEmpty();
			browser.screenshot("oidc-login");
		}
	}

	/**
	 * This application runs with passwords off; the page of a firm that keeps both is the
	 * same template, rendered here with both on and shown with the application's styles.
	 */
	@Test
	@Order(2)
	void withPasswordsOnTheButtonStandsAboveThePasswordForm() throws Exception {
		var request = new org.springframework.mock.web.MockHttpServletRequest("GET", "/login");
		var exchange = org.thymeleaf.web.servlet.JakartaServletWebApplication
			.buildApplication(request.getServletContext())
			.buildExchange(request, new org.springframework.mock.web.MockHttpServletResponse());
		String html = application.getBean(org.thymeleaf.spring6.SpringTemplateEngine.class)
			.process("identity/login", new org.thymeleaf.context.WebContext(exchange, java.util.Locale.ENGLISH,
					Map.of("oidcName", PROVIDER_NAME, "passwordLogin", true, "demo", false)));
		Document page = Jsoup.parse(html);
		List<String> order = page.select("#oidc-sign-in, .login-divider, form.form")
			.stream()
			.map(element -> element.id().isEmpty() ? element.tagName() + "." + element.className() : element.id())
			.toList();
		assertThat(order).containsExactly("oidc-sign-in", "div.login-divider", "form.form");
		assertThat(page.selectFirst("#sign-in").hasClass("primary")).isFalse();
		java.nio.file.Path file = java.nio.file.Files.createTempFile("intime-login", ".html");
		java.nio.file.Files.writeString(file, html.replace("<head>", "<head><base href=\"" + baseUrl + "/\">"));
		try (Browser browser = new Browser("")) {
			browser.open(file.toUri().toString());
			browser.find("#username");
			browser.screenshot("oidc-login-with-password");
		}
	}

	@Test
	@Order(3)
	void passwordsAreRefusedButApiTokensWork() throws Exception {
		HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
		String basic = "Basic "
				+ Base64.getEncoder().encodeToString(("dana:" + "whatever").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> withBasic = http.send(
				HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/accounts")).header("Authorization", basic).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(withBasic.statusCode()).isEqualTo(401);

		HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=dana&password=whatever"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(form.statusCode()).isBetween(400, 499);
		// Whatever session the refusal left is not signed in.
		HttpRequest.Builder afterForm = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/accounts"));
		form.headers()
			.allValues("Set-Cookie")
			.forEach(cookie -> afterForm.header("Cookie", cookie.substring(0, cookie.indexOf(';'))));
		assertThat(http.send(afterForm.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

		String token = application.getBean(ApiTokenService.class).create(current(dana), "oidc test").secret();
		HttpResponse<String> withToken = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/accounts"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(withToken.statusCode()).isEqualTo(200);
	}

	@Test
	@Order(4)
	void signsInAKnownUserByEmailAndSetsTheRoleTheirGroupsMapTo() throws Exception {
		try (Browser browser = new Browser(baseUrl)) {
			signInWithTheProvider(browser, "dana", "dana-password");
			browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(baseUrl)
					&& !URI.create(driver.getCurrentUrl()).getPath().startsWith("/login"));
			Document page = Jsoup.parse(browser.find(".me-text").getDomProperty("outerHTML"));
			assertThat(page.selectFirst("strong").text()).isEqualTo("Dana Whitfield");
			// Her groups hold intime-admins: an administrator now (she was an account
			// manager).
			assertThat(page.selectFirst("small").text()).isEqualTo(Role.ADMIN.label());
			browser.screenshot("oidc-signed-in");
			browser.open("/admin/users");
			assertThat(browser.currentPath()).isEqualTo("/admin/users");
			assertThat(browser.find("h1").getText()).isNotBlank();
		}
		assertThat(application.getBean(UserDirectory.class).find(dana.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
		List<AuditRecord> audit = application.getBean(AuditTrail.class)
			.history("user", dana.id(), new PageRequest(0, 50))
			.items();
		assertThat(audit).anyMatch(entry -> entry.action().equals("UPDATE") && "role".equals(entry.field())
				&& "ACCOUNT_MANAGER".equals(entry.oldValue()) && "ADMIN".equals(entry.newValue()));
		assertThat(audit).anyMatch(entry -> entry.action().equals("SIGNED_IN") && entry.detail().contains(PROVIDER_NAME)
				&& entry.detail().contains("dana@firm.example"));
	}

	@Test
	@Order(5)
	void refusesAnEmailNoInTimeUserHasWithAMessage() throws Exception {
		try (Browser browser = new Browser(baseUrl)) {
			signInWithTheProvider(browser, "stranger", "stranger-password");
			assertThat(browser.find("#oidc-error").getText()).isEqualTo(
					"No active InTime user has the email stranger@elsewhere.example; ask your administrator for an invitation.");
			assertThat(browser.currentPath()).isEqualTo("/login");
			browser.screenshot("oidc-refused");
			browser.open("/accounts");
			assertThat(browser.currentPath()).isEqualTo("/login");
		}
		assertThat(application.getBean(UserDirectory.class).all())
			.noneMatch(user -> user.email().equals("stranger@elsewhere.example"));
	}

	@Test
	@Order(6)
	void createsAPersonWhoseGroupsMapToARoleAtTheirFirstSignIn() throws Exception {
		try (Browser browser = new Browser(baseUrl)) {
			signInWithTheProvider(browser, "newcomer", "newcomer-password");
			browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(baseUrl)
					&& !URI.create(driver.getCurrentUrl()).getPath().startsWith("/login"));
			assertThat(browser.find(".me-text strong").getText()).isEqualTo("Noor Newcomer");
		}
		UserSummary created = application.getBean(UserDirectory.class)
			.all()
			.stream()
			.filter(user -> user.email().equals("noor@firm.example"))
			.findFirst()
			.orElseThrow();
		assertThat(created.role()).isEqualTo(Role.ACCOUNT_MANAGER);
		assertThat(created.username()).isEqualTo("noor@firm.example");
		assertThat(application.getBean(AuditTrail.class).history("user", created.id(), new PageRequest(0, 50)).items())
			.anyMatch(entry -> entry.action().equals("CREATE"));
	}

	private void signInWithTheProvider(Browser browser, String username, String password) {
		browser.open("/login");
		browser.find("#oidc-sign-in").click();
		browser.waitUntil(driver -> driver.getCurrentUrl().startsWith("http://127.0.0.1:"));
		browser.find("#username").sendKeys(username);
		browser.find("#password").sendKeys(password);
		browser.find("button[type=submit]").click();
		browser.waitUntil(driver -> driver.getCurrentUrl().startsWith(baseUrl));
	}

	private static CurrentUser current(UserSummary user) {
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(),
				java.time.ZoneId.of(user.timeZone()));
	}

	/**
	 * A minimal OpenID Connect provider: Spring Authorization Server configured by hand
	 * (no Boot auto-configuration of it, and no stereotype annotation, so that no
	 * application context scans it), with three people and their claims.
	 */
	@ImportAutoConfiguration({
			org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration.class,
			org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration.class,
			org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration.class,
			org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration.class,
			org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class,
			org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration.class,
			org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration.class })
	static class LocalIdentityProvider {

		/** Username → the claims the provider states about them. */
		static final Map<String, Map<String, Object>> PEOPLE = Map.of("dana", Map.of("email", "Dana@Firm.example",
				"email_verified", true, "name", "Dana Whitfield", "groups", List.of("staff", "intime-admins")),
				"stranger",
				Map.of("email", "stranger@elsewhere.example", "email_verified", true, "name", "Sam Stranger", "groups",
						List.of("staff")),
				"newcomer", Map.of("email", "noor@firm.example", "email_verified", true, "name", "Noor Newcomer",
						"groups", List.of("/intime-account-managers")));

		@Bean
		@org.springframework.core.annotation.Order(1)
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
			http.securityMatcher(server.getEndpointsMatcher())
				.with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()))
				.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
						new LoginUrlAuthenticationEntryPoint("/login"),
						new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		@org.springframework.core.annotation.Order(2)
		SecurityFilterChain signIn(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults());
			return http.build();
		}

		@Bean
		UserDetailsService people() {
			return new InMemoryUserDetailsManager(PEOPLE.keySet()
				.stream()
				.map(name -> User.withUsername(name).password("{noop}" + name + "-password").roles("USER").build())
				.toList());
		}

		/**
		 * InTime's registration; its redirect URI names InTime's port, known only once
		 * InTime has started (after this provider, whose discovery document it reads).
		 */
		@Bean
		RegisteredClientRepository clients() {
			return new RegisteredClientRepository() {
				@Override
				public void save(RegisteredClient registeredClient) {
					// The provider re-encodes the secret after use; the client stays as
					// built.
				}

				@Override
				public RegisteredClient findById(String id) {
					return "intime".equals(id) ? intime() : null;
				}

				@Override
				public RegisteredClient findByClientId(String clientId) {
					return "intime".equals(clientId) ? intime() : null;
				}
			};
		}

		private static RegisteredClient intime() {
			return RegisteredClient.withId("intime")
				.clientId("intime")
				.clientSecret("{noop}intime-secret")
				.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
				.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
				.redirectUri("http://localhost:" + APPLICATION_PORT.get() + "/login/oauth2/code/oidc")
				.scope(OidcScopes.OPENID)
				.scope(OidcScopes.EMAIL)
				.scope(OidcScopes.PROFILE)
				.clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
				.build();
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> claims() {
			return context -> {
				if ("id_token".equals(context.getTokenType().getValue())) {
					PEOPLE.get(context.getPrincipal().getName()).forEach(context.getClaims()::claim);
				}
			};
		}

		@Bean
		KeyPair signingKey() throws Exception {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}

		@Bean
		JWKSource<SecurityContext> keys(KeyPair pair) {
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		/** Reads the access tokens sent to the user info endpoint. */
		@Bean
		JwtDecoder accessTokens(KeyPair pair) {
			return NimbusJwtDecoder.withPublicKey((RSAPublicKey) pair.getPublic()).build();
		}

		@Bean
		AuthorizationServerSettings authorizationServerSettings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
