package io.intime.identity.web;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import io.intime.identity.security.ApiTokenService;
import io.intime.shared.web.RenderedPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's user management through the pages and the API: invitations, deactivation,
 * password resets, and the links people set their passwords with.
 */
@IntegrationTest
class UserAdministrationIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDirectory users;

	@Autowired
	ApiTokenService tokens;

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
	void deactivationEndsTheUsersSessionAndApiTokenAtOnceAndReactivationLetsThemBackIn() throws Exception {
		UserSummary manager = fixtures.user(Role.ACCOUNT_MANAGER);
		MockHttpSession session = signIn(manager.username(), UserFixtures.PASSWORD);
		String token = tokens.create(UserFixtures.current(manager), "nightly").secret();
		mvc.perform(get("/profile").session(session)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

		mvc.perform(post("/admin/users/{id}/deactivate", manager.id()).with(csrf()).with(asAdmin()))
			.andExpect(redirectedUrl("/admin/users"));

		mvc.perform(get("/profile").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/users").with(httpBasic(manager.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isUnauthorized());
		assertThat(auditedChanges(manager.id(), "enabled")).containsExactly("true → false by " + admin.username());

		mvc.perform(post("/api/v1/users/{id}/reactivate", manager.id()).with(asAdmin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(true));
		mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void anAdminCannotDeactivateThemselves() throws Exception {
		mvc.perform(post("/api/v1/users/{id}/deactivate", admin.id()).with(asAdmin()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("enabled"));
		MvcResult page = mvc.perform(post("/admin/users/{id}/deactivate", admin.id()).with(csrf()).with(asAdmin()))
			.andExpect(redirectedUrl("/admin/users"))
			.andReturn();
		assertThat(page.getFlashMap().get("flashError")).asString().contains("cannot deactivate yourself");
		assertThat(users.find(admin.id()).orElseThrow().enabled()).isTrue();
	}

	@Test
	void aResetLinkWorksOnceAndTheOldPasswordStopsAtOnce() throws Exception {
		UserSummary recruiter = fixtures.user(Role.RECRUITER);
		MockHttpSession session = signIn(recruiter.username(), UserFixtures.PASSWORD);

		String link = JsonPath
			.read(mvc.perform(post("/api/v1/users/{id}/password-reset", recruiter.id()).with(asAdmin()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.link");
		String path = URI.create(link).getPath();
		assertThat(path).startsWith("/reset-password/");

		mvc.perform(get("/profile").session(session)).andExpect(redirectedUrl("/login?expired"));
		mvc.perform(get("/profile").with(httpBasic(recruiter.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isUnauthorized());
		mvc.perform(get(path)).andExpect(status().isOk());

		MvcResult set = mvc
			.perform(post(path).with(csrf())
				.param("password", "a-fresh-password")
				.param("confirmPassword", "a-fresh-password"))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		mvc.perform(get("/profile").session((MockHttpSession) set.getRequest().getSession(false)))
			.andExpect(status().isOk());
		mvc.perform(get("/profile").with(httpBasic(recruiter.username(), "a-fresh-password")))
			.andExpect(status().isOk());

		String again = mvc
			.perform(post(path).with(csrf())
				.param("password", "another-password")
				.param("confirmPassword", "another-password"))
			.andExpect(status().isGone())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new RenderedPage(again).byId("link-state")).contains("used already");
		assertThat(auditedChanges(recruiter.id(), "password")).contains("null → (reset) by " + admin.username(),
				"(reset) → (set) by " + recruiter.username());
	}

	@Test
	void openingAnInvitationSpendsNothingAndAcceptingItActivatesTheUserByEmail() throws Exception {
		String email = "Invitee." + UserFixtures.unique() + "@Firm.example";
		String path = invite("Riley Invitee", email);
		long id = users.findByUsername(email.toLowerCase()).orElseThrow().id();

		for (int i = 0; i < 2; i++) {
			String html = mvc.perform(get(path))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(new RenderedPage(html).byId("link-person")).contains("Riley Invitee", email.toLowerCase());
		}
		assertThat(jdbc.sql("select count(*) from user_link where user_id = :id and used_at is null")
			.param("id", id)
			.query(Long.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/profile").with(httpBasic(email, "chosen-by-riley"))).andExpect(status().isUnauthorized());

		String mismatch = mvc
			.perform(post(path).with(csrf()).param("password", "chosen-by-riley").param("confirmPassword", "typo"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new RenderedPage(mismatch).field("confirmPassword")).contains("has-error", "does not match");

		mvc.perform(post(path).with(csrf())
			.param("password", "chosen-by-riley")
			.param("confirmPassword", "chosen-by-riley")).andExpect(redirectedUrl("/"));
		mvc.perform(get("/profile").with(httpBasic(email.toUpperCase(), "chosen-by-riley"))).andExpect(status().isOk());
		assertThat(users.find(id).orElseThrow().enabled()).isTrue();
		assertThat(auditedChanges(id, "invitation")).anySatisfy(change -> assertThat(change).startsWith("null → sent"))
			.contains("sent → accepted by " + email.toLowerCase());
	}

	@Test
	void anExpiredInvitationIsRefusedWithAPageThatSaysSo() throws Exception {
		String email = "late." + UserFixtures.unique() + "@firm.example";
		String path = invite("Lee Late", email);
		long id = users.findByUsername(email).orElseThrow().id();
		jdbc.sql("update user_link set expires_at = :past where user_id = :id")
			.param("past", Timestamp.from(TestClock.now().minus(Duration.ofMinutes(1))))
			.param("id", id)
			.update();

		String html = mvc.perform(get(path))
			.andExpect(status().isGone())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new RenderedPage(html).byId("link-state")).contains("This invitation has expired");
		assertThat(RenderedPage.text(html)).contains("Ask your administrator");
		mvc.perform(post(path).with(csrf()).param("password", "too-late-pw").param("confirmPassword", "too-late-pw"))
			.andExpect(status().isGone());
		assertThat(users.find(id).orElseThrow().enabled()).isFalse();

		String list = mvc.perform(get("/admin/users").with(asAdmin())).andReturn().getResponse().getContentAsString();
		assertThat(RenderedPage.text(new RenderedPage(list).element("data-user=\"" + email + "\"")))
			.contains("Invited, link expired or revoked");
	}

	@Test
	void aResentInvitationKillsTheOldLinkAndARevokedOneIsRefused() throws Exception {
		String email = "twice." + UserFixtures.unique() + "@firm.example";
		String first = invite("Sam Twice", email);
		long id = users.findByUsername(email).orElseThrow().id();
		String list = mvc.perform(get("/admin/users").with(asAdmin())).andReturn().getResponse().getContentAsString();
		assertThat(RenderedPage.text(new RenderedPage(list).element("data-user=\"" + email + "\"")))
			.contains("Invited, expires");

		String second = URI.create(JsonPath.read(mvc.perform(post("/api/v1/users/{id}/invitation", id).with(asAdmin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.link")).getPath();
		mvc.perform(get(first)).andExpect(status().isGone());
		mvc.perform(get(second)).andExpect(status().isOk());

		mvc.perform(delete("/api/v1/users/{id}/invitation", id).with(asAdmin())).andExpect(status().isNoContent());
		mvc.perform(get(second)).andExpect(status().isGone());
		mvc.perform(get("/invite/not-a-token")).andExpect(status().isNotFound());
	}

	@Test
	void badInvitationInputNamesTheFieldOnTheApiAndThePage() throws Exception {
		mvc.perform(post("/api/v1/users/invitations").with(asAdmin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"""
							{"fullName": "Nia Bad", "email": "not-an-email", "role": "RECRUITER", "timeZone": "Mars/Olympus"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("email", "timeZone")));

		String html = mvc
			.perform(post("/admin/users/invite").with(csrf())
				.with(asAdmin())
				.param("fullName", "")
				.param("email", admin.email())
				.param("role", "RECRUITER")
				.param("timeZone", "Europe/Paris"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new RenderedPage(html).field("fullName")).contains("has-error");
		String taken = mvc
			.perform(post("/admin/users/invite").with(csrf())
				.with(asAdmin())
				.param("fullName", "Someone")
				.param("email", admin.email().toUpperCase())
				.param("role", "RECRUITER")
				.param("timeZone", "Europe/Paris"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(new RenderedPage(taken).field("email")).contains("has-error", "exists");
	}

	@Test
	void theInvitationShownToTheAdminIsAOneUseLinkAndNoTokenIsAudited() throws Exception {
		String email = "shown." + UserFixtures.unique() + "@firm.example";
		String html = mvc
			.perform(post("/admin/users/invite").with(csrf())
				.with(asAdmin())
				.param("fullName", "Kim Shown")
				.param("email", email)
				.param("title", "Recruiter")
				.param("role", "RECRUITER")
				.param("timeZone", "Europe/Paris"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String link = RenderedPage.text(new RenderedPage(html).byId("link-url"));
		assertThat(link).contains("/invite/");
		assertThat(RenderedPage.text(html)).contains("Send this link to Kim Shown");
		assertThat(RenderedPage.text(new RenderedPage(html).byId("link-emailed")))
			.contains("We emailed it to " + email + ".");
		String token = link.substring(link.lastIndexOf('/') + 1);
		assertThat(jdbc.sql("""
				select count(*) from audit_entry where coalesce(new_value, '') || coalesce(old_value, '')
				  || coalesce(detail, '') like :token""").param("token", "%" + token + "%").query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from user_link where token_hash = :token")
			.param("token", token)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eachInvitationAndResetLinkIsEmailedToItsUserOnce() throws Exception {
		String email = "mailed." + UserFixtures.unique() + "@firm.example";
		String path = invite("Mo Mailed", email);
		long id = users.findByUsername(email).orElseThrow().id();
		mvc.perform(post("/api/v1/users/{id}/invitation", id).with(asAdmin())).andExpect(status().isOk());

		record Sent(String kind, String severity, String title, String body, String link, String actor,
				String channels) {
		}
		List<Sent> sent = jdbc.sql("""
				select n.kind, n.severity, n.title, n.body, n.link, n.actor,
				       (select string_agg(d.channel || ':' || d.status, ',') from notification_delivery d
				        where d.notification_id = n.id) as channels
				from notification n where n.recipient_id = :user order by n.id""")
			.param("user", id)
			.query(Sent.class)
			.list();
		assertThat(sent).hasSize(2);
		Sent first = sent.get(0);
		assertThat(first.kind()).isEqualTo("identity.invitation");
		assertThat(first.severity()).isEqualTo("HIGH");
		assertThat(first.link()).isEqualTo(path);
		assertThat(first.title()).isEqualTo("Avery Admin invited you to InTime Accounts at "
				+ jdbc.sql("select coalesce(max(name), 'your firm') from firm").query(String.class).single());
		assertThat(first.body()).contains("Avery Admin invited you to ", " as Recruiter.", path,
				"The link works once, until ", "Your username is " + email + ".");
		assertThat(first.actor()).isEqualTo(admin.username());
		assertThat(first.channels()).isEqualTo("EMAIL:QUEUED");
		assertThat(sent.get(1).link()).startsWith("/invite/").isNotEqualTo(path);
		String token = path.substring(path.lastIndexOf('/') + 1);
		assertThat(jdbc.sql("""
				select (select count(*) from event_publication where serialized_event like :token)
				     + (select count(*) from domain_event where payload::text like :token)""")
			.param("token", "%" + token + "%")
			.query(Long.class)
			.single()).as("the link's event is never stored as a domain event or an event publication").isZero();

		UserSummary recruiter = fixtures.user(Role.RECRUITER);
		String reset = URI
			.create(JsonPath.read(mvc.perform(post("/api/v1/users/{id}/password-reset", recruiter.id()).with(asAdmin()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.link"))
			.getPath();
		assertThat(jdbc.sql("""
				select n.kind || ' ' || n.link || ' ' || d.channel from notification n
				join notification_delivery d on d.notification_id = n.id where n.recipient_id = :user""")
			.param("user", recruiter.id())
			.query(String.class)
			.list()).containsExactly("identity.password-reset " + reset + " EMAIL");
	}

	@Test
	void nonAdminsAreRefusedEveryUserAdministrationStep() throws Exception {
		UserSummary director = fixtures.user(Role.SALES_DIRECTOR);
		UserSummary target = fixtures.user(Role.FINANCE);
		RequestPostProcessor asDirector = httpBasic(director.username(), UserFixtures.PASSWORD);
		List<MockHttpServletRequestBuilder> requests = List.of(get("/admin/users/invite"),
				post("/admin/users/invite").with(csrf()).param("fullName", "X").param("email", "x@firm.example"),
				post("/admin/users/{id}/invitation", target.id()).with(csrf()),
				post("/admin/users/{id}/invitation/revoke", target.id()).with(csrf()),
				post("/admin/users/{id}/deactivate", target.id()).with(csrf()),
				post("/admin/users/{id}/reactivate", target.id()).with(csrf()),
				post("/admin/users/{id}/password-reset", target.id()).with(csrf()),
				post("/api/v1/users/invitations").contentType(MediaType.APPLICATION_JSON).content("""
						{"fullName": "X", "email": "x@firm.example", "role": "ADMIN", "timeZone": "UTC"}"""),
				post("/api/v1/users/{id}/invitation", target.id()),
				delete("/api/v1/users/{id}/invitation", target.id()),
				post("/api/v1/users/{id}/deactivate", target.id()), post("/api/v1/users/{id}/reactivate", target.id()),
				post("/api/v1/users/{id}/password-reset", target.id()));
		for (MockHttpServletRequestBuilder request : requests) {
			mvc.perform(request.with(asDirector)).andExpect(status().isForbidden());
		}
		assertThat(users.find(target.id()).orElseThrow().enabled()).isTrue();
		mvc.perform(get("/profile").with(httpBasic(target.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk());
		assertThat(users.findByUsername("x@firm.example")).isEmpty();
	}

	@Test
	void setupAnswers404ToAWrongTokenOnGetAndPost() throws Exception {
		mvc.perform(get("/setup").param("token", "wrong")).andExpect(status().isNotFound());
		mvc.perform(post("/setup").with(csrf())
			.param("token", "wrong")
			.param("firmName", "Hijack")
			.param("fullName", "Mallory")
			.param("email", "mallory@evil.example")
			.param("timeZone", "UTC")
			.param("password", "long-enough-pw")
			.param("confirmPassword", "long-enough-pw")).andExpect(status().isNotFound());
		assertThat(users.findByUsername("mallory@evil.example")).isEmpty();
	}

	/** Invites through the API; returns the link's path. */
	private String invite(String name, String email) throws Exception {
		String body = mvc
			.perform(post("/api/v1/users/invitations").with(asAdmin())
				.contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"fullName": "%s", "email": "%s", "role": "RECRUITER", "title": "Recruiter", "timeZone": "Europe/Berlin"}"""
							.formatted(name, email)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(body, "$.user.username")).isEqualTo(email.toLowerCase());
		assertThat((Boolean) JsonPath.read(body, "$.user.enabled")).isFalse();
		return URI.create(JsonPath.read(body, "$.link")).getPath();
	}

	/** The audited changes of one field of a user, as "old → new by actor". */
	private List<String> auditedChanges(long userId, String field) {
		return jdbc.sql("""
				select coalesce(old_value, 'null') || ' → ' || coalesce(new_value, 'null') || ' by ' || actor_name
				from audit_entry where entity_type = 'user' and entity_id = :id and field = :field order by id""")
			.param("id", userId)
			.param("field", field)
			.query(String.class)
			.list();
	}

	private MockHttpSession signIn(String username, String password) throws Exception {
		return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private RequestPostProcessor asAdmin() {
		return httpBasic(admin.username(), UserFixtures.PASSWORD);
	}

}
