package io.intime.engagement.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContactView;
import io.intime.accounts.StakeholderRole;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
import io.intime.engagement.EngagementFixtures;
import io.intime.engagement.NpsView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.intime.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The Activities tab of Account 360 and its activity and NPS forms. */
@IntegrationTest
class ActivityPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	EngagementFixtures fixtures;

	CurrentUser manager;

	AccountDetails account;

	ContactView jane;

	@BeforeEach
	void setUp() {
		fixtures = new EngagementFixtures(context);
		manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		account = fixtures.accounts().account(manager);
		jane = fixtures.contact(account, StakeholderRole.CHAMPION);
	}

	Document page(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void theTabListsActivitiesNewestFirstWithAnchorsEngagementFiguresAndTheNpsSection() throws Exception {
		ContactView ceo = fixtures.contact(account, StakeholderRole.EXECUTIVE);
		Instant now = TestClock.now();
		ActivityView older = fixtures.activity(account, manager, ActivityType.MEETING, ActivityDirection.OUTBOUND,
				now.minus(10, ChronoUnit.DAYS), List.of(ceo));
		ActivityView newer = fixtures.activity(account, manager, ActivityType.EMAIL, ActivityDirection.INBOUND,
				now.minus(2, ChronoUnit.DAYS), List.of(jane));
		NpsView response = fixtures.response(account, 3, TestClock.today().minusDays(5));

		Document tab = page(mvc.perform(get("/accounts/{id}/activities", account.id()).with(as(manager)))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(tab.select("tr.activity-row").eachAttr("id")).containsExactly("activity-" + newer.id(),
				"activity-" + older.id());
		assertThat(tab.selectFirst("#activity-" + older.id() + " .touchpoint-badge")).isNotNull();
		assertThat(tab.selectFirst("#activity-" + newer.id() + " .touchpoint-badge")).isNull();
		assertThat(tab.selectFirst("#stat-touchpoints .value").text()).isEqualTo("1");
		assertThat(tab.selectFirst("#stat-contacts .value").text()).isEqualTo("2");
		assertThat(tab.selectFirst("#tab-activities").hasClass("active")).isTrue();
		assertThat(tab.selectFirst("#nps #nps-" + response.id() + " .score-pill").text()).isEqualTo("3/10");
		assertThat(tab.selectFirst("#nps-average").text()).isEqualTo("3.0");
		assertThat(tab.selectFirst("#log-call").attr("href"))
			.isEqualTo("/accounts/" + account.id() + "/activities/new?type=CALL");
		assertThat(tab.select("#log-email, #log-meeting, #log-note, #record-nps")).hasSize(4);
		assertThat(tab.select("#activity-" + newer.id() + " a.button").text()).isEqualTo("Edit");

		Document someoneElse = page(mvc
			.perform(get("/accounts/{id}/activities", account.id()).with(as(fixtures.accounts().user(Role.FINANCE))))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(someoneElse.select("#activity-" + newer.id() + " a.button")).isEmpty();
		mvc.perform(
				get("/accounts/{id}/activities", account.id()).with(as(fixtures.accounts().user(Role.ACCOUNT_MANAGER))))
			.andExpect(status().isForbidden());
		assertThat(page(
				mvc.perform(get("/accounts/{id}/activities", account.id()).param("type", "MEETING").with(as(manager)))
					.andReturn())
			.select("tr.activity-row")
			.eachAttr("id")).containsExactly("activity-" + older.id());
	}

	@Test
	void theHealthPagesScheduleCallLinkOpensAPlannedCallWithTheContactForTheNextWorkingDayAt10() throws Exception {
		Document form = page(mvc
			.perform(get("/accounts/{id}/activities/new", account.id()).param("type", "CALL")
				.param("contactId", String.valueOf(jane.id()))
				.param("subject", "Check-in call")
				.param("planned", "true")
				.with(as(manager)))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(form.selectFirst("h1").text()).isEqualTo("Plan a call");
		assertThat(form.selectFirst("#contact-" + jane.id()).hasAttr("checked")).isTrue();
		assertThat(form.selectFirst("[data-field=subject] input").val()).isEqualTo("Check-in call");
		assertThat(form.selectFirst("[data-field=type] input[value=CALL]").hasAttr("checked")).isTrue();
		LocalDate next = ActivityFormData.nextWorkingDay(TestClock.today(ZoneId.of("America/New_York")));
		assertThat(form.selectFirst("[data-field=occurredAt] input").val()).isEqualTo(next + "T10:00");
		assertThat(form.selectFirst("#participant-" + manager.id()).hasAttr("checked")).isTrue();
		assertThat(form.selectFirst("input[name=planned]").val()).isEqualTo("true");

		Document plain = page(mvc
			.perform(get("/accounts/{id}/activities/new", account.id()).param("type", "EMAIL")
				.param("contactId", "not-a-number")
				.with(as(manager)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(plain.selectFirst("h1").text()).isEqualTo("Log an email");
		assertThat(plain.select("input[name=contactIds][checked]")).isEmpty();
	}

	@Test
	void theFormShowsOnlyTheFieldsOfItsTypeAndTenseAndTicksThePrimaryContact() throws Exception {
		ContactView ceo = fixtures.contact(account, StakeholderRole.EXECUTIVE);
		Instant now = TestClock.now();
		fixtures.activity(account, manager, ActivityType.EMAIL, ActivityDirection.OUTBOUND,
				now.minus(3, ChronoUnit.DAYS), List.of(jane));
		fixtures.activity(account, manager, ActivityType.CALL, ActivityDirection.OUTBOUND,
				now.minus(2, ChronoUnit.DAYS), List.of(jane, ceo));

		Document call = page(
				mvc.perform(get("/accounts/{id}/activities/new", account.id()).param("type", "CALL").with(as(manager)))
					.andExpect(status().isOk())
					.andReturn());
		assertThat(call.selectFirst("h1").text()).isEqualTo("Log a call");
		assertThat(call.selectFirst("#contact-" + jane.id()).hasAttr("checked")).as("the primary contact").isTrue();
		assertThat(call.selectFirst("#contact-" + ceo.id()).hasAttr("checked")).isFalse();
		assertThat(call.selectFirst("#contact-" + jane.id()).parent().select(".primary-chip").text())
			.isEqualTo("Primary contact");
		assertThat(call.selectFirst("[data-field=durationMinutes]").hasAttr("hidden")).isFalse();
		assertThat(call.selectFirst("[data-field=sentiment]").hasAttr("hidden")).isFalse();
		assertThat(call.selectFirst("#activity-form").attr("data-tense")).isEqualTo("logged");
		assertThat(call.selectFirst("[data-field=type] input[value=NOTE]").attr("data-heading-logged"))
			.isEqualTo("Add a note");
		assertThat(call.select("script[src=/js/activity-form.js]")).hasSize(1);

		Document note = page(
				mvc.perform(get("/accounts/{id}/activities/new", account.id()).param("type", "NOTE").with(as(manager)))
					.andReturn());
		assertThat(note.selectFirst("h1").text()).isEqualTo("Add a note");
		assertThat(note.selectFirst("[data-field=direction]").hasAttr("hidden")).isTrue();
		assertThat(note.selectFirst("[data-field=direction] select").hasAttr("disabled")).isTrue();
		assertThat(note.selectFirst("[data-field=durationMinutes] input").hasAttr("disabled")).isTrue();
		assertThat(note.select("input[name=contactIds][checked]")).as("a note is among ourselves").isEmpty();

		Document planned = page(mvc
			.perform(get("/accounts/{id}/activities/new", account.id()).param("type", "CALL")
				.param("planned", "true")
				.with(as(manager)))
			.andReturn());
		assertThat(planned.selectFirst("#activity-form").attr("data-tense")).isEqualTo("planned");
		assertThat(planned.selectFirst("[data-field=sentiment]").hasAttr("hidden")).isTrue();
		assertThat(planned.selectFirst("[data-field=outcome] input").hasAttr("disabled")).isTrue();
		assertThat(planned.select(".form-section-head h2")
			.stream()
			.filter(h -> h.parents().stream().noneMatch(p -> p.hasAttr("hidden")))
			.map(h -> h.text())
			.toList()).containsExactly("What", "Who", "Agenda");

		mvc.perform(post("/accounts/{id}/activities/new", account.id()).with(as(manager))
			.param("type", "NOTE")
			.param("subject", "Internal review")
			.param("occurredAt", "2026-01-05T16:00")
			.param("version", "0"))
			.andExpect(redirectedUrlPattern("/accounts/" + account.id() + "/activities#activity-*"));
		assertThat(jdbc.sql("select direction from activity where account_id = :a and subject = 'Internal review'")
			.param("a", account.id())
			.query(String.class)
			.single()).isEqualTo("INTERNAL");
	}

	@Test
	void aWrongFieldIsShownBesideItWithTheInputKeptAndNothingSavedThenTheFixedFormSaves() throws Exception {
		Document refused = page(mvc
			.perform(post("/accounts/{id}/activities/new", account.id()).with(as(manager))
				.param("type", "CALL")
				.param("direction", "OUTBOUND")
				.param("subject", "Payment escalation")
				.param("occurredAt", "2026-01-15T09:30")
				.param("durationMinutes", "2000")
				.param("contactIds", String.valueOf(jane.id()))
				.param("participantIds", String.valueOf(manager.id()))
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());

		assertThat(refused.selectFirst("[data-field=durationMinutes]").hasClass("has-error")).isTrue();
		assertThat(refused.selectFirst("[data-field=durationMinutes] .field-error").text())
			.isEqualTo("must be between 0 and 1440 minutes");
		assertThat(refused.selectFirst("[data-field=subject] input").val()).isEqualTo("Payment escalation");
		assertThat(refused.selectFirst("#contact-" + jane.id()).hasAttr("checked")).isTrue();
		assertThat(count()).isZero();

		mvc.perform(post("/accounts/{id}/activities/new", account.id()).with(as(manager))
			.param("type", "CALL")
			.param("direction", "OUTBOUND")
			.param("subject", "Payment escalation")
			.param("occurredAt", "2026-01-15T09:30")
			.param("durationMinutes", "30")
			.param("contactIds", String.valueOf(jane.id()))
			.param("participantIds", String.valueOf(manager.id()))
			.param("sentiment", "POSITIVE")
			.param("tags", "Payment, Resolved")
			.param("version", "0"))
			.andExpect(redirectedUrlPattern("/accounts/" + account.id() + "/activities#activity-*"));
		assertThat(count()).isEqualTo(1);
		assertThat(jdbc.sql("select occurred_at from activity where account_id = :a")
			.param("a", account.id())
			.query(Instant.class)
			.single()).as("09:30 in the user's New York time").isEqualTo(Instant.parse("2026-01-15T14:30:00Z"));
		assertThat(jdbc.sql("select array_to_string(tags, '|') from activity where account_id = :a")
			.param("a", account.id())
			.query(String.class)
			.single()).isEqualTo("Payment|Resolved");
	}

	@Test
	void aStaleEditShowsBothVersionsAndKeepsTheOtherChange() throws Exception {
		ActivityView activity = fixtures.activity(account, manager, ActivityType.CALL, ActivityDirection.OUTBOUND,
				TestClock.now().minus(1, ChronoUnit.DAYS), List.of(jane));
		context.getBean(io.intime.engagement.ActivityManagement.class)
			.update(activity.id(),
					new io.intime.engagement.ActivityForm(activity.type(), activity.direction(), "Their subject", null,
							activity.occurredAt(), 30, "Their outcome", null, null, activity.contactIds(),
							activity.participantIds()),
					0, manager);

		Document conflict = page(mvc
			.perform(post("/accounts/{id}/activities/{aid}/edit", account.id(), activity.id()).with(as(manager))
				.param("type", "CALL")
				.param("direction", "OUTBOUND")
				.param("subject", "My subject")
				.param("occurredAt", "2026-01-15T09:30")
				.param("contactIds", String.valueOf(jane.id()))
				.param("version", "0"))
			.andExpect(status().isConflict())
			.andReturn());

		assertThat(conflict.selectFirst(".conflict")).isNotNull();
		assertThat(conflict.selectFirst("[data-conflict-field=Subject] .theirs").text()).isEqualTo("Their subject");
		assertThat(conflict.selectFirst("[data-conflict-field=Subject] .yours").text()).isEqualTo("My subject");
		assertThat(conflict.selectFirst("input[name=version]").val()).isEqualTo("1");
		assertThat(jdbc.sql("select subject from activity where id = :id")
			.param("id", activity.id())
			.query(String.class)
			.single()).isEqualTo("Their subject");
	}

	@Test
	void onlyThoseWhoMayRecordNpsGetItsFormAndAMissingScoreIsShownBesideTheScale() throws Exception {
		CurrentUser recruiter = fixtures.accounts().user(Role.RECRUITER);
		fixtures.accounts().onTeam(account, recruiter);
		Document tab = page(mvc.perform(get("/accounts/{id}/activities", account.id()).with(as(recruiter)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(tab.select("#record-nps")).isEmpty();
		mvc.perform(get("/accounts/{id}/activities/nps/new", account.id()).with(as(recruiter)))
			.andExpect(status().isForbidden());

		Document refused = page(mvc
			.perform(post("/accounts/{id}/activities/nps/new", account.id()).with(as(manager))
				.param("respondedOn", TestClock.today().toString())
				.param("surveyType", "TRANSACTIONAL")
				.param("comment", "Great partner")
				.param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andReturn());
		assertThat(refused.selectFirst("[data-field=score] .field-error").text())
			.isEqualTo("choose a score from 0 to 10");
		assertThat(refused.selectFirst("[data-field=comment] textarea").text()).isEqualTo("Great partner");

		mvc.perform(post("/accounts/{id}/activities/nps/new", account.id()).with(as(manager))
			.param("score", "9")
			.param("contactId", String.valueOf(jane.id()))
			.param("respondedOn", TestClock.today().toString())
			.param("surveyType", "TRANSACTIONAL")
			.param("version", "0")).andExpect(redirectedUrlPattern("/accounts/" + account.id() + "/activities#nps-*"));
	}

	private long count() {
		return jdbc.sql("select count(*) from activity where account_id = :a")
			.param("a", account.id())
			.query(Long.class)
			.single();
	}

}
