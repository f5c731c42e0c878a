package io.intime.qbr;

import java.time.LocalDate;

import io.intime.IntegrationTest;
import io.intime.SentMails;
import io.intime.TestClock;
import io.intime.accounts.ContactView;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A QBR's action items and decisions on real PostgreSQL: written on the page and through
 * the API with an owner on either side, an action item without an owner refused naming
 * the field (page and API), changed with a version check, completed, removed; and the
 * client's tracked items reminded by email before their due date and reported to the
 * account manager once overdue.
 */
@IntegrationTest
class QbrItemsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	QbrItems items;

	@Autowired
	QbrFinalization finalization;

	@Autowired
	QbrItemReminders reminders;

	QbrMeetingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new QbrMeetingFixtures(context);
	}

	@Test
	void anActionItemWithoutAnOwnerIsRefusedOnThePageAndInTheApi() throws Exception {
		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(false);
		MvcTestResult api = mvc.post()
			.uri("/api/v1/qbrs/{id}/items", qbr.id())
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Send the profiles\", \"dueDate\": \"" + QbrMeetingFixtures.inDays(3) + "\"}")
			.exchange();
		assertThat(api).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(api)).containsExactly("owner");
		assertThat(errorMessage(api, "owner")).isEqualTo("choose who does it");

		MvcTestResult page = mvc.post()
			.uri("/qbrs/{id}/items", qbr.id())
			.with(as(qbr.am()))
			.param("text", "Send the profiles")
			.param("owner", "")
			.param("dueDate", QbrMeetingFixtures.inDays(3).toString())
			.exchange();
		assertThat(page).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		// the message is by the owner field and the text typed is kept
		org.jsoup.nodes.Document refused = org.jsoup.Jsoup
			.parse(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(refused.selectFirst("#qbr-add-action [data-field=owner]").className()).contains("has-error");
		assertThat(refused.selectFirst("#qbr-add-action [data-field=owner] .field-error").text())
			.isEqualTo("choose who does it");
		assertThat(refused.selectFirst("#action-text").attr("value")).isEqualTo("Send the profiles");
		assertThat(jdbc.sql("select count(*) from qbr_item where qbr_id = ?")
			.params(qbr.id())
			.query(Integer.class)
			.single()).isZero();

		// a decision has no owner; an owner outside the account is refused too
		ContactView stranger = fixtures.accounts().contact(fixtures.accounts().account(qbr.am()));
		assertThatThrownBy(() -> items.add(qbr.id(),
				new QbrItems.ItemForm(QbrItems.Kind.ACTION, "Review", null, stranger.id(), null), qbr.am()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("owner"));
		assertThatThrownBy(() -> items.add(qbr.id(),
				new QbrItems.ItemForm(QbrItems.Kind.DECISION, "Go", qbr.am().id(), null, null), qbr.am()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("owner"));
		assertThatThrownBy(() -> items.add(qbr.id(),
				new QbrItems.ItemForm(QbrItems.Kind.ACTION, "Late", qbr.am().id(), null,
						TestClock.today().minusDays(1)),
				qbr.am()))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("dueDate"));
	}

	@Test
	void itemsAreWrittenChangedCompletedAndRemovedThroughTheApiAndThePage() {
		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(false);
		MvcTestResult created = mvc.post()
			.uri("/api/v1/qbrs/{id}/items", qbr.id())
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"Confirm Q1 hiring projections\", \"ownerContactId\": " + qbr.sarah().id()
					+ ", \"dueDate\": \"" + QbrMeetingFixtures.inDays(7) + "\"}")
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		JsonNode item = body(created);
		long itemId = item.path("id").asLong();
		assertThat(created.getResponse().getHeader("Location"))
			.isEqualTo("/api/v1/qbrs/" + qbr.id() + "/items/" + itemId);
		assertThat(item.path("ownerSide").asString()).isEqualTo("CLIENT");
		assertThat(item.path("ownerName").asString()).isEqualTo("Sarah Chen");

		// the page adds an internal one and a decision
		assertThat(mvc.post()
			.uri("/qbrs/{id}/items", qbr.id())
			.with(as(qbr.am()))
			.param("text", "Send Data Science recruiter profiles")
			.param("owner", "user:" + qbr.am().id())
			.param("dueDate", QbrMeetingFixtures.inDays(4).toString())
			.exchange()).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.post()
			.uri("/qbrs/{id}/decisions", qbr.id())
			.with(as(qbr.am()))
			.param("text", "Expand to Data Science")
			.exchange()).hasStatus(HttpStatus.FOUND);
		JsonNode read = body(mvc.get().uri("/api/v1/qbrs/{id}", qbr.id()).with(as(qbr.am())).exchange());
		assertThat(read.path("items")).hasSize(3);
		assertThat(read.path("items").get(1).path("ownerUserId").asLong()).isEqualTo(qbr.am().id());
		assertThat(read.path("items").get(2).path("kind").asString()).isEqualTo("DECISION");
		assertThat(read.path("quality")).hasSize(4);
		assertThat(read.path("agenda").asString()).contains(qbr.quarter().label() + " Performance Review",
				qbr.quarter().next().label() + " Planning");

		// change it to Mark, then complete it; a stale version is a conflict
		MvcTestResult changed = mvc.patch()
			.uri("/api/v1/qbrs/{id}/items/{item}", qbr.id(), itemId)
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0, \"ownerContactId\": " + qbr.mark().id() + "}")
			.exchange();
		assertThat(changed).hasStatusOk();
		assertThat(body(changed).path("ownerName").asString()).isEqualTo("Mark Johnson");
		assertThat(mvc.patch()
			.uri("/api/v1/qbrs/{id}/items/{item}", qbr.id(), itemId)
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 0, \"done\": true}")
			.exchange()).hasStatus(HttpStatus.CONFLICT);
		MvcTestResult completed = mvc.patch()
			.uri("/api/v1/qbrs/{id}/items/{item}", qbr.id(), itemId)
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 1, \"done\": true}")
			.exchange();
		assertThat(completed).hasStatusOk();
		assertThat(body(completed).path("done").asBoolean()).isTrue();
		assertThatThrownBy(() -> items.update(qbr.id(), itemId,
				new QbrItems.ItemForm(null, "Old read", null, qbr.sarah().id(), null), 0, qbr.am()))
			.isInstanceOf(StaleVersionException.class);

		// removed
		assertThat(mvc.delete().uri("/api/v1/qbrs/{id}/items/{item}", qbr.id(), itemId).with(as(qbr.am())).exchange())
			.hasStatus(HttpStatus.NO_CONTENT);
		assertThat(mvc.get().uri("/api/v1/qbrs/{id}/items/{item}", qbr.id(), itemId).with(as(qbr.am())).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		// the API names an unknown field
		assertThat(errorFields(mvc.post()
			.uri("/api/v1/qbrs/{id}/items", qbr.id())
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"text\": \"x\", \"ownerId\": 1}")
			.exchange())).containsExactly("ownerId");
	}

	@Test
	void aClientItemIsRemindedOnceBeforeItIsDueAndReportedWhenOverdue() throws Exception {
		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(false);
		LocalDate tomorrow = QbrMeetingFixtures.inDays(1);
		QbrItems.Item soon = items.add(qbr.id(), new QbrItems.ItemForm(QbrItems.Kind.ACTION,
				"Approve the diversity budget", null, qbr.sarah().id(), tomorrow), qbr.am());
		QbrItems.Item later = items.add(qbr.id(), new QbrItems.ItemForm(QbrItems.Kind.ACTION, "Share the Q1 forecast",
				null, qbr.mark().id(), QbrMeetingFixtures.inDays(20)), qbr.am());
		// before the QBR is finalized its items are not tracked yet
		reminders.run();
		assertThat(remindedAt(soon.id())).isNull();

		finalization.finalizeQbr(qbr.id(), fixtures.version(qbr.id()), qbr.am());
		reminders.run();
		assertThat(remindedAt(soon.id())).isNotNull();
		assertThat(remindedAt(later.id())).isNull();
		var reminder = SentMails.await(jdbc, qbr.sarah().email(), "Reminder: Approve the diversity budget");
		assertThat(QbrFinalizationIntegrationTest.text(reminder)).contains("□ Approve the diversity budget - Due:",
				qbr.am().fullName());
		reminders.run();
		assertThat(jdbc.sql("select count(*) from client_email where to_email = ? and subject like 'Reminder:%'")
			.params(qbr.sarah().email())
			.query(Integer.class)
			.single()).isEqualTo(1);

		// once overdue, the account manager is told in the app, once
		jdbc.sql("update qbr_item set due_date = ? where id = ?")
			.params(TestClock.today().minusDays(2), later.id())
			.update();
		reminders.run();
		reminders.run();
		assertThat(jdbc.sql("""
				select count(*) from notification where recipient_id = ? and kind = 'qbr.client-item-overdue'
				   and record_id = ?""").params(qbr.am().id(), later.id()).query(Integer.class).single()).isEqualTo(1);
		assertThat(
				mvc.get().uri("/accounts/{id}/client-action-items", qbr.account().id()).with(as(qbr.am())).exchange())
			.hasStatusOk()
			.bodyText()
			.contains("Overdue since", "Share the Q1 forecast");
	}

	private java.sql.Timestamp remindedAt(long itemId) {
		return jdbc.sql("select reminded_at from qbr_item where id = ?")
			.params(itemId)
			.query((rs, n) -> rs.getTimestamp(1))
			.list()
			.get(0);
	}

}
