package io.intime.notifications.internal;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
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
import org.springframework.transaction.support.TransactionTemplate;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's recipients and the effect of their preferences (held in quiet hours, daily
 * digest, urgent override), escalations notifying, and /api/v1/notifications (mine only).
 */
@IntegrationTest
class NotificationInboxIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	io.intime.accounts.AccountManagement accountManagement;

	AccountFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	private int send(Notice notice) {
		return transactions.execute(status -> notifications.send(notice));
	}

	private static Notice raised(AccountDetails account, long recordId, CurrentUser actor) {
		return Notice.about("escalation.raised", account.id(), "escalation", recordId, "raised", "TechCorp: raised",
				"Poor candidate quality", "/accounts/" + account.id() + "/escalations", actor.actor());
	}

	private List<String> deliveries(long userId) {
		return jdbc
			.sql("""
					select d.channel || ':' || d.status from notification_delivery d join notification n on n.id = d.notification_id
					where n.recipient_id = :user order by d.channel""")
			.param("user", userId)
			.query(String.class)
			.list();
	}

	@Test
	void theOwnerAndSponsorReceiveItOnceAndTheActorNever() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser sponsor = fixtures.executive();
		AccountDetails account = fixtures.strategicAccount(owner, sponsor);

		assertThat(send(raised(account, 9001, sponsor))).isEqualTo(1);
		assertThat(send(raised(account, 9001, sponsor))).isZero();

		assertThat(jdbc.sql("select recipient_id from notification where record_id = 9001 and account_id = :a")
			.param("a", account.id())
			.query(Long.class)
			.list()).containsExactly(owner.id());
		assertThat(deliveries(owner.id())).containsExactly("EMAIL:QUEUED");
		assertThat(deliveries(sponsor.id())).isEmpty();
	}

	@Test
	void onlyPeopleWhoMaySeeTheAccountReceiveIt() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser otherManager = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser recruiterOnTeam = fixtures.user(Role.RECRUITER);
		CurrentUser recruiterElsewhere = fixtures.user(Role.RECRUITER);
		AccountDetails account = fixtures.account(owner);
		fixtures.onTeam(account, recruiterOnTeam);

		send(raised(account, 9010, fixtures.executive()).to(recruiterOnTeam.id(), recruiterElsewhere.id()));

		assertThat(jdbc.sql("select recipient_id from notification where record_id = 9010 and account_id = :a")
			.param("a", account.id())
			.query(Long.class)
			.list()).containsExactlyInAnyOrder(owner.id(), recruiterOnTeam.id());
		// health notices: account managers only for the accounts they own
		assertThat(accountManagement.mayView(List.of(owner.id(), otherManager.id()), account.id(), true))
			.containsExactly(owner.id());
		assertThat(accountManagement.mayView(List.of(owner.id(), otherManager.id()), account.id(), false))
			.containsExactlyInAnyOrder(owner.id(), otherManager.id());
	}

	@Test
	void theSalesDirectorTheOwnerReportsToReceivesIt() {
		CurrentUser director = fixtures.user(Role.SALES_DIRECTOR);
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		jdbc.sql("update app_user set manager_id = :d where id = :o")
			.param("d", director.id())
			.param("o", owner.id())
			.update();
		AccountDetails account = fixtures.account(owner);

		send(raised(account, 9011, fixtures.executive()));

		assertThat(jdbc.sql("select recipient_id from notification where record_id = 9011 and account_id = :a")
			.param("a", account.id())
			.query(Long.class)
			.list()).containsExactlyInAnyOrder(owner.id(), director.id());
	}

	@Test
	void inQuietHoursTheEmailIsHeldUntilTheyEndInTheRecipientsZone() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		ZoneId zone = ZoneId.of("Australia/Sydney");
		LocalTime local = TestClock.now().atZone(zone).toLocalTime();
		jdbc.sql("update app_user set time_zone = 'Australia/Sydney' where id = :id").param("id", owner.id()).update();
		jdbc.sql("insert into notification_settings (user_id, quiet_start, quiet_end) values (:id, :start, :end)")
			.param("id", owner.id())
			.param("start", java.sql.Time.valueOf(local.minusHours(1).withSecond(0).withNano(0)))
			.param("end", java.sql.Time.valueOf(local.plusHours(2).withSecond(0).withNano(0)))
			.update();

		send(raised(account, 9002, fixtures.executive()));

		assertThat(deliveries(owner.id())).containsExactly("EMAIL:HELD");
		java.sql.Timestamp due = jdbc.sql("""
				select d.due_at from notification_delivery d join notification n on n.id = d.notification_id
				where n.recipient_id = :user""").param("user", owner.id()).query(java.sql.Timestamp.class).single();
		assertThat(due.toInstant().atZone(zone).toLocalTime()).isEqualTo(local.plusHours(2).withSecond(0).withNano(0));
	}

	@Test
	void lowNoticesGoToTheDigestAndUrgentOnesReachEmailAndChatWhateverTheChoices() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		jdbc.sql("insert into notification_settings (user_id, digest, digest_time) values (:id, true, '08:00')")
			.param("id", owner.id())
			.update();
		jdbc.sql(
				"insert into notification_preference (user_id, kind, email, chat, sms) values (:id, 'escalation.raised', false, false, false)")
			.param("id", owner.id())
			.update();
		CurrentUser actor = fixtures.executive();

		send(raised(account, 9003, actor).withSeverity(NotificationSeverity.LOW));
		assertThat(deliveries(owner.id())).as("email turned off: in-app only").isEmpty();

		jdbc.sql("update notification_preference set email = true where user_id = :id")
			.param("id", owner.id())
			.update();
		send(raised(account, 9004, actor).withSeverity(NotificationSeverity.LOW));
		assertThat(deliveries(owner.id())).containsExactly("EMAIL:DIGEST");

		jdbc.sql("update notification_preference set email = false where user_id = :id")
			.param("id", owner.id())
			.update();
		send(raised(account, 9005, actor).withSeverity(NotificationSeverity.URGENT));
		assertThat(deliveries(owner.id())).containsExactlyInAnyOrder("EMAIL:DIGEST", "CHAT:QUEUED", "EMAIL:QUEUED");
	}

	@Test
	void aP1EscalationNotifiesTheOwnerUrgently() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		CurrentUser executive = fixtures.executive();

		assertThat(mvc.post()
			.uri("/api/v1/escalations")
			.with(as(executive))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(
					"{'accountId': %d, 'title': 'Client production halt', 'severity': 'P1'}".formatted(account.id())))
			.exchange()).hasStatus(HttpStatus.CREATED);

		assertThat(jdbc.sql("select kind || ':' || severity from notification where recipient_id = :id")
			.param("id", owner.id())
			.query(String.class)
			.list()).containsExactly("escalation.raised:URGENT");
		assertThat(deliveries(owner.id())).containsExactly("CHAT:QUEUED", "EMAIL:QUEUED");
		assertThat(jdbc.sql("select count(*) from notification where recipient_id = :id")
			.param("id", executive.id())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theApiListsMineMarksReadAndHidesOthers() {
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		CurrentUser actor = fixtures.executive();
		send(raised(account, 9006, actor));
		send(raised(account, 9007, actor));

		JsonNode mine = body(mvc.get().uri("/api/v1/notifications?unread=true").with(as(owner)).exchange());
		assertThat(mine.get("total").asLong()).isEqualTo(2);
		assertThat(mine.get("items").size()).isEqualTo(2);
		long id = mine.get("items").get(0).get("id").asLong();
		assertThat(body(mvc.get().uri("/api/v1/notifications").with(as(other)).exchange()).get("total").asLong())
			.isZero();

		assertThat(mvc.post().uri("/api/v1/notifications/" + id + "/read").with(as(other)).exchange())
			.hasStatus(HttpStatus.NOT_FOUND);
		MvcTestResult read = mvc.post().uri("/api/v1/notifications/" + id + "/read").with(as(owner)).exchange();
		assertThat(read).hasStatusOk();
		assertThat(body(read).get("unread").asLong()).isEqualTo(1);
		assertThat(body(
				mvc.get().uri("/api/v1/notifications?kind=escalation.raised&unread=true").with(as(owner)).exchange())
			.get("total")
			.asLong()).isEqualTo(1);

		assertThat(mvc.post().uri("/api/v1/notifications/read-all").with(as(owner)).exchange()).hasStatusOk();
		assertThat(body(mvc.get().uri("/api/v1/notifications/unread-count").with(as(owner)).exchange()).get("unread")
			.asLong()).isZero();
		assertThat(body(mvc.get().uri("/api/v1/notifications").with(as(owner)).exchange()).get("total").asLong())
			.isEqualTo(2);
	}

}
