package io.intime.identity.web;

import io.intime.IntegrationTest;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import io.intime.shared.web.RenderedPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class UsersAdminPageIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	UserFixtures fixtures;

	UserSummary admin;

	@BeforeEach
	void setUp() {
		fixtures = new UserFixtures(users);
		admin = fixtures.user(Role.ADMIN, "Avery Admin");
	}

	@Test
	void nonAdminGetsTheForbiddenPageAndTheDenialIsAudited() throws Exception {
		UserSummary manager = fixtures.user(Role.SALES_DIRECTOR);

		mvc.perform(get("/admin/users").with(httpBasic(manager.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isForbidden());

		assertThat(jdbc.sql(
				"select count(*) from audit_entry where action = 'DENIED' and actor_id = :id and detail like 'GET /admin/users%'")
			.param("id", manager.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void adminSetsWhomAnAccountManagerReportsToOnThePageAndThroughTheApi() throws Exception {
		UserSummary am = fixtures.user(Role.ACCOUNT_MANAGER);
		UserSummary director = fixtures.user(Role.SALES_DIRECTOR, "Dana Director");
		UserSummary recruiter = fixtures.user(Role.RECRUITER);

		String form = mvc.perform(get("/admin/users/" + am.id()).with(asAdmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Reports to", "Dana Director (Sales Director)");

		mvc.perform(post("/admin/users/" + am.id() + "/reports-to").with(csrf())
			.with(asAdmin())
			.param("managerId", Long.toString(director.id()))).andExpect(redirectedUrl("/admin/users/" + am.id()));
		assertThat(users.reportsTo(am.id())).map(UserSummary::id).contains(director.id());
		assertThat(jdbc
			.sql("select count(*) from audit_entry where entity_type = 'user' and entity_id = :id"
					+ " and field = 'reportsTo'")
			.param("id", am.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/users/" + am.id() + "/reports-to")
			.with(asAdmin())
			.contentType("application/json")
			.content("{\"managerId\": " + recruiter.id() + "}"))
			.andExpect(status().isBadRequest())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("managerId")));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/users/" + am.id() + "/reports-to")
			.with(httpBasic(director.username(), UserFixtures.PASSWORD))
			.contentType("application/json")
			.content("{\"managerId\": null}")).andExpect(status().isForbidden());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/users/" + am.id() + "/reports-to")
			.with(asAdmin())
			.contentType("application/json")
			.content("{\"managerId\": null}")).andExpect(status().isNoContent());
		assertThat(users.reportsTo(am.id())).isEmpty();
	}

	@Test
	void adminSeesEveryUserWithRoleAndState() throws Exception {
		UserSummary recruiter = fixtures.user(Role.RECRUITER, "Casey Recruiter");

		String html = mvc.perform(get("/admin/users").with(asAdmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		String row = RenderedPage.text(new RenderedPage(html).element("data-user=\"" + recruiter.username() + "\""));
		assertThat(row).contains("Casey Recruiter", recruiter.username(), "Recruiter", recruiter.email(),
				"America/New_York", "Enabled");
	}

	@Test
	void adminCreatesAUserWhoCanThenSignIn() throws Exception {
		String username = "new-am-" + UserFixtures.unique();

		mvc.perform(post("/admin/users").with(csrf())
			.with(asAdmin())
			.param("username", username)
			.param("fullName", "Morgan Lee")
			.param("email", username + "@test.example")
			.param("title", "Account Manager")
			.param("role", "ACCOUNT_MANAGER")
			.param("timeZone", "Europe/London")
			.param("enabled", "true")
			.param("password", "long-enough-pw"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/users"));

		UserSummary created = users.findByUsername(username).orElseThrow();
		assertThat(created.role()).isEqualTo(Role.ACCOUNT_MANAGER);
		assertThat(created.timeZone()).isEqualTo("Europe/London");
		mvc.perform(get("/profile").with(httpBasic(username, "long-enough-pw"))).andExpect(status().isOk());
		assertThat(jdbc.sql(
				"select count(*) from audit_entry where entity_type = 'user' and entity_id = :id and action = 'CREATE' and actor_id = :admin")
			.param("id", created.id())
			.param("admin", admin.id())
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void tooShortPasswordIsShownBesideThePasswordFieldAndNothingIsCreated() throws Exception {
		String username = "short-pw-" + UserFixtures.unique();

		String html = mvc
			.perform(post("/admin/users").with(csrf())
				.with(asAdmin())
				.param("username", username)
				.param("fullName", "Short Password")
				.param("email", username + "@test.example")
				.param("role", "FINANCE")
				.param("timeZone", "America/Chicago")
				.param("enabled", "true")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		RenderedPage page = new RenderedPage(html);
		assertThat(page.field("password")).contains("has-error", "must be at least 8 characters");
		assertThat(page.field("fullName")).doesNotContain("has-error").contains("value=\"Short Password\"");
		assertThat(users.findByUsername(username)).isEmpty();
	}

	@Test
	void everyWrongFieldIsShownBesideItselfAtOnce() throws Exception {
		String html = mvc
			.perform(post("/admin/users").with(csrf())
				.with(asAdmin())
				.param("username", "bad input")
				.param("fullName", "")
				.param("email", "not-an-email")
				.param("role", "WIZARD")
				.param("timeZone", "Mars/Olympus")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		RenderedPage page = new RenderedPage(html);
		assertThat(page.field("username")).contains("has-error", "letters, digits");
		assertThat(page.field("fullName")).contains("has-error");
		assertThat(page.field("email")).contains("has-error");
		assertThat(page.field("timeZone")).contains("has-error", "not a known time zone");
		assertThat(page.field("role")).contains("has-error", "choose one of the roles");
		assertThat(page.field("password")).contains("has-error", "at least 8 characters");
		assertThat(page.field("username")).contains("value=\"bad input\"");
	}

	@Test
	void takenUsernameLinksToTheExistingUser() throws Exception {
		UserSummary existing = fixtures.user(Role.LEGAL, "Existing Person");

		String html = mvc
			.perform(post("/admin/users").with(csrf())
				.with(asAdmin())
				.param("username", existing.username())
				.param("fullName", "Someone Else")
				.param("email", "else@test.example")
				.param("role", "LEGAL")
				.param("timeZone", "America/Chicago")
				.param("enabled", "true")
				.param("password", "long-enough-pw"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(new RenderedPage(html).field("username")).contains("has-error", "is taken",
				"href=\"/admin/users/" + existing.id() + "\"");
	}

	@Test
	void editChangesRoleAndDisablesWhenTheBoxIsUnticked() throws Exception {
		UserSummary person = fixtures.user(Role.RECRUITER, "Jamie Moved");
		long version = users.versionOf(person.id());

		mvc.perform(edit(person, version, "role", "RECRUITING_MANAGER")).andExpect(status().is3xxRedirection());

		UserSummary saved = users.find(person.id()).orElseThrow();
		assertThat(saved.role()).isEqualTo(Role.RECRUITING_MANAGER);
		assertThat(saved.enabled()).isFalse();
		mvc.perform(get("/profile").with(httpBasic(person.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void staleVersionExplainsTheConflictAndKeepsTheInput() throws Exception {
		UserSummary person = fixtures.user(Role.FINANCE, "Taylor Finance");
		long version = users.versionOf(person.id());
		mvc.perform(edit(person, version, "title", "Controller", "enabled", "true"))
			.andExpect(status().is3xxRedirection());

		String html = mvc.perform(edit(person, version, "title", "CFO", "enabled", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		RenderedPage page = new RenderedPage(html);
		assertThat(RenderedPage.text(page.byId("conflict"))).contains("Someone else changed this user",
				"Title: saved as Controller");
		assertThat(page.field("title")).contains("value=\"CFO\"");
		assertThat(users.find(person.id()).orElseThrow().title()).isEqualTo("Controller");
		assertThat(html).contains("name=\"version\" value=\"" + users.versionOf(person.id()) + "\"");
	}

	@Test
	void adminCannotTakeTheirOwnAdminRightsAway() throws Exception {
		String html = mvc.perform(edit(admin, users.versionOf(admin.id()), "role", "EXECUTIVE", "enabled", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(new RenderedPage(html).field("role")).contains("has-error", "cannot remove your own admin rights");
		assertThat(users.find(admin.id()).orElseThrow().role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void unknownUserIsNotFound() throws Exception {
		mvc.perform(get("/admin/users/{id}", 987_654_321L).with(asAdmin())).andExpect(status().isNotFound());
	}

	/**
	 * The edit form as the page posts it: the person's current values, with some changed.
	 */
	private MockHttpServletRequestBuilder edit(UserSummary person, long version, String... changes) {
		java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
		values.put("fullName", person.fullName());
		values.put("email", person.email());
		values.put("role", person.role().name());
		values.put("timeZone", person.timeZone());
		values.put("password", "");
		for (int i = 0; i < changes.length; i += 2) {
			values.put(changes[i], changes[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/admin/users/{id}", person.id()).with(csrf())
			.with(asAdmin())
			.param("version", Long.toString(version));
		values.forEach(request::param);
		return request;
	}

	private org.springframework.test.web.servlet.request.RequestPostProcessor asAdmin() {
		return httpBasic(admin.username(), UserFixtures.PASSWORD);
	}

}
