package io.intime.identity.web;

import io.intime.IntegrationTest;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import io.intime.identity.security.ApiTokenService;
import io.intime.shared.web.RenderedPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ProfilePageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenService tokens;

	@Autowired
	JdbcClient jdbc;

	UserSummary me;

	@BeforeEach
	void signUp() {
		me = new UserFixtures(users).user(Role.ACCOUNT_MANAGER, "Riley Okafor");
	}

	@Test
	void showsWhoTheUserIsWithRoleEmailAndTimeZone() throws Exception {
		String html = mvc.perform(get("/profile").with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String details = RenderedPage.text(new RenderedPage(html).element("<dl"));
		assertThat(details).contains("Name Riley Okafor", "Username " + me.username(), "Role Account Manager",
				"Email " + me.email(), "Time zone America/New_York");
	}

	@Test
	void createdTokenShowsItsSecretOnceAndSignsInUntilRevoked() throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/profile/tokens").with(csrf())
			.session(session)
			.param("name", "Nightly report")
			.with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/profile#tokens"));
		ApiTokenService.TokenView token = tokens.list(UserFixtures.current(me)).get(0);
		assertThat(token.name()).isEqualTo("Nightly report");

		String first = mvc
			.perform(get("/profile").session(session).with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String secret = RenderedPage.text(new RenderedPage(first).byId("token-secret"));
		assertThat(secret).startsWith("itk_").startsWith(token.prefix()).hasSizeGreaterThan(30);
		assertThat(new RenderedPage(first).byId("token-table")).contains(token.prefix() + "…", "Active", "Never");

		String second = mvc
			.perform(get("/profile").session(session).with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).doesNotContain(secret).contains(token.prefix() + "…");

		String asToken = mvc.perform(get("/profile").header("Authorization", "Bearer " + secret))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(RenderedPage.text(new RenderedPage(asToken).byId("profile-name"))).isEqualTo("Riley Okafor");

		mvc.perform(post("/profile/tokens/{id}/revoke", token.id()).with(csrf())
			.with(httpBasic(me.username(), UserFixtures.PASSWORD))).andExpect(status().is3xxRedirection());
		mvc.perform(get("/profile").header("Authorization", "Bearer " + secret)).andExpect(status().isUnauthorized());
		assertThat(tokens.list(UserFixtures.current(me)).get(0).active()).isFalse();
	}

	@Test
	void tokenWithoutANameIsRefusedBesideTheNameField() throws Exception {
		String html = mvc
			.perform(post("/profile/tokens").with(csrf())
				.param("name", "  ")
				.with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String field = new RenderedPage(html).field("name");
		assertThat(field).contains("has-error");
		assertThat(RenderedPage.text(field)).contains("Give the token a name");
		assertThat(tokens.list(UserFixtures.current(me))).isEmpty();
	}

	@Test
	void revokingSomeoneElsesTokenIsNotFound() throws Exception {
		UserSummary other = new UserFixtures(users).user(Role.FINANCE);
		long theirs = tokens.create(UserFixtures.current(other), "theirs").token().id();

		mvc.perform(post("/profile/tokens/{id}/revoke", theirs).with(csrf())
			.with(httpBasic(me.username(), UserFixtures.PASSWORD))).andExpect(status().isNotFound());
		assertThat(tokens.list(UserFixtures.current(other)).get(0).active()).isTrue();
	}

	@Test
	void passwordChangeChecksTheCurrentPasswordAndTheRepetition() throws Exception {
		String wrongCurrent = mvc
			.perform(post("/profile/password").with(csrf())
				.param("currentPassword", "not-my-password")
				.param("newPassword", "a-much-better-one")
				.param("confirmPassword", "a-much-better-one")
				.with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new RenderedPage(wrongCurrent).field("currentPassword")).contains("has-error",
				"is not your current password");
		assertThat(new RenderedPage(wrongCurrent).field("newPassword")).doesNotContain("has-error");
		assertThat(new RenderedPage(wrongCurrent).field("confirmPassword")).doesNotContain("has-error");

		String mismatch = mvc
			.perform(post("/profile/password").with(csrf())
				.param("currentPassword", UserFixtures.PASSWORD)
				.param("newPassword", "a-much-better-one")
				.param("confirmPassword", "a-much-better-on")
				.with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new RenderedPage(mismatch).field("confirmPassword")).contains("has-error",
				"does not match the new password");

		String tooShort = mvc
			.perform(post("/profile/password").with(csrf())
				.param("currentPassword", UserFixtures.PASSWORD)
				.param("newPassword", "short")
				.param("confirmPassword", "shorter")
				.with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new RenderedPage(tooShort).field("newPassword")).contains("has-error", "at least 8 characters");
		assertThat(new RenderedPage(tooShort).field("confirmPassword")).as("every error at once").contains("has-error");
		assertThat(new RenderedPage(tooShort).field("currentPassword")).doesNotContain("has-error");

		mvc.perform(get("/profile").with(httpBasic(me.username(), UserFixtures.PASSWORD))).andExpect(status().isOk());
		assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = :id and action = 'PASSWORD_REFUSED'")
			.param("id", me.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void changedPasswordSignsInAndTheOldOneNoLongerDoes() throws Exception {
		mvc.perform(post("/profile/password").with(csrf())
			.param("currentPassword", UserFixtures.PASSWORD)
			.param("newPassword", "a-much-better-one")
			.param("confirmPassword", "a-much-better-one")
			.with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/profile#password"));

		mvc.perform(get("/profile").with(httpBasic(me.username(), "a-much-better-one"))).andExpect(status().isOk());
		mvc.perform(get("/profile").with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isUnauthorized());
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'user' and entity_id = :id and field = 'password' and actor_name = :name")
			.param("id", me.id())
			.param("name", me.username())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void formPostsFromASignedInBrowserNeedTheCsrfToken() throws Exception {
		MvcResult login = mvc.perform(formLogin("/login").user(me.username()).password(UserFixtures.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);

		mvc.perform(post("/profile/tokens").session(session).param("name", "forged")).andExpect(status().isForbidden());
		assertThat(tokens.list(UserFixtures.current(me))).isEmpty();

		mvc.perform(post("/profile/tokens").session(session).param("name", "genuine").with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(tokens.list(UserFixtures.current(me))).extracting(ApiTokenService.TokenView::name)
			.containsExactly("genuine");
	}

	@Test
	void wrongCurrentPasswordsLockThePasswordChangeAndTheSignInAsRepeatedFailedSignInsDo() throws Exception {
		MockHttpSession session = signIn();
		String before = passwordHash();
		for (int attempt = 1; attempt <= 4; attempt++) {
			String html = changePassword(session, "guess-" + attempt, "a-much-better-one");
			assertThat(new RenderedPage(html).field("currentPassword")).contains("is not your current password");
		}
		String fifth = changePassword(session, "guess-5", "a-much-better-one");
		assertThat(new RenderedPage(fifth).field("currentPassword")).contains("has-error", "was wrong too many times");

		String right = changePassword(session, UserFixtures.PASSWORD, "a-much-better-one");
		assertThat(new RenderedPage(right).field("currentPassword")).as("the right password while locked")
			.contains("has-error", "was wrong too many times");
		assertThat(passwordHash()).as("unchanged").isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from audit_entry where entity_id = :id and action = 'LOCKED'")
			.param("id", me.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/api/v1/accounts").with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void changingThePasswordEndsTheUsersOtherSessionsButNotThisOneNorOtherUsers() throws Exception {
		MockHttpSession here = signIn();
		MockHttpSession elsewhere = signIn();
		UserSummary someoneElse = new UserFixtures(users).user(Role.ACCOUNT_MANAGER);
		MockHttpSession theirs = (MockHttpSession) mvc
			.perform(formLogin("/login").user(someoneElse.username()).password(UserFixtures.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession(false);

		mvc.perform(post("/profile/password").with(csrf())
			.session(here)
			.param("currentPassword", UserFixtures.PASSWORD)
			.param("newPassword", "a-much-better-one")
			.param("confirmPassword", "a-much-better-one"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/profile#password"));

		mvc.perform(get("/profile").session(here)).andExpect(status().isOk());
		mvc.perform(get("/profile").session(elsewhere))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/profile").session(theirs)).andExpect(status().isOk());
		mvc.perform(get("/profile").with(httpBasic(me.username(), "a-much-better-one"))).andExpect(status().isOk());
	}

	private MockHttpSession signIn() throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(me.username()).password(UserFixtures.PASSWORD))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private String passwordHash() {
		return jdbc.sql("select password_hash from app_user where id = :id")
			.param("id", me.id())
			.query(String.class)
			.single();
	}

	/** Posts the password form in the signed-in session; the page's HTML. */
	private String changePassword(MockHttpSession session, String current, String next) throws Exception {
		return mvc
			.perform(post("/profile/password").with(csrf())
				.session(session)
				.param("currentPassword", current)
				.param("newPassword", next)
				.param("confirmPassword", next))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
