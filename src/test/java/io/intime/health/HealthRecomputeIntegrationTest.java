package io.intime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.HealthBand;
import io.intime.accounts.ContactView;
import io.intime.health.alerts.AlertRule;
import io.intime.health.alerts.AlertView;
import io.intime.health.alerts.Alerts;
import io.intime.health.model.HealthModels;
import io.intime.health.scoring.HealthRecompute;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scores computed from facts in PostgreSQL, stored with their history, marked on the
 * account, with alerts.
 */
@IntegrationTest
class HealthRecomputeIntegrationTest {

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
	HealthModels models;

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
	 * The spec 02 story: no hiring for 60 days, NPS 3, two escalations, Jane Doe silent.
	 */
	private AccountDetails dataSystems() {
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
			.activity("EMAIL", "INBOUND", today.minusDays(40), false, jane.id())
			.activity("EMAIL", "OUTBOUND", today.minusDays(12), false, jane.id())
			.activity("EMAIL", "OUTBOUND", today.minusDays(5), false, jane.id())
			.escalation(AccountFixtures.unique("ESC-A"), "Missed deadline on Software Engineer role",
					today.minusDays(48), today.minusDays(41))
			.escalation(AccountFixtures.unique("ESC-B"), "Poor candidate quality", today.minusDays(36),
					today.minusDays(33));
		return account;
	}

	@Test
	void scoresDataSystemsRedFromItsFactsWithExplanations() {
		AccountDetails account = dataSystems();

		recompute.recompute(List.of(account.id()));

		HealthReport report = scores.current(account.id(), owner);
		assertThat(report.components()).extracting(HealthReport.Component::points).containsExactly(0, 15, 5, 10, 0, 5);
		assertThat(report.score()).isEqualTo(35);
		assertThat(report.band()).isEqualTo(HealthBand.RED);
		assertThat(report.modelVersion()).isPositive();
		assertThat(report.components().get(0).explanation()).startsWith("No active jobs (last hire: ")
			.contains("Frontend Developer, 60 days ago");
		assertThat(report.components().get(2).explanation()).contains("3.0/10").contains("1 response");
		assertThat(report.components().get(5).explanation())
			.startsWith("2 escalations in the last 90 days, all resolved");
		assertThat(report.components().get(1).inputs()).containsEntry("Average days to pay", new BigDecimal("22"));
		assertThat(report.moves()).anySatisfy(m -> {
			assertThat(m.componentKey()).isEqualTo("hiring");
			assertThat(m.newTotal()).isEqualTo(50);
			assertThat(m.newBand()).isEqualTo(HealthBand.YELLOW);
		});
		// The accounts list reads the same score.
		assertThat(fixtures.reload(account).healthScore()).isEqualTo(35);
		assertThat(fixtures.reload(account).healthBand()).isEqualTo(HealthBand.RED);
	}

	@Test
	void keepsEveryComputationAsHistoryWithItsModelVersion() {
		AccountDetails account = dataSystems();
		recompute.recompute(List.of(account.id()));
		new HealthFacts(jdbc, account.id()).openJobs(3, today.minusDays(2))
			.placement("QA Engineer", today.minusDays(20), null)
			.placement("QA Engineer", today.minusDays(15), null);
		recompute.recompute(List.of(account.id()));

		List<HealthReport.Point> history = scores.history(account.id(), today.minusDays(1), today, owner);
		assertThat(history).extracting(HealthReport.Point::score).containsExactly(35, 50);
		assertThat(history).allSatisfy(p -> assertThat(p.modelVersion()).isPositive());
		assertThat(scores.current(account.id(), owner).band()).isEqualTo(HealthBand.YELLOW);
		assertThatThrownBy(() -> scores.history(account.id(), today, today.minusDays(3), owner))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aScoreFoundUnchangedOnALaterDayIsConfirmedNotRewritten() {
		AccountDetails account = fixtures.account(owner);
		// Quotes and a backslash in a job title travel through the stored sentences
		// unharmed.
		new HealthFacts(jdbc, account.id()).placement("Frontend \"React\" Developer \\ UI", today.minusDays(60), null);
		recompute.recompute(List.of(account.id()));
		String stored = jdbc.sql("select explanations[1] from account_health_detail where account_id = :id")
			.param("id", account.id())
			.query(String.class)
			.single();
		assertThat(stored).contains("{days:" + today.minusDays(60) + "} days ago");
		assertThat(scores.current(account.id(), owner).components().get(0).explanation())
			.isEqualTo("No active jobs (last hire: %s, Frontend \"React\" Developer \\ UI, 60 days ago)"
				.formatted(DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH).format(today.minusDays(60))));

		// As if it was scored yesterday: the same facts today change nothing but its day.
		jdbc.sql("update account_health set as_of = as_of - 1 where account_id = :id")
			.param("id", account.id())
			.update();
		HealthRecompute.Result again = recompute.recompute(List.of(account.id()));
		assertThat(again.changed()).isZero();
		assertThat(scores.current(account.id(), owner).asOf()).isEqualTo(today);
		assertThat(scores.history(account.id(), today.minusDays(5), today, owner)).hasSize(1);

		// A full run confirms unchanged scores by its record, without touching their
		// rows.
		jdbc.sql("update account_health set as_of = as_of - 1 where account_id = :id")
			.param("id", account.id())
			.update();
		recompute.recomputeAll(today);
		assertThat(scores.current(account.id(), owner).asOf()).isEqualTo(today);
		assertThat(jdbc.sql("select as_of from account_health where account_id = :id")
			.param("id", account.id())
			.query(LocalDate.class)
			.single()).isEqualTo(today.minusDays(1));
		assertThat(scores.history(account.id(), today.minusDays(5), today, owner)).hasSize(1);
		assertThat(jdbc.sql("select count(*) from health_run where as_of = :day")
			.param("day", today)
			.query(Integer.class)
			.single()).isPositive();
	}

	@Test
	void aNewModelVersionRewritesTheScoresButNotTheDetailsTheFactsGave() {
		AccountDetails account = dataSystems();
		recompute.recompute(List.of(account.id()));
		String detailVersion = "select xmin::text from account_health_detail where account_id = :id";
		String before = jdbc.sql(detailVersion).param("id", account.id()).query(String.class).single();
		int version = models.current().version();

		models.save(models.current(), version, "Same rules, new version", fixtures.user(Role.ADMIN));
		recompute.recompute(List.of(account.id()));

		HealthReport report = scores.current(account.id(), owner);
		assertThat(report.modelVersion()).isEqualTo(version + 1);
		assertThat(report.score()).isEqualTo(35);
		assertThat(report.components().get(0).explanation()).contains("Frontend Developer, 60 days ago");
		assertThat(jdbc.sql(detailVersion).param("id", account.id()).query(String.class).single()).isEqualTo(before);
		assertThat(scores.history(account.id(), today, today, owner)).extracting(HealthReport.Point::modelVersion)
			.containsExactly(version, version + 1);
	}

	@Test
	void backfillsMonthEndsFromTheFactsAsTheyWereThen() {
		AccountDetails account = dataSystems();

		recompute.scoreUnscored(3);

		List<HealthReport.Point> history = scores.history(account.id(), today.minusMonths(4), today, owner);
		assertThat(history).hasSize(4);
		// Three months ago there was no NPS response and no escalation yet, and the
		// Frontend
		// Developer had not started: the facts as of then, not today's.
		assertThat(history.get(0).score()).isNotEqualTo(35);
		assertThat(history.get(3).score()).isEqualTo(35);
		assertThat(history).isSortedAccordingTo((a, b) -> a.asOf().compareTo(b.asOf()));
	}

	@Test
	void raisesTheAlertsTheFactsCallForAndNoSecondOneForTheSameCondition() {
		AccountDetails account = fixtures.account(owner);
		HealthFacts facts = new HealthFacts(jdbc, account.id());
		facts.placement("Engineer", today.minusDays(75), null)
			.invoice(today.minusDays(80), 30, null, new BigDecimal("85420.00"));

		recompute.recompute(List.of(account.id()));
		recompute.recompute(List.of(account.id()));

		List<AlertView> raised = alerts.forAccount(account.id(), owner);
		assertThat(raised).extracting(AlertView::rule)
			.containsExactlyInAnyOrder(AlertRule.NO_HIRING, AlertRule.INVOICE_OVERDUE);
		assertThat(raised).filteredOn(a -> a.rule() == AlertRule.INVOICE_OVERDUE)
			.singleElement()
			.satisfies(a -> assertThat(a.reason()).contains("50 days"));
	}

	@Test
	void aFullRecomputeScoresEveryAccountInSlices() {
		AccountDetails a = dataSystems();
		AccountDetails b = fixtures.account(owner);

		HealthRecompute.Result result = recompute.recomputeAll(today);

		assertThat(result.accounts()).isGreaterThanOrEqualTo(2);
		assertThat(scores.current(a.id(), owner).score()).isEqualTo(35);
		// No facts at all: hiring, expansion and issues are measured (0, 0, 10 of 60),
		// the rest is missing.
		HealthReport empty = scores.current(b.id(), owner);
		assertThat(empty.measuredMaximum()).isEqualTo(45);
		assertThat(empty.components()).filteredOn(HealthReport.Component::missing)
			.extracting(HealthReport.Component::key)
			.containsExactly("payment", "nps", "executive");
		assertThat(empty.score()).isEqualTo(22);
	}

}
