package io.intime.executive;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.accounts.StrategicAccount;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.IssueFacts;
import io.intime.revenue.OpenPipeline;
import io.intime.shared.Money;
import io.intime.staffing.HiringFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of "Executive actions needed" (spec 01 step 1), one fact at a time. */
class ExecutiveActionsTest {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	static StrategicAccount account(long id, String name, long arr, Integer score, HealthBand band, Integer renewsIn,
			boolean stalled, String newExecutive, Instant criticalSince) {
		Money usd = new Money(BigDecimal.valueOf(arr), "USD");
		return new StrategicAccount(id, "ACC-" + id, name, "Technology / SaaS", 1000, "Austin, TX", "America/Chicago",
				TODAY.minusYears(3), 7L, "Sarah Chen", 1L, "Alex Morgan", usd, usd, score, band,
				renewsIn == null ? null : TODAY.plusDays(renewsIn), null, stalled, newExecutive,
				newExecutive == null ? null : Instant.parse("2026-11-14T09:00:00Z"), criticalSince, null, usd, usd);
	}

	static AccountSignals signals(StrategicAccount a, Integer lastTouchDaysAgo) {
		return new AccountSignals(a, TODAY, null, null,
				lastTouchDaysAgo == null ? null
						: new ExecutiveFacts(a.id(), 1, TODAY.minusDays(lastTouchDaysAgo), 2, null, 0),
				null, null, null, null);
	}

	@Test
	void aHealthyAccountWithARecentTouchNeedsNothing() {
		assertThat(ExecutiveActions
			.of(List.of(signals(account(1, "Fine", 1_000_000, 90, HealthBand.GREEN, 200, false, null, null), 10))))
			.isEmpty();
	}

	@Test
	void redHealthAndAnOpenEscalationAreUrgentWithTheirReasons() {
		StrategicAccount abc = account(1, "ABC Technologies", 500_000, 32, HealthBand.RED, 120, false, null, null);
		AccountSignals s = new AccountSignals(abc, TODAY, new HiringFacts(1, 12, 3, null, null, 3),
				new NpsFacts(1, 6, BigDecimal.valueOf(5), 3, TODAY, null, 15, 75), null, null,
				new IssueFacts(1, 3, 3, 1, "ESC-1 – Quality", TODAY), null, null);
		ExecutiveAction action = ExecutiveActions.of(List.of(s)).get(0);
		assertThat(action.urgent()).isTrue();
		assertThat(action.reasons()).containsExactly("Critical health (32/100)", "Open escalation, churn risk",
				"NPS dropped from 75 to 15", "No executive touchpoint on record",
				"3 placements failed, quality concerns");
	}

	@Test
	void aRenewalWithin30DaysIsUrgentWhenStalledOrNotGreenAndAttentionOtherwise() {
		AccountSignals stalled = signals(account(1, "MegaCorp", 1_700_000, 85, HealthBand.GREEN, 30, true, null, null),
				60);
		AccountSignals green = signals(account(2, "Calm", 900_000, 85, HealthBand.GREEN, 20, false, null, null), 10);
		List<ExecutiveAction> actions = ExecutiveActions.of(List.of(green, stalled));
		assertThat(actions).extracting(ExecutiveAction::accountName).containsExactly("MegaCorp", "Calm");
		assertThat(actions.get(0).urgent()).isTrue();
		assertThat(actions.get(0).reasons()).containsExactly("Contract renewal in 30 days, negotiation stalled");
		assertThat(actions.get(1).urgent()).isFalse();
		assertThat(actions.get(1).reasons()).containsExactly("Contract renewal in 20 days");
	}

	@Test
	void attentionReasonsComeFromTouchpointsPipelineQbrsAndANewExecutive() {
		AccountSignals overdue = signals(account(1, "GlobalCo", 900_000, 70, HealthBand.YELLOW, 76, false, null, null),
				95);
		StrategicAccount innovate = account(2, "InnovateCorp", 1_500_000, 75, HealthBand.YELLOW, 89, false, null, null);
		AccountSignals pipeline = new AccountSignals(innovate, TODAY, null, null,
				new ExecutiveFacts(2, 1, TODAY.minusDays(29), 1, null, 0),
				new OpenPipeline(2, 1, BigDecimal.valueOf(500_000), 1, "Expansion", BigDecimal.valueOf(500_000)), null,
				Instant.parse("2026-12-15T18:00:00Z"), null);
		AccountSignals newCeo = signals(
				account(3, "EnterpriseHQ", 800_000, 70, HealthBand.YELLOW, 240, false, "Robert Klein", null), 40);
		List<ExecutiveAction> actions = ExecutiveActions.of(List.of(overdue, pipeline, newCeo));
		assertThat(actions).allMatch(a -> !a.urgent());
		assertThat(actions).filteredOn(a -> a.accountName().equals("GlobalCo"))
			.singleElement()
			.satisfies(a -> assertThat(a.reasons()).containsExactly("No executive touchpoint in 95 days (overdue)"));
		assertThat(actions).filteredOn(a -> a.accountName().equals("InnovateCorp"))
			.singleElement()
			.satisfies(a -> assertThat(a.reasons()).containsExactly(
					"Expansion discussion pending executive approval ($500K)", "QBR scheduled Dec 15 (prep needed)"));
		assertThat(actions).filteredOn(a -> a.accountName().equals("EnterpriseHQ"))
			.singleElement()
			.satisfies(a -> assertThat(a.reasons())
				.containsExactly("New executive Robert Klein, relationship reset needed"));
	}

	@Test
	void aNewExecutiveAlreadyMetNeedsNoReset() {
		AccountSignals met = signals(account(3, "Met", 800_000, 85, HealthBand.GREEN, 240, false, "Robert Klein", null),
				5);
		assertThat(ExecutiveActions.of(List.of(met))).isEmpty();
	}

	@Test
	void flaggedCriticalIsUrgent() {
		AccountSignals flagged = signals(account(4, "Flagged", 800_000, 85, HealthBand.GREEN, 240, false, null,
				Instant.parse("2026-12-03T09:00:00Z")), 5);
		assertThat(ExecutiveActions.of(List.of(flagged))).singleElement().satisfies(a -> {
			assertThat(a.urgent()).isTrue();
			assertThat(a.reasons()).containsExactly("Flagged critical");
		});
	}

}
