package io.intime.health.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.intime.billing.PaymentFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.IssueFacts;
import io.intime.revenue.PipelineFacts;
import io.intime.staffing.HiringFacts;

/**
 * Builds an account's facts for scoring tests, field by field; unset parts are "no
 * records".
 */
final class FactsBuilder {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

	private HiringFacts hiring;

	private PaymentFacts payment;

	private NpsFacts nps;

	private ExecutiveFacts executive;

	private PipelineFacts pipeline;

	private IssueFacts issues;

	static FactsBuilder facts() {
		return new FactsBuilder();
	}

	FactsBuilder hiring(int openJobs, int hires) {
		hiring = new HiringFacts(1, openJobs, hires, hires > 0 ? TODAY.minusDays(10) : null,
				hires > 0 ? "Engineer" : null, 0);
		return this;
	}

	FactsBuilder lastHire(LocalDate day, String title) {
		hiring = new HiringFacts(1, hiring == null ? 0 : hiring.openJobs(), hiring == null ? 0 : hiring.hires(), day,
				title, 0);
		return this;
	}

	FactsBuilder daysToPay(double days) {
		payment = new PaymentFacts(1, 6, BigDecimal.valueOf(days), false, 0, null, null);
		return this;
	}

	FactsBuilder writtenOff() {
		payment = new PaymentFacts(1, 6, BigDecimal.valueOf(12), true, 0, null, null);
		return this;
	}

	FactsBuilder overdue(double averageDays, int daysOverdue, String number) {
		payment = new PaymentFacts(1, 6, BigDecimal.valueOf(averageDays), false, daysOverdue, number, 847L);
		return this;
	}

	FactsBuilder nps(double average) {
		nps = new NpsFacts(1, 2, BigDecimal.valueOf(average).setScale(1, java.math.RoundingMode.HALF_UP),
				(int) Math.round(average), TODAY.minusDays(43), "comment", null, null);
		return this;
	}

	FactsBuilder executive(int touchpoints, int contacts) {
		executive = new ExecutiveFacts(1, touchpoints, touchpoints > 0 ? TODAY.minusDays(20) : null, contacts, null, 0);
		return this;
	}

	FactsBuilder pipeline(long largestUsd, int open) {
		pipeline = new PipelineFacts(1, open, open == 0 ? null : BigDecimal.valueOf(largestUsd),
				open == 0 ? null : "Expansion");
		return this;
	}

	FactsBuilder escalations(int inWindow, int open) {
		return escalations(inWindow, open, 0);
	}

	FactsBuilder escalations(int inWindow, int open, int late) {
		issues = new IssueFacts(1, inWindow, inWindow, open, inWindow > 0 ? "ESC-2026-0001 – Missed deadline" : null,
				inWindow > 0 ? TODAY.minusDays(33) : null, late);
		return this;
	}

	AccountFacts build() {
		return buildAsOf(TODAY);
	}

	/** The same facts read on another day (no fact changed, time passed). */
	AccountFacts buildAsOf(LocalDate asOf) {
		return new AccountFacts(1, asOf, hiring, payment, nps, executive, pipeline, issues);
	}

}
