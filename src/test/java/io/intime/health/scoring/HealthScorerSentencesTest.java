package io.intime.health.scoring;

import static io.intime.health.scoring.FactsBuilder.TODAY;
import static io.intime.health.scoring.FactsBuilder.facts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.intime.billing.PaymentFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.IssueFacts;
import io.intime.health.model.DefaultHealthModel;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModel.Band;
import io.intime.health.model.HealthModel.Component;
import io.intime.health.model.Measure;
import io.intime.revenue.PipelineFacts;
import io.intime.staffing.HiringFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the default model says about each component, word for word, for every branch of
 * the sentence (singular and plural, with and without the optional parts), and the
 * arithmetic around the score: the scaled total, the band reached, and the rule stated
 * when an input is missing.
 */
class HealthScorerSentencesTest {

	private final HealthModel model = DefaultHealthModel.create();

	private ComponentScore component(AccountFacts facts, String key) {
		return HealthScorer.score(model, facts)
			.components()
			.stream()
			.filter(c -> c.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	private String sentence(AccountFacts facts, String key) {
		return component(facts, key).explanation(TODAY);
	}

	private static AccountFacts with(HiringFacts h, PaymentFacts p, NpsFacts n, ExecutiveFacts e, PipelineFacts pl,
			IssueFacts i) {
		return new AccountFacts(1, TODAY, h, p, n, e, pl, i);
	}

	@Test
	void hiringSentences() {
		assertThat(sentence(facts().build(), "hiring")).isEqualTo("No active jobs and no hire on record");
		assertThat(sentence(facts().lastHire(TODAY.minusDays(60), null).build(), "hiring"))
			.isEqualTo("No active jobs (last hire: Sep 28, 60 days ago)");
		assertThat(sentence(facts().hiring(1, 1).build(), "hiring"))
			.isEqualTo("1 open job, 1 hire in the last 90 days (0.3 a month)");
		assertThat(sentence(
				with(new HiringFacts(1, 5, 9, TODAY.minusDays(10), "Engineer", 2), null, null, null, null, null),
				"hiring"))
			.isEqualTo("5 open jobs, 9 hires in the last 90 days (3 a month); 2 placements fell off in 60 days");
		assertThat(sentence(with(new HiringFacts(1, 2, 0, null, null, 1), null, null, null, null, null), "hiring"))
			.isEqualTo("2 open jobs, 0 hires in the last 90 days (0 a month); 1 placement fell off in 60 days");
	}

	@Test
	void paymentSentences() {
		assertThat(sentence(facts().daysToPay(22).build(), "payment"))
			.isEqualTo("Pays in 22 days on average (6 invoices in the last 365 days)");
		assertThat(sentence(facts().daysToPay(14.5).build(), "payment")).startsWith("Pays in 15 days on average");
		assertThat(sentence(
				with(null, new PaymentFacts(1, 1, BigDecimal.TEN, false, 0, null, null), null, null, null, null),
				"payment"))
			.isEqualTo("Pays in 10 days on average (1 invoice in the last 365 days)");
		assertThat(sentence(facts().overdue(40, 45, "INV-2024-0847").build(), "payment")).isEqualTo(
				"Pays in 40 days on average (6 invoices in the last 365 days); INV-2024-0847 is 45 days overdue");
		assertThat(sentence(facts().writtenOff().build(), "payment")).isEqualTo(
				"An invoice was written off in the last 365 days (collections); Pays in 12 days on average (6 invoices in the last 365 days)");
		assertThat(sentence(with(null, new PaymentFacts(1, 0, null, true, 0, null, null), null, null, null, null),
				"payment"))
			.isEqualTo("An invoice was written off in the last 365 days (collections)");
		// Overdue days without an invoice number, or a number without overdue days, say
		// nothing of it.
		assertThat(sentence(
				with(null, new PaymentFacts(1, 6, BigDecimal.TEN, false, 12, null, null), null, null, null, null),
				"payment"))
			.isEqualTo("Pays in 10 days on average (6 invoices in the last 365 days)");
		assertThat(sentence(
				with(null, new PaymentFacts(1, 6, BigDecimal.TEN, false, 0, "INV-1", 1L), null, null, null, null),
				"payment"))
			.isEqualTo("Pays in 10 days on average (6 invoices in the last 365 days)");
	}

	@Test
	void writtenOffScoresZeroInCollectionsEvenWithAnAverageOfABand() {
		ComponentScore payment = component(
				with(null, new PaymentFacts(1, 0, null, true, 0, null, null), null, null, null, null), "payment");
		assertThat(payment.missing()).isFalse();
		assertThat(payment.points()).isZero();
		assertThat(payment.x()).isNull();
		assertThat(payment.band()).isEqualTo(ComponentScore.COLLECTIONS);
		assertThat(payment.reached()).isEqualTo("Collections involvement (an invoice written off)");
		ComponentScore fast = component(facts().writtenOff().build(), "payment");
		assertThat(fast.points()).isZero();
		assertThat(fast.x()).isEqualByComparingTo("12");
		assertThat(fast.band()).isEqualTo(ComponentScore.COLLECTIONS);
	}

	@Test
	void anAverageWithoutAWriteOffIsMissingWhenNoInvoiceWasMeasured() {
		ComponentScore payment = component(
				with(null, new PaymentFacts(1, 0, null, false, 30, "INV-1", 1L), null, null, null, null), "payment");
		assertThat(payment.missing()).isTrue();
		assertThat(payment.band()).isEqualTo(ComponentScore.NO_BAND);
		assertThat(payment.reached()).isEqualTo("Not measured");
		assertThat(payment.explanation(TODAY)).isEqualTo(
				"No invoice paid or past due in the last 365 days — not scored; the total is scaled over the components measured."
						+ " Rule: 20 = Pay <15 days, … 0 = >60 days or collections involvement.");
	}

	@Test
	void npsSentences() {
		assertThat(sentence(facts().nps(3).build(), "nps"))
			.isEqualTo("Average NPS response 3.0/10 over 180 days (2 responses; latest 3/10 on Oct 15)");
		assertThat(sentence(with(null, null, new NpsFacts(1, 1, new BigDecimal("7.25"), null, null, null, null, null),
				null, null, null), "nps"))
			.isEqualTo("Average NPS response 7.3/10 over 180 days (1 response)");
		// No response in the window, or no average: not scored.
		assertThat(component(
				with(null, null, new NpsFacts(1, 0, BigDecimal.TEN, 10, TODAY, null, null, null), null, null, null),
				"nps")
			.missing()).isTrue();
		assertThat(component(with(null, null, new NpsFacts(1, 2, null, 10, TODAY, null, null, null), null, null, null),
				"nps")
			.missing()).isTrue();
	}

	@Test
	void executiveSentences() {
		assertThat(sentence(facts().executive(3, 1).build(), "executive"))
			.isEqualTo("3 executive touchpoints in the last 90 days (last: Nov 7, 20 days ago)");
		assertThat(sentence(facts().executive(1, 1).build(), "executive"))
			.isEqualTo("1 executive touchpoint in the last 90 days (last: Nov 7, 20 days ago)");
		assertThat(sentence(facts().executive(0, 1).build(), "executive")).isEqualTo(
				"No executive call or meeting in 90 days (last: none on record); 1 contact engaged — single point of contact");
		assertThat(
				sentence(with(null, null, null, new ExecutiveFacts(1, 0, TODAY.minusDays(100), 2, null, 0), null, null),
						"executive"))
			.isEqualTo("No executive call or meeting in 90 days (last: Aug 19, 100 days ago); 2 contacts engaged");
		assertThat(sentence(facts().build(), "executive"))
			.startsWith("No call, email, meeting or note on record — not scored");
	}

	@Test
	void pipelineSentences() {
		assertThat(sentence(facts().build(), "expansion")).isEqualTo("No open expansion opportunity");
		assertThat(sentence(with(null, null, null, null, new PipelineFacts(1, 0, null, null), null), "expansion"))
			.isEqualTo("No open expansion opportunity");
		assertThat(sentence(facts().pipeline(250000, 2).build(), "expansion"))
			.isEqualTo("2 open expansion opportunities, largest $250K (Expansion)");
		assertThat(
				sentence(with(null, null, null, null, new PipelineFacts(1, 1, new BigDecimal("1250000"), null), null),
						"expansion"))
			.isEqualTo("1 open expansion opportunity, largest $1.3M");
	}

	@Test
	void issueSentences() {
		assertThat(sentence(facts().build(), "issues")).isEqualTo("No escalations in the last 90 days");
		assertThat(sentence(facts().escalations(0, 0).build(), "issues"))
			.isEqualTo("No escalations in the last 90 days");
		assertThat(sentence(facts().escalations(2, 0).build(), "issues")).isEqualTo(
				"2 escalations in the last 90 days, all resolved within SLA (latest: ESC-2026-0001 – Missed deadline)");
		assertThat(sentence(facts().escalations(1, 1).build(), "issues"))
			.isEqualTo("1 escalation in the last 90 days, 1 open (latest: ESC-2026-0001 – Missed deadline)");
		assertThat(sentence(facts().escalations(0, 2).build(), "issues"))
			.isEqualTo("0 escalations in the last 90 days, 2 open");
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "0,$0", "999,$999", "999.4,$999", "1000,$1K", "250400,$250K", "999999,$1000K", "1000000,$1M",
			"1250000,$1.3M", "12000000,$12M" })
	void dollars(String amount, String shown) {
		assertThat(HealthScorer.usd(new BigDecimal(amount))).isEqualTo(shown);
	}

	@ParameterizedTest(name = "{0} of {1} measured points → {2}")
	@CsvSource({ "0,0,0", "0,45,0", "20,45,44", "23,45,51", "45,45,100", "50,100,50", "100,100,100", "120,100,100",
			"30,60,50" })
	void totalScalesTheMeasuredPointsTo100(int points, int measured, int total) {
		assertThat(HealthScorer.total(points, measured)).isEqualTo(total);
	}

	@Test
	void aScoreWithSomeInputsMissingIsScaled() {
		// hiring 20 of 25, pipeline 10 of 10, issues 10 of 10: 40 of 45 → 89.
		Score score = HealthScorer.score(model, facts().hiring(5, 9).pipeline(200000, 1).escalations(0, 0).build());
		assertThat(score.measuredMaximum()).isEqualTo(45);
		assertThat(score.total()).isEqualTo(89);
		assertThat(score.band()).isEqualTo(io.intime.accounts.HealthBand.GREEN);
		assertThat(score.accountId()).isEqualTo(1);
		assertThat(score.asOf()).isEqualTo(TODAY);
		assertThat(score.modelVersion()).isZero();
	}

	@Test
	void theBandReachedIsItsIndexInTheRubric() {
		Score score = HealthScorer.score(model,
				facts().hiring(5, 9)
					.daysToPay(40)
					.nps(3)
					.executive(0, 1)
					.pipeline(200000, 1)
					.escalations(3, 0)
					.build());
		assertThat(score.components()).extracting(ComponentScore::band).containsExactly(1, 2, 3, 3, 0, 2);
		assertThat(score.components()).extracting(ComponentScore::reached)
			.containsExactly("5–10 active reqs, hiring 3–5/month", "Pay 30–45 days", "NPS 3–4 (detractor)",
					"Single point of contact risk", "Active expansion opportunity >$100K",
					"3+ escalations or unresolved issues");
	}

	@Test
	void noBandHoldingScoresZeroWithoutABand() {
		HealthModel narrow = new HealthModel(3, "narrow",
				List.of(new Component("payment", "Payment", Measure.PAYMENT_PROMPTNESS, 50, 365,
						List.of(new Band(50, "Fast", null, BigDecimal.valueOf(14), null, null))),
						new Component("hiring", "Hiring", Measure.HIRING_VELOCITY, 50, 90,
								List.of(new Band(50, "Busy", BigDecimal.TEN, null, null, null)))),
				80, 50, null, null, null);
		Score score = HealthScorer.score(narrow, facts().daysToPay(30).hiring(1, 0).build());
		assertThat(score.components()).extracting(ComponentScore::points).containsExactly(0, 0);
		assertThat(score.components()).extracting(ComponentScore::band)
			.containsExactly(ComponentScore.NO_BAND, ComponentScore.NO_BAND);
		assertThat(score.components()).extracting(ComponentScore::reached).containsOnly("None of the bands");
		assertThat(score.modelVersion()).isEqualTo(3);
		// A missing input states the only rule there is, without an ellipsis.
		Score none = HealthScorer.score(narrow, facts().hiring(12, 0).build());
		assertThat(none.components().get(0).explanation(TODAY)).isEqualTo(
				"No invoice paid or past due in the last 365 days — not scored; the total is scaled over the components measured."
						+ " Rule: 50 = Fast.");
		assertThat(none.total()).isEqualTo(100);
		assertThat(none.measuredMaximum()).isEqualTo(50);
	}

	@Test
	void aComponentWithoutBandsStatesNoRule() {
		HealthModel bare = new HealthModel(4, "bare",
				List.of(new Component("nps", "NPS", Measure.NPS, 100, 30, List.of())), 80, 50, null, null, null);
		assertThat(HealthScorer.score(bare, facts().build()).components().get(0).explanation(TODAY)).isEqualTo(
				"No NPS response in the last 30 days — not scored; the total is scaled over the components measured.");
		assertThat(HealthScorer.score(bare, facts().build()).total()).isZero();
	}

}
