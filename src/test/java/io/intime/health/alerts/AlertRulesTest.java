package io.intime.health.alerts;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import io.intime.accounts.HealthBand;
import io.intime.health.Citations;
import org.junit.jupiter.api.Test;

import static io.intime.accounts.HealthBand.GREEN;
import static io.intime.accounts.HealthBand.RED;
import static io.intime.accounts.HealthBand.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;

class AlertRulesTest {

	private static final AlertThresholds T = AlertThresholds.DEFAULTS;

	/** A situation where nothing is wrong; each test changes one fact. */
	private static Situation quiet() {
		return new Situation();
	}

	@Test
	void nothingHoldsForAHealthyAccount() {
		assertThat(AlertRules.evaluate(quiet().build(), T)).isEmpty();
	}

	@Test
	void aDropFromGreenToYellowIsMediumAndFromYellowToRedIsHigh() {
		AlertCondition yellow = only(quiet().bands(GREEN, YELLOW).score(70).build());
		assertThat(yellow.rule()).isEqualTo(AlertRule.BAND_DROP);
		assertThat(yellow.severity()).isEqualTo(AlertSeverity.MEDIUM);
		assertThat(yellow.reason()).isEqualTo("Health dropped from Green to Yellow (70/100)");
		assertThat(yellow.evidenceHref()).isEqualTo("/accounts/7/health");
		assertThat(only(quiet().bands(YELLOW, RED).score(35).build()).severity()).isEqualTo(AlertSeverity.HIGH);
	}

	@Test
	void aRiseOrAFirstScoreIsNoDrop() {
		assertThat(AlertRules.evaluate(quiet().bands(RED, YELLOW).build(), T)).isEmpty();
		assertThat(AlertRules.evaluate(quiet().bands(null, RED).build(), T)).isEmpty();
		assertThat(AlertRules.evaluate(quiet().bands(YELLOW, YELLOW).build(), T)).isEmpty();
	}

	@Test
	void aBandDropHoldsUntilTheAccountIsBackWhereItFellFrom() {
		assertThat(AlertRules.bandDropStillHolds(GREEN, YELLOW)).isTrue();
		assertThat(AlertRules.bandDropStillHolds(GREEN, RED)).isTrue();
		assertThat(AlertRules.bandDropStillHolds(GREEN, GREEN)).isFalse();
		assertThat(AlertRules.bandDropStillHolds(YELLOW, GREEN)).isFalse();
	}

	@Test
	void anNpsDropOfTwentyPointsAlertsAndNineteenDoesNot() {
		AlertCondition drop = only(quiet().nps(55, 75).build());
		assertThat(drop.rule()).isEqualTo(AlertRule.NPS_DROP);
		assertThat(drop.reason()).isEqualTo("NPS fell 20 points: 55 in the last 90 days, 75 in the 90 days before");
		assertThat(AlertRules.evaluate(quiet().nps(56, 75).build(), T)).isEmpty();
		assertThat(only(quiet().nps(15, 75).build()).severity()).isEqualTo(AlertSeverity.HIGH);
		assertThat(AlertRules.evaluate(quiet().nps(15, null).build(), T)).isEmpty();
	}

	@Test
	void strategicAccountsNeedAnExecutiveTouchpointEveryThirtyDaysOthersEveryNinety() {
		AlertCondition abc = only(quiet().strategic().touchpoint(45, LocalDate.of(2026, 10, 9)).build());
		assertThat(abc.rule()).isEqualTo(AlertRule.EXECUTIVE_TOUCHPOINT_OVERDUE);
		assertThat(abc.severity()).isEqualTo(AlertSeverity.HIGH);
		assertThat(abc.reason()).isEqualTo(
				"No executive call or meeting in 45 days (last: Oct 9); strategic accounts need one every 30 days");
		assertThat(AlertRules.evaluate(quiet().strategic().touchpoint(29, null).build(), T)).isEmpty();
		assertThat(AlertRules.evaluate(quiet().touchpoint(45, null).build(), T)).isEmpty();
		assertThat(only(quiet().touchpoint(90, null).build()).severity()).isEqualTo(AlertSeverity.MEDIUM);
	}

	@Test
	void sixtyDaysWithoutAHireAlertsWithTheLastHire() {
		AlertCondition hiring = only(quiet().lastHire(60, LocalDate.of(2026, 9, 24), "Frontend Developer").build());
		assertThat(hiring.rule()).isEqualTo(AlertRule.NO_HIRING);
		assertThat(hiring.reason()).isEqualTo("No hire in 60 days (last: Frontend Developer, Sep 24)");
		assertThat(hiring.evidenceHref()).isEqualTo("/accounts/7/jobs");
		assertThat(AlertRules.evaluate(quiet().lastHire(59, null, null).build(), T)).isEmpty();
	}

	@Test
	void anInvoiceFortyFiveDaysOverdueAlertsAndLinksToIt() {
		AlertCondition invoice = only(quiet().overdue(45, "INV-2024-0847", 12L).build());
		assertThat(invoice.rule()).isEqualTo(AlertRule.INVOICE_OVERDUE);
		assertThat(invoice.severity()).isEqualTo(AlertSeverity.MEDIUM);
		assertThat(Citations.render(invoice.reason(), Citations.ALL))
			.isEqualTo("Invoice INV-2024-0847 is 45 days overdue");
		assertThat(Citations.render(invoice.reason(), Set.of())).as("to one who may not see invoices")
			.isEqualTo("An invoice is 45 days overdue");
		assertThat(invoice.evidenceHref()).isEqualTo("/accounts/7/invoices#invoice-12");
		assertThat(only(quiet().overdue(61, "INV-1", 1L).build()).severity()).isEqualTo(AlertSeverity.HIGH);
		assertThat(AlertRules.evaluate(quiet().overdue(44, "INV-1", 1L).build(), T)).isEmpty();
	}

	@Test
	void threeEscalationsInAMonthAlertAndTwoDoNot() {
		assertThat(only(quiet().escalations(3).build()).reason()).isEqualTo("3 escalations in the last 30 days");
		assertThat(AlertRules.evaluate(quiet().escalations(2).build(), T)).isEmpty();
	}

	@Test
	void thresholdsAreConfigurable() {
		AlertThresholds strict = new AlertThresholds(10, 14, 30, 30, 15, 2);
		assertThat(AlertRules.evaluate(quiet().escalations(2).build(), strict)).extracting(AlertCondition::rule)
			.containsExactly(AlertRule.ESCALATION_SURGE);
		assertThat(AlertRules.evaluate(quiet().overdue(15, "INV-1", 1L).build(), strict)).hasSize(1);
	}

	@Test
	void abcTechnologiesRaisesEveryAlertItsStoryImplies() {
		List<AlertCondition> abc = AlertRules.evaluate(quiet().strategic()
			.bands(YELLOW, RED)
			.score(40)
			.nps(15, 75)
			.touchpoint(45, null)
			.overdue(50, "INV-2026-0101", 3L)
			.escalations(3)
			.build(), T);
		assertThat(abc).extracting(AlertCondition::rule)
			.containsExactly(AlertRule.BAND_DROP, AlertRule.NPS_DROP, AlertRule.EXECUTIVE_TOUCHPOINT_OVERDUE,
					AlertRule.INVOICE_OVERDUE, AlertRule.ESCALATION_SURGE);
	}

	private static AlertCondition only(AlertSituation situation) {
		List<AlertCondition> holding = AlertRules.evaluate(situation, T);
		assertThat(holding).hasSize(1);
		return holding.get(0);
	}

	private static final class Situation {

		boolean strategic;

		HealthBand previous = GREEN;

		HealthBand band = GREEN;

		int score = 90;

		Integer nps = 60;

		Integer npsBefore = 60;

		Integer touchpointDays = 5;

		LocalDate touchpoint;

		Integer hireDays = 3;

		LocalDate hire;

		String hireTitle;

		Integer overdueDays = 0;

		String invoice;

		Long invoiceId;

		Integer escalations = 0;

		Situation strategic() {
			strategic = true;
			return this;
		}

		Situation bands(HealthBand before, HealthBand now) {
			previous = before;
			band = now;
			return this;
		}

		Situation score(int value) {
			score = value;
			return this;
		}

		Situation nps(Integer now, Integer before) {
			nps = now;
			npsBefore = before;
			return this;
		}

		Situation touchpoint(int days, LocalDate last) {
			touchpointDays = days;
			touchpoint = last;
			return this;
		}

		Situation lastHire(int days, LocalDate date, String title) {
			hireDays = days;
			hire = date;
			hireTitle = title;
			return this;
		}

		Situation overdue(int days, String number, Long id) {
			overdueDays = days;
			invoice = number;
			invoiceId = id;
			return this;
		}

		Situation escalations(int count) {
			escalations = count;
			return this;
		}

		AlertSituation build() {
			return new AlertSituation(7, strategic, previous, band, score, nps, npsBefore, touchpointDays, touchpoint,
					hireDays, hire, hireTitle, overdueDays, invoice, invoiceId, escalations);
		}

	}

}
