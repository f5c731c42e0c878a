package io.intime.health.alerts;

import java.math.BigDecimal;

import io.intime.accounts.HealthBand;

/**
 * An alert's priority for triage: the severity its rule gives by its figures, weighed
 * with what is at stake at the account. Points add up:
 * <ul>
 * <li>the rule's severity: HIGH 2, MEDIUM 1, LOW 0;</li>
 * <li>the account's health band: Red 3, Yellow 1, Green (or not scored) 0;</li>
 * <li>a strategic account: 1;</li>
 * <li>ARR at stake (in USD at the constant rates): $1M or more 1.</li>
 * </ul>
 * 6 or more is CRITICAL, 4–5 HIGH, 2–3 MEDIUM, less LOW. So a HIGH rule at a Red
 * strategic account is critical, at a Yellow one with $1M at stake high, and at a small
 * Green account it waits for the week. The band weighs most: an account already at risk
 * is where an alert is most likely the one that loses it.
 */
public final class AlertTriage {

	static final BigDecimal LARGE_ARR = new BigDecimal("1000000");

	private AlertTriage() {
	}

	/**
	 * The priority of an alert whose rule gave {@code ruleSeverity}, at an account with
	 * this band (null when not scored), strategic flag and ARR in USD (null when
	 * unknown).
	 */
	public static AlertSeverity priority(AlertSeverity ruleSeverity, boolean strategic, BigDecimal arrUsd,
			HealthBand band) {
		int points = points(ruleSeverity, strategic, arrUsd, band);
		return points >= 6 ? AlertSeverity.CRITICAL
				: points >= 4 ? AlertSeverity.HIGH : points >= 2 ? AlertSeverity.MEDIUM : AlertSeverity.LOW;
	}

	static int points(AlertSeverity ruleSeverity, boolean strategic, BigDecimal arrUsd, HealthBand band) {
		int points = switch (ruleSeverity) {
			case CRITICAL, HIGH -> 2;
			case MEDIUM -> 1;
			case LOW -> 0;
		};
		if (band == HealthBand.RED) {
			points += 3;
		}
		else if (band == HealthBand.YELLOW) {
			points += 1;
		}
		if (strategic) {
			points += 1;
		}
		if (arrUsd != null && arrUsd.compareTo(LARGE_ARR) >= 0) {
			points += 1;
		}
		return points;
	}

}
