package io.intime.health;

import static io.intime.accounts.HealthBand.GREEN;
import static io.intime.accounts.HealthBand.RED;
import static io.intime.accounts.HealthBand.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactView;
import io.intime.health.alerts.AlertSituation;
import io.intime.health.alerts.AlertThresholds;
import io.intime.health.alerts.Alerts;
import io.intime.health.scoring.HealthRecompute;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.Actor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The health module publishes what its recomputes find: a band that moved, alerts raised
 * and cleared, each with the actor who caused the recompute (the user who asked, or the
 * system).
 */
@IntegrationTest
@RecordApplicationEvents
class HealthEventsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HealthRecompute recompute;

	@Autowired
	HealthScores scores;

	@Autowired
	Alerts alerts;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ApplicationEvents events;

	AccountFixtures fixtures;

	CurrentUser owner;

	LocalDate today;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		owner = fixtures.user(Role.ACCOUNT_MANAGER);
		today = recompute.today();
	}

	/**
	 * Spec 02's Data Systems with recent hiring: YELLOW (50); without the hiring it is
	 * RED (35).
	 */
	private AccountDetails yellowAccount() {
		AccountDetails account = fixtures.account(owner);
		ContactView jane = fixtures.contact(account);
		HealthFacts facts = new HealthFacts(jdbc, account.id());
		facts.placement("Frontend Developer", today.minusDays(60), null)
			.placement("Data Engineer", today.minusDays(150), null);
		for (int month = 1; month <= 6; month++) {
			facts.invoice(today.minusMonths(month).minusDays(10), 30, today.minusMonths(month).plusDays(12),
					new BigDecimal("23000.00"));
		}
		facts.nps(3, today.minusDays(43), "Not meeting expectations")
			.activity("MEETING", "OUTBOUND", today.minusDays(70), true, jane.id())
			.activity("EMAIL", "OUTBOUND", today.minusDays(5), false, jane.id())
			.escalation(AccountFixtures.unique("ESC-A"), "Missed deadline", today.minusDays(48), today.minusDays(41))
			.escalation(AccountFixtures.unique("ESC-B"), "Poor candidate quality", today.minusDays(36),
					today.minusDays(33));
		facts.openJobs(3, today.minusDays(2))
			.placement("QA Engineer", today.minusDays(20), null)
			.placement("QA Engineer", today.minusDays(15), null);
		recompute.recompute(List.of(account.id()));
		assertThat(scores.current(account.id(), owner).band()).isEqualTo(YELLOW);
		return account;
	}

	private void stopHiring(AccountDetails account) {
		jdbc.sql("delete from placement where account_id = :a and start_date > :recent")
			.param("a", account.id())
			.param("recent", today.minusDays(30))
			.update();
		jdbc.sql("delete from job where account_id = :a and (status = 'OPEN' or title = 'QA Engineer')")
			.param("a", account.id())
			.update();
	}

	@Test
	void aBandDropPublishesHealthBandChangedWithOldAndNewBandAndTheUserWhoAskedForTheRecompute() {
		AccountDetails account = yellowAccount();
		stopHiring(account);
		events.clear();

		scores.recompute(account.id(), owner);

		assertThat(events.stream(HealthBandChanged.class)).singleElement().satisfies(changed -> {
			assertThat(changed.accountId()).isEqualTo(account.id());
			assertThat(changed.from()).isEqualTo(YELLOW);
			assertThat(changed.to()).isEqualTo(RED);
			assertThat(changed.dropped()).isTrue();
			assertThat(changed.score()).isEqualTo(scores.current(account.id(), owner).score());
			assertThat(changed.actor()).isEqualTo(owner.actor());
			assertThat(changed.at()).isNotNull();
		});
		// The drop raises its alert, by the same actor, for the owner.
		assertThat(events.stream(HealthAlertRaised.class).filter(raised -> raised.accountId() == account.id()))
			.filteredOn(raised -> raised.rule().equals("BAND_DROP"))
			.singleElement()
			.satisfies(raised -> {
				assertThat(raised.actor()).isEqualTo(owner.actor());
				assertThat(raised.recipientIds()).contains(owner.id());
				assertThat(raised.severity()).isNotBlank();
			});
	}

	@Test
	void aRecomputeNoOneAskedForPublishesItsBandChangeAsTheSystem() {
		AccountDetails account = yellowAccount();
		stopHiring(account);
		events.clear();

		recompute.recompute(List.of(account.id()));

		assertThat(events.stream(HealthBandChanged.class)).singleElement().satisfies(changed -> {
			assertThat(changed.from()).isEqualTo(YELLOW);
			assertThat(changed.to()).isEqualTo(RED);
			assertThat(changed.actor()).isEqualTo(Actor.SYSTEM);
			assertThat(changed.actor().isSystem()).isTrue();
		});
	}

	@Test
	void aScoreThatStaysInItsBandPublishesNoBandChange() {
		AccountDetails account = yellowAccount();
		events.clear();

		recompute.recompute(List.of(account.id()), owner.actor());

		assertThat(events.stream(HealthBandChanged.class)).isEmpty();
	}

	@Test
	void alertsRaisedAndClearedPublishTheirEventsWithTheActorOfTheirAccount() {
		AccountDetails account = fixtures.account(owner);
		events.clear();

		alerts.sync(List.of(overdue(account, 45)), AlertThresholds.DEFAULTS, accounts.stewards(List.of(account.id())),
				id -> owner.actor());

		HealthAlertRaised raised = events.stream(HealthAlertRaised.class)
			.filter(e -> e.accountId() == account.id())
			.findFirst()
			.orElseThrow();
		assertThat(raised.rule()).isEqualTo("INVOICE_OVERDUE");
		assertThat(raised.reason()).contains("INV-2024-0847");
		assertThat(raised.actor()).isEqualTo(owner.actor());
		assertThat(raised.recipientIds()).containsExactly(owner.id());
		assertThat(events.stream(HealthAlertCleared.class)).isEmpty();

		events.clear();
		alerts.sync(List.of(overdue(account, 0)), AlertThresholds.DEFAULTS);

		assertThat(events.stream(HealthAlertCleared.class)).singleElement().satisfies(cleared -> {
			assertThat(cleared.alertId()).isEqualTo(raised.alertId());
			assertThat(cleared.accountId()).isEqualTo(account.id());
			assertThat(cleared.rule()).isEqualTo("INVOICE_OVERDUE");
			assertThat(cleared.actor()).isEqualTo(Actor.SYSTEM);
		});
		assertThat(events.stream(HealthAlertRaised.class)).isEmpty();
	}

	private static AlertSituation overdue(AccountDetails account, int days) {
		return new AlertSituation(account.id(), account.strategic(), GREEN, GREEN, 90, null, null, null, null, null,
				null, null, days, "INV-2024-0847", 9L, 0);
	}

}
