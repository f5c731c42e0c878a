package io.intime.identity.security;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountManagement;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/**
 * The sign-in and the responses around it as a prober meets them: CSRF on every page
 * path, no Basic challenge, problem bodies that survive any name, a lock-out that does
 * not tell who exists, and the security headers of a page.
 */
@IntegrationTest
class WebSecurityIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	AccountManagement accounts;

	@Autowired
	RecordingAccessDeniedHandler accessDenied;

	@Autowired
	ApiAuthenticationEntryPoint apiEntryPoint;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	// CSRF: only /api/** requests with their own credentials are exempt.

	@Test
	void aPagePostWithABearerTokenButNoCsrfTokenIsRefused() {
		CurrentUser user = fixtures.user(Role.ACCOUNT_MANAGER);
		String secret = tokens.create(user, "script").secret();

		assertThat(
				mvc.post().uri("/profile/tokens").header("Authorization", "Bearer " + secret).param("name", "forged"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(tokens.list(user)).extracting(ApiTokenService.TokenView::name).containsExactly("script");

		assertThat(mvc.post()
			.uri("/profile/tokens")
			.header("Authorization", "Bearer " + secret)
			.param("name", "meant")
			.with(csrf())).hasStatus3xxRedirection();
		assertThat(tokens.list(user)).extracting(ApiTokenService.TokenView::name).contains("meant");
	}

	@Test
	void aPagePostWithHttpBasicButNoCsrfTokenIsRefused() {
		CurrentUser user = fixtures.user(Role.ACCOUNT_MANAGER);

		assertThat(mvc.post().uri("/profile/tokens").with(basicOnly(user)).param("name", "forged"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(tokens.list(user)).isEmpty();
	}

	@Test
	void anApiPostWithBasicOrBearerCredentialsNeedsNoCsrfToken() {
		CurrentUser executive = fixtures.executive();
		String secret = tokens.create(executive, "integration").secret();
		String account = "{\"name\": \"%s\", \"timeZone\": \"UTC\", \"status\": \"ACTIVE\", \"billingCurrency\": \"USD\"}";

		assertThat(mvc.post()
			.uri("/api/v1/accounts")
			.with(basicOnly(executive))
			.contentType(MediaType.APPLICATION_JSON)
			.content(account.formatted(AccountFixtures.unique("Basic")))).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.post()
			.uri("/api/v1/accounts")
			.header("Authorization", "Bearer " + secret)
			.contentType(MediaType.APPLICATION_JSON)
			.content(account.formatted(AccountFixtures.unique("Bearer")))).hasStatus(HttpStatus.CREATED);
	}

	// No Basic challenge: browsers would cache the password and send it with every
	// request.

	@Test
	void anUnauthenticatedApiRequestIsAProblemWithoutABasicChallenge() {
		MvcTestResult result = mvc.get().uri("/api/v1/accounts").exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result.getResponse().getHeaders("WWW-Authenticate")).isNotEmpty()
			.noneMatch(challenge -> challenge.regionMatches(true, 0, "Basic", 0, 5));
		assertThat(json(result.getResponse()).get("status").asInt()).isEqualTo(401);
	}

	@Test
	void apiRequestsWithWrongCredentialsGetNoBasicChallengeEither() {
		MvcTestResult result = mvc.get()
			.uri("/api/v1/accounts")
			.with(httpBasic("nobody-" + UserFixtures.unique(), "guess"))
			.exchange();

		assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(result.getResponse().getHeaders("WWW-Authenticate"))
			.noneMatch(challenge -> challenge.regionMatches(true, 0, "Basic", 0, 5));
	}

	@Test
	void anUnauthenticatedPageRequestIsSentToTheSignInPageEvenWhenItAsksForJson() {
		for (String accept : List.of(MediaType.TEXT_HTML_VALUE, MediaType.APPLICATION_JSON_VALUE)) {
			MvcTestResult result = mvc.get().uri("/profile").accept(accept).exchange();

			assertThat(result).as(accept).hasStatus(HttpStatus.FOUND);
			assertThat(result.getResponse().getRedirectedUrl()).as(accept).endsWith("/login");
			assertThat(result.getResponse().getHeaders("WWW-Authenticate")).as(accept).isEmpty();
		}
		MvcTestResult xhr = mvc.get().uri("/accounts").header("X-Requested-With", "XMLHttpRequest").exchange();
		assertThat(xhr).hasStatus(HttpStatus.FOUND);
		assertThat(xhr.getResponse().getHeaders("WWW-Authenticate")).isEmpty();
	}

	// 401 and 403 bodies: the API's problem+json, in UTF-8, whatever the names in them.

	@Test
	void aForbiddenApiResponseNamesAnAccountWithAccentsABackslashAndOtherScriptsIntact() throws Exception {
		CurrentUser stranger = fixtures.user(Role.ACCOUNT_MANAGER);
		for (String name : List.of(AccountFixtures.unique("Zoë") + " \\", AccountFixtures.unique("株式会社") + " Ωμέγα")) {
			AccountDetails account = accounts.create(AccountFixtures.accountForm(name, null, "USD"),
					fixtures.executive());

			MvcTestResult result = mvc.get()
				.uri("/api/v1/invoices?accountId={id}", account.id())
				.with(basicOnly(stranger))
				.exchange();

			assertThat(result).hasStatus(HttpStatus.FORBIDDEN)
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
			JsonNode problem = json(result.getResponse());
			assertThat(problem.get("detail").asString()).as(name).endsWith(name);
			assertThat(problem.get("title").asString()).isEqualTo("Forbidden");
			assertThat(problem.get("status").asInt()).isEqualTo(403);
		}
	}

	@Test
	void deniedAndUnauthorizedBodiesAreWrittenByTheProblemWriterForAnyText() throws Exception {
		String names = "Zoë \\";
		String other = "Σοφία 王芳";

		MockHttpServletResponse forbidden = new MockHttpServletResponse();
		accessDenied.handle(apiRequest(), forbidden, new AccessDeniedException("Denied to " + other + " and " + names));
		assertThat(forbidden.getStatus()).isEqualTo(403);
		assertThat(json(forbidden).get("detail").asString()).isEqualTo("Denied to " + other + " and " + names);
		assertThat(json(forbidden).get("instance").asString()).isEqualTo("/api/v1/accounts");

		MockHttpServletResponse unauthorized = new MockHttpServletResponse();
		apiEntryPoint.commence(apiRequest(), unauthorized, new AuthenticationServiceException(other + " " + names));
		assertThat(unauthorized.getStatus()).isEqualTo(401);
		assertThat(json(unauthorized).get("detail").asString()).isEqualTo(other + " " + names);
	}

	// The lock-out does not tell who exists.

	@Test
	void aLockedUserAndAnUnknownUserGetTheSameAnswer() {
		CurrentUser user = fixtures.user(Role.ACCOUNT_MANAGER);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(mvc.get().uri("/api/v1/accounts").with(httpBasic(user.username(), "guess-" + attempt)))
				.hasStatus(HttpStatus.UNAUTHORIZED);
		}
		String unknown = "nobody-" + UserFixtures.unique();

		MvcTestResult lockedWrong = mvc.get()
			.uri("/api/v1/accounts")
			.with(httpBasic(user.username(), "guess-6"))
			.exchange();
		MvcTestResult lockedRight = mvc.get().uri("/api/v1/accounts").with(basicOnly(user)).exchange();
		MvcTestResult nobody = mvc.get().uri("/api/v1/accounts").with(httpBasic(unknown, "guess-6")).exchange();

		assertThat(lockedWrong).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(lockedRight).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(nobody).hasStatus(HttpStatus.UNAUTHORIZED);
		String answer = json(nobody.getResponse()).get("detail").asString();
		assertThat(json(lockedWrong.getResponse()).get("detail").asString()).isEqualTo(answer);
		assertThat(json(lockedRight.getResponse()).get("detail").asString()).isEqualTo(answer);

		for (String[] attempt : List.of(new String[] { user.username(), "guess-7" },
				new String[] { user.username(), AccountFixtures.PASSWORD }, new String[] { unknown, "guess-7" })) {
			MvcTestResult form = mvc.post()
				.uri("/login")
				.param("username", attempt[0])
				.param("password", attempt[1])
				.with(csrf())
				.exchange();
			assertThat(form.getResponse().getRedirectedUrl()).as(attempt[0] + " / " + attempt[1])
				.isEqualTo("/login?error");
		}
	}

	// Headers of a page.

	@Test
	void pagesCarryAContentSecurityPolicyWithoutInlineScriptsAndReferrerAndPermissionsPolicies() throws Exception {
		CurrentUser admin = fixtures.user(Role.ADMIN);
		MvcTestResult login = mvc.get().uri("/login").exchange();
		MvcTestResult profile = mvc.get().uri("/profile").with(basicOnly(admin)).exchange();
		MvcTestResult imports = mvc.get().uri("/import").with(basicOnly(admin)).exchange();

		for (MvcTestResult page : List.of(login, profile, imports)) {
			assertThat(page).hasStatusOk();
			MockHttpServletResponse response = page.getResponse();
			String policy = response.getHeader("Content-Security-Policy");
			assertThat(policy).contains("default-src 'self'", "script-src 'self';", "object-src 'none'",
					"frame-ancestors 'none'", "base-uri 'self'");
			assertThat(directive(policy, "script-src")).doesNotContain("unsafe-inline", "unsafe-eval");
			assertThat(response.getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
			assertThat(response.getHeader("Permissions-Policy")).contains("camera=()", "microphone=()",
					"geolocation=()");

			Document html = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
			assertThat(html.select("script")).as("every script is a file").allMatch(script -> script.hasAttr("src"));
			assertThat(html.getAllElements()
				.stream()
				.flatMap(element -> element.attributes().asList().stream())
				.map(attribute -> attribute.getKey().toLowerCase())).as("no inline event handlers")
				.noneMatch(key -> key.startsWith("on"));
		}
		assertThat(Jsoup.parse(profile.getResponse().getContentAsString(StandardCharsets.UTF_8)).select("script[src]"))
			.extracting(script -> script.attr("src"))
			.anyMatch(src -> src.endsWith("/js/profile.js"));
	}

	private static String directive(String policy, String name) {
		for (String directive : policy.split(";")) {
			if (directive.strip().startsWith(name + " ")) {
				return directive.strip();
			}
		}
		throw new AssertionError("no " + name + " in " + policy);
	}

	private static MockHttpServletRequest apiRequest() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/accounts");
		request.setRequestURI("/api/v1/accounts");
		return request;
	}

	/** The body as UTF-8 JSON: how every client reads application/problem+json. */
	private static JsonNode json(MockHttpServletResponse response) {
		return JSON.readTree(response.getContentAsByteArray());
	}

	/** HTTP Basic without a CSRF token: what these tests of the CSRF rule need. */
	private static org.springframework.test.web.servlet.request.RequestPostProcessor basicOnly(CurrentUser user) {
		return httpBasic(user.username(), io.intime.accounts.AccountFixtures.PASSWORD);
	}

}
