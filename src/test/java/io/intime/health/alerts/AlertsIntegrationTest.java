package io.intime.health.alerts;

import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.HealthBand;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static io.intime.accounts.HealthBand.GREEN;
import static io.intime.accounts.HealthBand.RED;
import static io.intime.accounts.HealthBand.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class AlertsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Alerts alerts;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures fixtures;

	CurrentUser owner;

	CurrentUser sponsor;

	AccountDetails account;

	AccountDetails strategic;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		owner = fixtures.user(Role.ACCOUNT_MANAGER);
		sponsor = fixtures.user(Role.EXECUTIVE);
		account = fixtures.account(owner);
		strategic = fixtures.strategicAccount(owner, sponsor);
	}

	@Test
	void raisesAnAlertForTheOwnerAndForAStrategicAccountItsSponsorToo() {
		alerts.sync(List.of(overdue(account, 45), overdue(strategic, 50)), AlertThresholds.DEFAULTS);

		List<AlertView> mine = alerts.mine(null, new PageRequest(0, 50), owner).items();
		assertThat(mine).extracting(AlertView::accountId).containsExactlyInAnyOrder(account.id(), strategic.id());
		List<AlertView> sponsors = alerts.mine(null, new PageRequest(0, 50), sponsor).items();
		assertThat(sponsors).extracting(AlertView::accountId).containsExactly(strategic.id());
		AlertView alert = sponsors.get(0);
		assertThat(alert.rule()).isEqualTo(AlertRule.INVOICE_OVERDUE);
		assertThat(alert.reason()).isEqualTo("Invoice INV-2024-0847 is 50 days overdue");
		assertThat(alert.evidenceHref()).isEqualTo("/accounts/" + strategic.id() + "/invoices#invoice-9");
		assertThat(alert.accountName()).isEqualTo(strategic.name());
		assertThat(alerts.openCount(owner)).isEqualTo(2);
	}

	@Test
	void aRaisedAlertNotifiesItsRecipientsOnceWithTheAccountTheReasonAndTheHealthPage() {
		alerts.sync(List.of(overdue(account, 45), overdue(strategic, 50)), AlertThresholds.DEFAULTS);
		alerts.sync(List.of(overdue(strategic, 51), band(account, GREEN, RED)), AlertThresholds.DEFAULTS);

		record Sent(long recipient, String kind, String severity, String occasion, String title, String body,
				String link, String channels) {
		}
		List<Sent> sent = jdbc.sql("""
				select n.recipient_id as recipient, n.kind, n.severity, n.occasion, n.title, n.body, n.link,
				       (select string_agg(d.channel || ':' || d.status, ',') from notification_delivery d
				        where d.notification_id = n.id) as channels
				from notification n where n.account_id = :account order by n.recipient_id""")
			.param("account", strategic.id())
			.query(Sent.class)
			.list();
		long alertId = alerts.mine(null, new PageRequest(0, 50), sponsor).items().get(0).id();
		assertThat(sent).extracting(Sent::recipient).containsExactlyInAnyOrder(owner.id(), sponsor.id());
		Sent toSponsor = sent.stream().filter(s -> s.recipient() == sponsor.id()).findFirst().orElseThrow();
		assertThat(toSponsor.kind()).isEqualTo("health.alert-raised");
		assertThat(toSponsor.severity()).isEqualTo("NORMAL");
		assertThat(toSponsor.occasion()).isEqualTo("raised:" + alertId);
		// the notice cites no invoice number: it is written once for every recipient
		assertThat(toSponsor.title()).isEqualTo(strategic.name() + ": An invoice is 50 days overdue");
		assertThat(toSponsor.body()).startsWith("Invoice overdue (medium): An invoice is 50 days overdue.");
		assertThat(toSponsor.link()).isEqualTo("/accounts/" + strategic.id() + "/health");
		assertThat(toSponsor.channels()).isEqualTo("EMAIL:QUEUED");

		List<String> ownerKinds = jdbc
			.sql("select kind || '/' || severity from notification where account_id = :account order by kind")
			.param("account", account.id())
			.query(String.class)
			.list();
		assertThat(ownerKinds).containsExactly("health.alert-raised/NORMAL", "health.band-dropped/HIGH");
	}

	@Test
	void theSameConditionNeverRaisesASecondOpenAlertAndItsReasonFollowsTheFacts() {
		alerts.sync(List.of(overdue(account, 45)), AlertThresholds.DEFAULTS);
		AlertSyncCheck.assertResult(alerts.sync(List.of(overdue(account, 46)), AlertThresholds.DEFAULTS), 0, 1, 0);
		AlertSyncCheck.assertResult(alerts.sync(List.of(overdue(account, 46)), AlertThresholds.DEFAULTS), 0, 0, 0);

		List<AlertView> open = alerts.forAccount(account.id(), owner);
		assertThat(open).hasSize(1);
		assertThat(open.get(0).reason()).isEqualTo("Invoice INV-2024-0847 is 46 days overdue");
	}

	@Test
	void anAlertClearsWhenItsConditionStopsHoldingAndCanBeRaisedAgainLater() {
		alerts.sync(List.of(overdue(account, 45)), AlertThresholds.DEFAULTS);
		AlertSyncCheck.assertResult(alerts.sync(List.of(overdue(account, 0)), AlertThresholds.DEFAULTS), 0, 0, 1);
		assertThat(alerts.forAccount(account.id(), owner)).singleElement().satisfies(alert -> {
			assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
			assertThat(alert.resolution()).isEqualTo("CLEARED");
		});
		AlertSyncCheck.assertResult(alerts.sync(List.of(overdue(account, 47)), AlertThresholds.DEFAULTS), 1, 0, 0);
		assertThat(alerts.forAccount(account.id(), owner)).extracting(AlertView::status)
			.containsExactly(AlertStatus.OPEN, AlertStatus.RESOLVED);
	}

	@Test
	void aBandDropStaysOpenWhileTheAccountStaysBelowWhereItFellFrom() {
		alerts.sync(List.of(band(account, GREEN, YELLOW)), AlertThresholds.DEFAULTS);
		AlertSyncCheck.assertResult(alerts.sync(List.of(band(account, YELLOW, YELLOW)), AlertThresholds.DEFAULTS), 0, 0,
				0);
		AlertSyncCheck.assertResult(alerts.sync(List.of(band(account, YELLOW, RED)), AlertThresholds.DEFAULTS), 0, 1,
				0);
		assertThat(alerts.forAccount(account.id(), owner)).singleElement().satisfies(alert -> {
			assertThat(alert.status()).isEqualTo(AlertStatus.OPEN);
			assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
			assertThat(alert.reason()).isEqualTo("Health dropped from Green to Red (60/100)");
		});
		AlertSyncCheck.assertResult(alerts.sync(List.of(band(account, RED, GREEN)), AlertThresholds.DEFAULTS), 0, 0, 1);
	}

	@Test
	void recipientsAcknowledgeAndResolveOthersAreRefusedAndAStaleVersionConflicts() {
		alerts.sync(List.of(overdue(account, 45)), AlertThresholds.DEFAULTS);
		AlertView alert = alerts.forAccount(account.id(), owner).get(0);
		CurrentUser stranger = fixtures.user(Role.ACCOUNT_MANAGER);

		assertThatThrownBy(() -> alerts.acknowledge(alert.id(), alert.version(), stranger))
			.isInstanceOf(AccessDeniedException.class);
		AlertView acknowledged = alerts.acknowledge(alert.id(), alert.version(), owner);
		assertThat(acknowledged.status()).isEqualTo(AlertStatus.ACKNOWLEDGED);
		assertThat(acknowledged.acknowledgedBy()).isEqualTo(owner.fullName());
		assertThat(alerts.openCount(owner)).isZero();
		assertThatThrownBy(() -> alerts.resolve(alert.id(), alert.version(), owner))
			.isInstanceOf(StaleVersionException.class);
		AlertView resolved = alerts.resolve(alert.id(), acknowledged.version(), owner);
		assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
		assertThat(resolved.resolution()).isEqualTo("USER");
		assertThat(alerts.mine(AlertStatus.RESOLVED, new PageRequest(0, 50), owner).items()).extracting(AlertView::id)
			.contains(alert.id());
	}

	@Test
	void onlyAdminsChangeThresholdsAndEachMustBeSensible() {
		CurrentUser admin = fixtures.user(Role.ADMIN);
		Alerts.Settings settings = alerts.settings();
		assertThatThrownBy(() -> alerts.updateSettings(AlertThresholds.DEFAULTS, settings.version(), owner))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> alerts.updateSettings(new AlertThresholds(0, 30, 90, 60, 45, 3), settings.version(), admin))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(error -> error.field()).containsExactly("npsDropPoints"));
		Alerts.Settings changed = alerts.updateSettings(new AlertThresholds(25, 21, 60, 45, 30, 3), settings.version(),
				admin);
		try {
			assertThat(changed.thresholds().touchpointDaysStrategic()).isEqualTo(21);
			assertThat(changed.version()).isEqualTo(settings.version() + 1);
		}
		finally {
			alerts.updateSettings(AlertThresholds.DEFAULTS, changed.version(), admin);
		}
	}

	private static AlertSituation overdue(AccountDetails account, int days) {
		return new AlertSituation(account.id(), account.strategic(), GREEN, GREEN, 90, null, null, null, null, null,
				null, null, days, "INV-2024-0847", 9L, 0);
	}

	private static AlertSituation band(AccountDetails account, HealthBand before, HealthBand now) {
		return new AlertSituation(account.id(), account.strategic(), before, now, 60, null, null, null, null, null,
				null, null, null, null, null, null);
	}

	/** Reads what a sync did. */
	static final class AlertSyncCheck {

		static void assertResult(Alerts.SyncResult result, int raised, int updated, int cleared) {
			assertThat(result).isEqualTo(new Alerts.SyncResult(raised, updated, cleared));
		}

	}

}
