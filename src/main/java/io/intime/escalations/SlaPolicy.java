package io.intime.escalations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

/**
 * One version of the organization's SLA policy: per severity how soon an escalation must
 * be answered and resolved and whether its clocks count business hours only; the business
 * hours (working days and hours in a time zone; the organization's holidays are off); and
 * at what share of a target the owner is warned. An escalation's clocks use the version
 * in force when it was raised.
 *
 * @param warnPercent the share of a target after which a clock is "near breach" (75)
 */
public record SlaPolicy(long id, Instant effectiveFrom, ZoneId zone, LocalTime dayStart, LocalTime dayEnd,
		Set<DayOfWeek> workingDays, int warnPercent, Map<Severity, Target> targets, String note, String createdBy) {

	/**
	 * @param response respond within this (first response: someone takes it on)
	 * @param resolution resolve within this, not counting time waiting on the client
	 * @param businessHours whether both count business hours only
	 */
	public record Target(Duration response, Duration resolution, boolean businessHours) {

		/** "respond < 4 h · resolve < 24 h", with "business hours" when so. */
		public String text() {
			return "respond < " + EscalationView.text(response) + " · resolve < " + EscalationView.text(resolution)
					+ (businessHours ? " (business hours)" : "");
		}
	}

	public SlaPolicy {
		workingDays = Set.copyOf(workingDays);
		targets = Map.copyOf(targets);
	}

	public Target target(Severity severity) {
		return targets.get(severity);
	}

	/** How the clocks of this severity count, given the organization's holidays. */
	SlaCounter counter(Severity severity, Set<LocalDate> holidays) {
		return target(severity).businessHours() ? new BusinessHours(zone, workingDays, dayStart, dayEnd, holidays)
				: SlaCounter.ROUND_THE_CLOCK;
	}

	/** "Mon–Fri 9:00–17:00 America/Chicago". */
	public String hoursText() {
		StringBuilder days = new StringBuilder();
		for (DayOfWeek d : DayOfWeek.values()) {
			if (workingDays.contains(d)) {
				days.append(days.isEmpty() ? "" : ", ")
					.append(d.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US));
			}
		}
		return days + " " + dayStart + "–" + dayEnd + " " + zone.getId();
	}

}
