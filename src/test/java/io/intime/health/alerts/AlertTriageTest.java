package io.intime.health.alerts;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static io.intime.accounts.HealthBand.GREEN;
import static io.intime.accounts.HealthBand.RED;
import static io.intime.accounts.HealthBand.YELLOW;
import static io.intime.health.alerts.AlertSeverity.CRITICAL;
import static io.intime.health.alerts.AlertSeverity.HIGH;
import static io.intime.health.alerts.AlertSeverity.LOW;
import static io.intime.health.alerts.AlertSeverity.MEDIUM;
import static org.assertj.core.api.Assertions.assertThat;

class AlertTriageTest {

	static final BigDecimal SMALL = new BigDecimal("80000");

	@Test
	void aHighRuleAtARedStrategicAccountIsCritical() {
		assertThat(AlertTriage.priority(HIGH, true, new BigDecimal("500000"), RED)).isEqualTo(CRITICAL);
		assertThat(AlertTriage.priority(HIGH, true, new BigDecimal("499999.99"), RED)).as("ARR below $500K")
			.isEqualTo(HIGH);
	}

	@Test
	void theSameRuleAtASmallGreenAccountWaitsForTheWeek() {
		assertThat(AlertTriage.priority(HIGH, false, SMALL, GREEN)).isEqualTo(MEDIUM);
		assertThat(AlertTriage.priority(MEDIUM, false, SMALL, GREEN)).isEqualTo(LOW);
		assertThat(AlertTriage.priority(LOW, false, null, null)).as("no ARR known, not scored").isEqualTo(LOW);
	}

	@Test
	void eachOfBandStrategicAndArrAtStakeRaisesThePriority() {
		assertThat(AlertTriage.points(MEDIUM, false, SMALL, GREEN)).isEqualTo(1);
		assertThat(AlertTriage.points(MEDIUM, false, SMALL, YELLOW)).isEqualTo(2);
		assertThat(AlertTriage.points(MEDIUM, false, SMALL, RED)).isEqualTo(3);
		assertThat(AlertTriage.points(MEDIUM, true, SMALL, GREEN)).isEqualTo(2);
		assertThat(AlertTriage.points(MEDIUM, false, new BigDecimal("500000"), GREEN)).isEqualTo(2);
		assertThat(AlertTriage.points(MEDIUM, false, new BigDecimal("999999.99"), GREEN)).isEqualTo(2);
		assertThat(AlertTriage.points(MEDIUM, false, new BigDecimal("1000000"), GREEN)).isEqualTo(3);
		assertThat(AlertTriage.points(HIGH, false, SMALL, GREEN)).isEqualTo(2);
		assertThat(AlertTriage.points(LOW, false, SMALL, GREEN)).isZero();
	}

	@Test
	void theBoundariesBetweenPrioritiesAreSixFourAndTwoPoints() {
		// 2 (HIGH) + 2 (Red) + 1 (strategic) + 2 (≥ $1M) = 7
		assertThat(AlertTriage.priority(HIGH, true, new BigDecimal("1000000"), RED)).isEqualTo(CRITICAL);
		// 1 + 2 + 1 + 2 = 6
		assertThat(AlertTriage.priority(MEDIUM, true, new BigDecimal("1000000"), RED)).isEqualTo(CRITICAL);
		// 1 + 1 + 1 + 2 = 5
		assertThat(AlertTriage.priority(MEDIUM, true, new BigDecimal("1000000"), YELLOW)).isEqualTo(HIGH);
		// 1 + 0 + 1 + 2 = 4
		assertThat(AlertTriage.priority(MEDIUM, true, new BigDecimal("1000000"), GREEN)).isEqualTo(HIGH);
		// 1 + 0 + 1 + 1 = 3
		assertThat(AlertTriage.priority(MEDIUM, true, new BigDecimal("600000"), GREEN)).isEqualTo(MEDIUM);
		// 0 + 1 + 1 + 0 = 2
		assertThat(AlertTriage.priority(LOW, true, SMALL, YELLOW)).isEqualTo(MEDIUM);
	}

}
