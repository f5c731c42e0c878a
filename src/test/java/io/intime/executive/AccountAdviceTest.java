package io.intime.executive;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.billing.PaymentFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.IssueFacts;
import io.intime.staffing.DeliverySince;
import io.intime.staffing.HiringFacts;
import org.junit.jupiter.api.Test;

import static io.intime.executive.ExecutiveActionsTest.TODAY;
import static io.intime.executive.ExecutiveActionsTest.account;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's critical issues, recommendations and success metrics (spec 01 step 2).
 */
class AccountAdviceTest {

	/** ABC Technologies as spec 01 draws it. */
	static AccountAdvice.Context abc() {
		AccountSignals s = new AccountSignals(
				account(1, "ABC Technologies", 500_000, 32, HealthBand.RED, 120, false, null, null), TODAY,
				new HiringFacts(1, 12, 3, null, null, 3),
				new NpsFacts(1, 6, BigDecimal.valueOf(5), 3, TODAY, null, 15, 75),
				new ExecutiveFacts(1, 1, TODAY.minusDays(45), 2, null, 0), null,
				new IssueFacts(1, 3, 3, 1, "ESC-1 – Quality", TODAY), null, null);
		return new AccountAdvice.Context(s, new PaymentFacts(1, 6, BigDecimal.valueOf(52), false, 48, "INV-9", 9L),
				new DeliverySince(1, BigDecimal.valueOf(45), 4, 3, BigDecimal.valueOf(32)), "Michael Torres",
				"perfect track record", 12);
	}

	@Test
	void criticalIssuesAreRankedHighBeforeMedium() {
		List<AccountAdvice.Issue> issues = AccountAdvice.issues(abc());
		assertThat(issues).extracting(AccountAdvice.Issue::title)
			.containsExactly("Quality concerns", "Slow time-to-fill", "Open escalations", "Executive relationship gap",
					"Satisfaction decline", "Payment delays");
		assertThat(issues.get(0).impact()).isEqualTo("Jeopardizes the $500K renewal in 120 days");
		assertThat(issues.get(1).facts().get(0)).startsWith("Avg 45 days vs 30-day SLA commitment");
		assertThat(issues.get(2).impact()).endsWith("oldest open 12 days");
	}

	@Test
	void recommendationsFollowTheirRules() {
		List<AccountAdvice.Recommendation> recs = AccountAdvice.recommendations(abc());
		assertThat(recs).filteredOn(r -> r.horizon() == AccountAdvice.Horizon.IMMEDIATE)
			.extracting(AccountAdvice.Recommendation::action)
			.containsExactly("call", "recruiter", "credit");
		assertThat(recs.get(1).details().get(0)).isEqualTo("Recommended: Michael Torres (perfect track record)");
		assertThat(recs.get(2).details().get(0)).isEqualTo("Suggest: $50K (10% of ARR)");
		assertThat(recs).filteredOn(r -> r.horizon() == AccountAdvice.Horizon.SHORT_TERM)
			.extracting(AccountAdvice.Recommendation::title)
			.containsExactly("Implement an enhanced SLA for this account", "Weekly executive sponsor check-ins",
					"Resolve the overdue invoice with the client's finance");
		assertThat(recs).filteredOn(r -> r.horizon() == AccountAdvice.Horizon.LONG_TERM)
			.extracting(AccountAdvice.Recommendation::title)
			.containsExactly("Process audit and optimization", "Secure the renewal",
					"Strategic partnership discussion");
	}

	@Test
	void aHealthyAccountGetsNoRecoveryAdvice() {
		AccountSignals s = new AccountSignals(
				account(2, "Calm", 1_000_000, 90, HealthBand.GREEN, 300, false, null, null), TODAY,
				new HiringFacts(2, 3, 5, null, null, 0), null,
				new ExecutiveFacts(2, 3, TODAY.minusDays(10), 4, null, 0), null, null, null, null);
		AccountAdvice.Context calm = new AccountAdvice.Context(s, null,
				new DeliverySince(2, BigDecimal.valueOf(20), 3, 0, BigDecimal.valueOf(32)), null, null, null);
		assertThat(AccountAdvice.issues(calm)).isEmpty();
		assertThat(AccountAdvice.recommendations(calm)).extracting(AccountAdvice.Recommendation::title)
			.containsExactly("Strategic partnership discussion");
	}

	@Test
	void successMetricsOfA90DayRecovery() {
		List<AccountAdvice.Metric> metrics = AccountAdvice.successMetrics(abc(), TODAY);
		assertThat(metrics).extracting(m -> m.label() + ": " + m.from() + " → " + m.to())
			.containsExactly("Health score: 32 → 75+", "NPS: 15 → 65+", "Time-to-fill: 45 days → 21 days",
					"Placement success: 3 falloffs in 60 days → 100% (no falloffs)",
					"Contract renewal: ends Apr 3, 2027 → secured by Feb 17, 2027");
		assertThat(metrics.get(0).dueOn()).isEqualTo(LocalDate.of(2027, 3, 4));
	}

	@Test
	void aPlanGoalMeasuresItsProgressFromBaselineToTarget() {
		PlanProgress.Goal health = RecoveryPlans.goal(RecoveryMeasure.HEALTH, BigDecimal.valueOf(32),
				BigDecimal.valueOf(75), TODAY.plusDays(90), BigDecimal.valueOf(53), TODAY);
		assertThat(health.progressPercent()).isEqualTo(48);
		assertThat(health.met()).isFalse();
		PlanProgress.Goal ttf = RecoveryPlans.goal(RecoveryMeasure.TIME_TO_FILL, BigDecimal.valueOf(45),
				BigDecimal.valueOf(21), TODAY.plusDays(90), BigDecimal.valueOf(20), TODAY);
		assertThat(ttf.met()).isTrue();
		assertThat(ttf.progressPercent()).isEqualTo(100);
		PlanProgress.Goal nps = RecoveryPlans.goal(RecoveryMeasure.NPS, BigDecimal.valueOf(15), BigDecimal.valueOf(65),
				TODAY.plusDays(90), null, TODAY);
		assertThat(nps.note()).isEqualTo("No NPS response in the last 90 days");
		PlanProgress.Goal renewal = RecoveryPlans.goal(RecoveryMeasure.RENEWAL,
				BigDecimal.valueOf(TODAY.plusDays(120).toEpochDay()), BigDecimal.ONE, TODAY.plusDays(75),
				BigDecimal.valueOf(TODAY.plusDays(485).toEpochDay()), TODAY);
		assertThat(renewal.met()).isTrue();
	}

}
