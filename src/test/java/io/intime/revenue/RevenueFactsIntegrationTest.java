package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountTimeline;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.TimelineEntry;
import io.intime.shared.database.AccountScope;
import io.intime.shared.web.MoneyInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RevenueFacts} as of any day over opportunities made through
 * {@link OpportunityManagement}: open from the day identified until the day won or lost,
 * compared in US dollars across currencies, several accounts in one statement; the
 * pipeline summary and the timeline.
 */
@IntegrationTest
class RevenueFactsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	RevenueFacts facts;

	@Autowired
	AccountTimeline timeline;

	AccountFixtures fixtures;

	CurrentUser director;

	final LocalDate t = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		director = fixtures.user(Role.SALES_DIRECTOR);
	}

	@Test
	void opportunitiesAreOpenFromIdentifiedUntilClosedAndComparedInDollars() {
		AccountDetails a = fixtures.account(null);
		AccountDetails b = fixtures.account(null, "EUR");
		AccountDetails none = fixtures.account(null);
		opportunity(a, "Small", "40000", "USD", OpportunityStage.QUALIFIED, 20, null);
		opportunity(a, "Lost big", "250000", "USD", OpportunityStage.LOST, 200, 20);
		opportunity(a, "Future", "900000", "USD", OpportunityStage.IDENTIFIED, 0, null);
		opportunity(b, "Euro deal", "95000", "EUR", OpportunityStage.PROPOSAL, 10, null);
		opportunity(b, "Dollar deal", "100000", "USD", OpportunityStage.IDENTIFIED, 10, null);
		AccountScope scope = AccountScope.of(List.of(a.id(), b.id(), none.id()));

		Map<Long, PipelineFacts> today = facts.pipeline(t, scope);
		assertThat(today).containsOnlyKeys(a.id(), b.id());
		assertThat(today.get(a.id()).open()).isEqualTo(2);
		assertThat(today.get(a.id()).largestOpenUsd()).isEqualByComparingTo("900000");
		assertThat(today.get(b.id()).open()).isEqualTo(2);
		assertThat(today.get(b.id()).largestOpenUsd()).as("€95,000 at 1.08").isEqualByComparingTo("102600");
		assertThat(today.get(b.id()).largestTitle()).isEqualTo("Euro deal");

		PipelineFacts aMonthAgo = facts.pipeline(t.minusDays(25), scope).get(a.id());
		assertThat(aMonthAgo.open()).as("the lost one was still open; Small and Future not identified yet")
			.isEqualTo(1);
		assertThat(aMonthAgo.largestTitle()).isEqualTo("Lost big");
		PipelineFacts aFortnightAgo = facts.pipeline(t.minusDays(15), scope).get(a.id());
		assertThat(aFortnightAgo.open()).isEqualTo(1);
		assertThat(aFortnightAgo.largestOpenUsd()).isEqualByComparingTo("40000");
		assertThat(facts.pipeline(t.minusDays(300), scope)).isEmpty();
	}

	@Test
	void thePipelineSumsOpenStagesInDollarsAndCountsWonAndLost() {
		AccountDetails account = fixtures.account(null, "GBP");
		opportunity(account, "A", "100000", "GBP", OpportunityStage.IDENTIFIED, 5, null);
		opportunity(account, "B", "50000", "USD", OpportunityStage.IDENTIFIED, 5, null);
		opportunity(account, "C", "20000", "USD", OpportunityStage.NEGOTIATION, 5, null);
		opportunity(account, "D", "70000", "USD", OpportunityStage.WON, 90, 30);
		opportunity(account, "E", "10000", "USD", OpportunityStage.LOST, 90, 30);

		PipelineSummary pipeline = opportunities.pipeline(account.id(), director);
		assertThat(pipeline.openCount()).isEqualTo(3);
		assertThat(pipeline.openUsd().amount()).isEqualByComparingTo("197000"); // 127,000
																				// +
																				// 50,000
																				// +
																				// 20,000
		assertThat(pipeline.stages())
			.extracting(s -> s.stage() + " " + s.count() + " " + s.totalUsd().amount().toPlainString())
			.containsExactly("IDENTIFIED 2 177000.00", "QUALIFIED 0 0.00", "PROPOSAL 0 0.00", "NEGOTIATION 1 20000.00");
		assertThat(pipeline.won()).isEqualTo(1);
		assertThat(pipeline.wonUsd().amount()).isEqualByComparingTo("70000");
		assertThat(pipeline.lost()).isEqualTo(1);
	}

	@Test
	void opportunitiesAreIdentifiedWonAndLostOnTheAccountTimeline() {
		AccountDetails account = fixtures.account(null);
		OpportunityView won = opportunity(account, "Data team", "120000", "USD", OpportunityStage.WON, 60, 10);
		opportunity(account, "Interns", "15000", "USD", OpportunityStage.LOST, 40, 20);

		List<TimelineEntry> entries = timeline.of(account.id(), TestClock.now().minus(90, ChronoUnit.DAYS), 50,
				director);
		assertThat(entries).extracting(e -> e.title() + " · " + e.tone())
			.containsExactly("Expansion won: " + won.title() + " ($120K) · positive",
					"Expansion lost: Interns ($15K) · negative", "Expansion identified: Interns ($15K) · positive",
					"Expansion identified: " + won.title() + " ($120K) · positive");
		assertThat(entries.get(0).href())
			.isEqualTo("/accounts/" + account.id() + "/opportunities#opportunity-" + won.id());
	}

	private OpportunityView opportunity(AccountDetails account, String title, String amount, String currency,
			OpportunityStage stage, int identifiedAgo, Integer closedAgo) {
		return opportunities.create(account.id(),
				new OpportunityForm(title, stage, new MoneyInput(new BigDecimal(amount), currency), "QBR", null,
						t.minusDays(identifiedAgo), closedAgo == null ? null : t.minusDays(closedAgo), null,
						stage == OpportunityStage.LOST ? "Went with another supplier" : null),
				director);
	}

}
