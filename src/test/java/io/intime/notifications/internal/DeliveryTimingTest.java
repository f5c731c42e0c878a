package io.intime.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryTimingTest {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

	@Test
	void quietHoursThatWrapMidnightEndNextMorningAcrossTheSpringChangeInNewYork() {
		// 2027-03-13 23:00 EST; clocks go forward at 02:00 on 2027-03-14
		Instant at = ZonedDateTime.of(2027, 3, 13, 23, 0, 0, 0, NEW_YORK).toInstant();
		Instant end = DeliveryTiming.quietHoursEnd(at, NEW_YORK, LocalTime.of(22, 0), LocalTime.of(7, 0)).orElseThrow();
		assertThat(end.atZone(NEW_YORK).toLocalDateTime()).hasToString("2027-03-14T07:00");
		assertThat(Duration.between(at, end)).isEqualTo(Duration.ofHours(7)); // 8 local
																				// hours,
																				// one
																				// skipped
	}

	@Test
	void quietHoursEndAfterTheAutumnChangeInLondon() {
		// 2026-10-24 22:30 BST; clocks go back at 02:00 on 2026-10-25
		Instant at = ZonedDateTime.of(2026, 10, 24, 22, 30, 0, 0, LONDON).toInstant();
		Instant end = DeliveryTiming.quietHoursEnd(at, LONDON, LocalTime.of(22, 0), LocalTime.of(7, 0)).orElseThrow();
		assertThat(end.atZone(LONDON).toLocalDateTime()).hasToString("2026-10-25T07:00");
		assertThat(Duration.between(at, end)).isEqualTo(Duration.ofMinutes(9 * 60 + 30));
	}

	@Test
	void outsideQuietHoursNothingIsHeld() {
		Instant at = ZonedDateTime.of(2026, 12, 2, 12, 0, 0, 0, SYDNEY).toInstant();
		assertThat(DeliveryTiming.quietHoursEnd(at, SYDNEY, LocalTime.of(22, 0), LocalTime.of(7, 0))).isEmpty();
		assertThat(DeliveryTiming.quietHoursEnd(at, SYDNEY, LocalTime.of(13, 0), LocalTime.of(17, 0))).isEmpty();
		assertThat(DeliveryTiming.quietHoursEnd(at, SYDNEY, LocalTime.of(9, 0), LocalTime.of(9, 0))).isEmpty();
	}

	@Test
	void theDigestGoesOutAtTheNextDigestTimeAcrossTheAprilChangeInSydney() {
		// 2027-04-03 09:00 AEDT; clocks go back at 03:00 on 2027-04-04
		Instant at = ZonedDateTime.of(2027, 4, 3, 9, 0, 0, 0, SYDNEY).toInstant();
		Instant digest = DeliveryTiming.nextDigest(at, SYDNEY, LocalTime.of(8, 0));
		assertThat(digest.atZone(SYDNEY).toLocalDateTime()).hasToString("2027-04-04T08:00");
		assertThat(Duration.between(at, digest)).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void aDigestLaterTodayGoesOutToday() {
		ZoneId kolkata = ZoneId.of("Asia/Kolkata");
		Instant at = ZonedDateTime.of(2026, 12, 2, 6, 0, 0, 0, kolkata).toInstant();
		assertThat(DeliveryTiming.nextDigest(at, kolkata, LocalTime.of(8, 0)).atZone(kolkata).toLocalDateTime())
			.hasToString("2026-12-02T08:00");
	}

	@Property(tries = 2000)
	void quietHoursEndAtTheirLocalEndAfterTheMoment(@ForAll("instants") Instant at, @ForAll("zones") ZoneId zone,
			@ForAll("times") LocalTime start, @ForAll("times") LocalTime end) {
		DeliveryTiming.quietHoursEnd(at, zone, start, end).ifPresent(released -> {
			assertThat(released).isAfter(at);
			assertThat(Duration.between(at, released)).isLessThanOrEqualTo(Duration.ofHours(25));
			assertLandsAt(released, zone, end);
		});
	}

	@Property(tries = 2000)
	void theDigestLandsAtItsLocalTimeWithinADay(@ForAll("instants") Instant at, @ForAll("zones") ZoneId zone,
			@ForAll("times") LocalTime digestTime) {
		Instant digest = DeliveryTiming.nextDigest(at, zone, digestTime);
		assertThat(digest).isAfter(at);
		assertThat(Duration.between(at, digest)).isLessThanOrEqualTo(Duration.ofHours(25));
		assertLandsAt(digest, zone, digestTime);
	}

	/** At the local time, or just after a spring-forward gap that swallowed it. */
	private static void assertLandsAt(Instant instant, ZoneId zone, LocalTime time) {
		LocalTime local = instant.atZone(zone).toLocalTime();
		if (!local.equals(time)) {
			LocalDateTime wanted = LocalDateTime.of(instant.atZone(zone).toLocalDate(), time);
			assertThat(zone.getRules().getValidOffsets(wanted)).as("%s exists in %s", wanted, zone).isEmpty();
			assertThat(local).isAfter(time);
		}
	}

	@Provide
	Arbitrary<Instant> instants() {
		// 2026–2029, with many draws near the changes of March, April, October and
		// November
		return Arbitraries.longs()
			.between(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
					Instant.parse("2030-01-01T00:00:00Z").getEpochSecond())
			.map(Instant::ofEpochSecond);
	}

	@Provide
	Arbitrary<ZoneId> zones() {
		return Arbitraries.of(NEW_YORK, LONDON, SYDNEY, ZoneId.of("Asia/Kolkata"));
	}

	@Provide
	Arbitrary<LocalTime> times() {
		return Arbitraries.integers()
			.between(0, 24 * 4 - 1)
			.map(quarter -> LocalTime.of(quarter / 4, quarter % 4 * 15));
	}

}
