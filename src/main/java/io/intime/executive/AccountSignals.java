package io.intime.executive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import io.intime.accounts.HealthBand;
import io.intime.accounts.StrategicAccount;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.IssueFacts;
import io.intime.revenue.OpenPipeline;
import io.intime.staffing.HiringFacts;

/**
 * What the portfolio knows of one strategic account today: the account and the facts of
 * each module (null parts: no such records).
 *
 * @param nextQbr the next QBR within the preparation window, or null
 * @param plan the account's active recovery plan, or null
 */
public record AccountSignals(StrategicAccount account, LocalDate today, HiringFacts hiring, NpsFacts nps,
		ExecutiveFacts executive, OpenPipeline pipeline, IssueFacts issues, Instant nextQbr, PlanProgress plan) {

	public HealthBand band() {
		return account.healthBand();
	}

	/** Days until the contract ends, or null without an active contract. */
	public Long daysToRenewal() {
		return account.renewalDate() == null ? null : ChronoUnit.DAYS.between(today, account.renewalDate());
	}

	public LocalDate lastExecutiveTouch() {
		return executive == null ? null : executive.lastTouchpoint();
	}

	public Integer daysSinceTouch() {
		LocalDate last = lastExecutiveTouch();
		return last == null ? null : (int) ChronoUnit.DAYS.between(last, today);
	}

	public int openEscalations() {
		return issues == null ? 0 : issues.open();
	}

	public int falloffs() {
		return hiring == null ? 0 : hiring.falloffs60();
	}

	/** The account's NPS over the last 90 days, or null without responses. */
	public Integer npsNow() {
		return nps == null ? null : nps.accountNps();
	}

	public Integer npsBefore() {
		return nps == null ? null : nps.accountNpsPrevious();
	}
}
