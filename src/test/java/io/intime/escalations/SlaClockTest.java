package io.intime.escalations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SLA clocks to the minute, on timelines in Chicago business hours (Mon–Fri
 * 9:00–17:00) and round the clock: weekends, holidays, pauses while waiting on the
 * client, a change of severity while paused, a breach before a pause, a reopening,
 * daylight saving time, and the same due times whenever they are recomputed. December 3,
 * 2026 is a Thursday.
 */
class SlaClockTest {

	static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	/**
	 * P0 and P1 round the clock (Appendix B); P2 and P3 in business hours (8 h and 16 h).
	 */
	static final SlaPolicy POLICY = new SlaPolicy(1, Instant.EPOCH, CHICAGO, LocalTime.of(9, 0), LocalTime.of(17, 0),
			WEEKDAYS, 75, Map.of(Severity.P0, target(1, 4, false), Severity.P1, target(4, 24, false), Severity.P2,
					target(8, 16, true), Severity.P3, target(16, 40, true)),
			"test", "test");

	static SlaPolicy.Target target(int responseHours, int resolutionHours, boolean business) {
		return new SlaPolicy.Target(Duration.ofHours(responseHours), Duration.ofHours(resolutionHours), business);
	}

	static Instant time(String local) {
		return LocalDateTime.parse(local).atZone(CHICAGO).toInstant();
	}

	/** A history: raised with a severity, then status and severity changes. */
	static final class History {

		final Instant raised;

		final List<ClockEvent> events = new ArrayList<>();

		History(String raised, Severity severity) {
			this.raised = time(raised);
			events.add(new ClockEvent(this.raised, EscalationStatus.OPEN, severity, false));
		}

		History status(String when, EscalationStatus status) {
			events.add(new ClockEvent(time(when), status, null, false));
			return this;
		}

		History severity(String when, Severity severity) {
			events.add(new ClockEvent(time(when), null, severity, false));
			return this;
		}

		SlaState at(String now, Set<LocalDate> holidays) {
			Severity current = EscalationClocks.currentSeverity(events, SlaClockTest.time(now));
			return SlaClock.compute(raised, events, POLICY, POLICY.counter(current, holidays), SlaClockTest.time(now));
		}

		SlaState at(String now) {
			return at(now, Set.of());
		}

	}

	@Test
	void roundTheClockP1IsDueFourAndTwentyFourHoursLaterWithWarningsAtThreeQuarters() {
		SlaState s = new History("2026-12-03T10:00", Severity.P1).at("2026-12-03T10:30");
		assertThat(s.responseDue()).isEqualTo(time("2026-12-03T14:00"));
		assertThat(s.responseWarnAt()).isEqualTo(time("2026-12-03T13:00"));
		assertThat(s.resolutionDue()).isEqualTo(time("2026-12-04T10:00"));
		assertThat(s.resolutionWarnAt()).isEqualTo(time("2026-12-04T04:00"));
		assertThat(s.resolutionUsed()).isEqualTo(Duration.ofMinutes(30));
		assertThat(s.responseMet()).isNull();
		assertThat(s.resolutionMet()).isNull();
	}

	@Test
	void businessHoursSkipTheWeekend() {
		// Friday 15:00: 2 h on Friday, then Monday from 9:00
		SlaState s = new History("2026-12-04T15:00", Severity.P2).at("2026-12-04T16:00");
		assertThat(s.responseDue()).isEqualTo(time("2026-12-07T15:00"));
		assertThat(s.resolutionDue()).isEqualTo(time("2026-12-08T15:00"));
		// 75 % of 16 h = 12 h: 2 h Friday, 8 h Monday, 2 h Tuesday
		assertThat(s.resolutionWarnAt()).isEqualTo(time("2026-12-08T11:00"));
		assertThat(s.businessHours()).isTrue();
		// on Sunday nothing is counted since Friday's close
		assertThat(new History("2026-12-04T15:00", Severity.P2).at("2026-12-06T12:00").resolutionUsed())
			.isEqualTo(Duration.ofHours(2));
	}

	@Test
	void businessHoursSkipTheOrganizationsHolidays() {
		Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 12, 7));
		SlaState s = new History("2026-12-04T15:00", Severity.P2).at("2026-12-04T16:00", holidays);
		assertThat(s.responseDue()).isEqualTo(time("2026-12-08T15:00"));
		assertThat(s.resolutionDue()).isEqualTo(time("2026-12-09T15:00"));
	}

	@Test
	void raisedOutsideBusinessHoursStartsCountingAtTheNextOpening() {
		SlaState s = new History("2026-12-05T22:10", Severity.P2).at("2026-12-05T23:00");
		assertThat(s.responseDue()).isEqualTo(time("2026-12-07T17:00"));
		assertThat(s.resolutionDue()).isEqualTo(time("2026-12-08T17:00"));
	}

	@Test
	void waitingOnTheClientPausesTheResolutionClockAndTheFirstResponseStopsTheOther() {
		History h = new History("2026-12-04T15:00", Severity.P2)
			.status("2026-12-07T09:30", EscalationStatus.IN_PROGRESS)
			.status("2026-12-07T11:00", EscalationStatus.WAITING_ON_CLIENT);
		SlaState paused = h.at("2026-12-07T15:00");
		assertThat(paused.respondedAt()).isEqualTo(time("2026-12-07T09:30"));
		assertThat(paused.responseMet()).isTrue();
		assertThat(paused.paused()).isTrue();
		assertThat(paused.resolutionDue()).isNull();
		assertThat(paused.resolutionUsed()).isEqualTo(Duration.ofHours(4));
		assertThat(paused.resolutionLeft()).isEqualTo(Duration.ofHours(12));

		// back in progress Tuesday 10:00: 12 h left = Tuesday 10–17 and Wednesday 9–14
		h.status("2026-12-08T10:00", EscalationStatus.IN_PROGRESS);
		SlaState running = h.at("2026-12-08T10:00");
		assertThat(running.resolutionDue()).isEqualTo(time("2026-12-09T14:00"));
		assertThat(running.resolutionWarnAt()).isEqualTo(time("2026-12-09T10:00"));
	}

	@Test
	void aChangeOfSeverityWhilePausedKeepsThePausedTimeOutAndAppliesTheNewTargetToTheWholeHistory() {
		// round the clock: P1 4 h / 24 h (P2 counts business hours, so the P1 change also
		// changes how the clock counts, which applies from the raising on)
		History h = new History("2026-12-03T10:00", Severity.P2)
			.status("2026-12-03T11:00", EscalationStatus.IN_PROGRESS)
			.status("2026-12-03T12:00", EscalationStatus.WAITING_ON_CLIENT)
			.severity("2026-12-03T14:00", Severity.P1);
		SlaState paused = h.at("2026-12-03T16:00");
		assertThat(paused.severity()).isEqualTo(Severity.P1);
		assertThat(paused.resolutionUsed()).isEqualTo(Duration.ofHours(2));
		assertThat(paused.resolutionTarget()).isEqualTo(Duration.ofHours(24));
		assertThat(paused.responseDue()).isEqualTo(time("2026-12-03T14:00"));
		assertThat(paused.responseMet()).isTrue();

		h.status("2026-12-04T10:00", EscalationStatus.IN_PROGRESS);
		// 22 h left from Friday 10:00, round the clock: Saturday 08:00
		assertThat(h.at("2026-12-04T10:05").resolutionDue()).isEqualTo(time("2026-12-05T08:00"));
	}

	@Test
	void aBreachBeforeAPauseStaysABreachWithItsInstant() {
		History h = new History("2026-12-03T10:00", Severity.P1)
			.status("2026-12-03T10:20", EscalationStatus.IN_PROGRESS)
			.status("2026-12-04T12:00", EscalationStatus.WAITING_ON_CLIENT);
		SlaState s = h.at("2026-12-04T15:00");
		assertThat(s.resolutionBreached()).isTrue();
		assertThat(s.resolutionDue()).isEqualTo(time("2026-12-04T10:00"));
		assertThat(s.resolutionUsed()).isEqualTo(Duration.ofHours(26));
	}

	@Test
	void aResolvedEscalationIsMeasuredAtItsResolutionAndAReopenedOneGoesOnFromThere() {
		History h = new History("2026-12-03T10:00", Severity.P1).status("2026-12-03T10:28", EscalationStatus.RESOLVED);
		SlaState resolved = h.at("2026-12-03T18:00");
		assertThat(resolved.ended()).isTrue();
		assertThat(resolved.resolutionMet()).isTrue();
		assertThat(resolved.resolutionUsed()).isEqualTo(Duration.ofMinutes(28));
		assertThat(resolved.respondedAt()).isEqualTo(time("2026-12-03T10:28"));

		h.status("2026-12-04T09:00", EscalationStatus.IN_PROGRESS);
		SlaState reopened = h.at("2026-12-04T09:00");
		// 23 h 32 min left from Friday 09:00
		assertThat(reopened.resolutionDue()).isEqualTo(time("2026-12-05T08:32"));
		h.status("2026-12-05T09:00", EscalationStatus.CLOSED);
		assertThat(h.at("2026-12-05T09:00").resolutionMet()).isFalse();
	}

	@Test
	void dueTimesAreTheSameWheneverTheyAreComputed() {
		History h = new History("2026-12-04T15:00", Severity.P3).status("2026-12-07T10:00",
				EscalationStatus.IN_PROGRESS);
		SlaState early = h.at("2026-12-07T10:01");
		SlaState later = h.at("2026-12-09T16:59");
		assertThat(later.resolutionDue()).isEqualTo(early.resolutionDue());
		assertThat(later.responseDue()).isEqualTo(early.responseDue());
		// 40 business hours from Friday 15:00: 2 + 8 × 4 (Mon–Thu) + 6 = Friday 15:00
		assertThat(early.resolutionDue()).isEqualTo(time("2026-12-11T15:00"));
	}

	@Test
	void businessHoursFollowTheWallClockAcrossTheEndOfDaylightSavingTime() {
		// Friday October 30, 2026 16:00 CDT; clocks go back on Sunday November 1
		SlaState s = new History("2026-10-30T16:00", Severity.P2).at("2026-10-30T16:30");
		assertThat(s.responseDue()).isEqualTo(time("2026-11-02T16:00"));
		assertThat(Duration.between(time("2026-10-30T16:00"), s.responseDue())).isEqualTo(Duration.ofHours(73));
	}

	@Test
	void theScanSeesTheThresholdsOfTheClocksThatStillRun() {
		SlaState open = new History("2026-12-03T10:00", Severity.P1).at("2026-12-03T10:30");
		assertThat(EscalationClocks.thresholds(open)).extracting(EscalationClocks.Crossing::threshold)
			.containsExactly(EscalationClocks.Threshold.RESPONSE_WARNING, EscalationClocks.Threshold.RESPONSE_BREACH,
					EscalationClocks.Threshold.RESOLUTION_WARNING, EscalationClocks.Threshold.RESOLUTION_BREACH);
		SlaState waiting = new History("2026-12-03T10:00", Severity.P1)
			.status("2026-12-03T10:20", EscalationStatus.WAITING_ON_CLIENT)
			.at("2026-12-03T11:00");
		assertThat(EscalationClocks.thresholds(waiting)).isEmpty();
	}

}
