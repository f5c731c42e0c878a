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

	static final BigDecimal MILLION = new BigDecimal("1000000");

	@Test
	void aHighRuleAtARedStrategicAccountIsCritical() {
		assertThat(AlertTriage.priority(HIGH, true, SMALL, RED)).isEqualTo(CRITICAL);
		assertThat(AlertTriage.priority(HIGH, false, SMALL, RED)).as("not strategic").isEqualTo(HIGH);
	}

	@Test
	void atAYellowStrategicAccountWithAMillionAtStakeItIsHigh() {
		assertThat(AlertTriage.priority(HIGH, true, MILLION, YELLOW)).isEqualTo(HIGH);
		assertThat(AlertTriage.priority(HIGH, true, new BigDecimal("999999.99"), YELLOW)).isEqualTo(HIGH);
		assertThat(AlertTriage.priority(HIGH, true, MILLION, RED)).isEqualTo(CRITICAL);
	}

	@Test
	void theSameRuleAtASmallGreenAccountWaitsForTheWeek() {
		assertThat(AlertTriage.priority(HIGH, false, SMALL, GREEN)).isEqualTo(MEDIUM);
		assertThat(AlertTriage.priority(MEDIUM, false, SMALL, GREEN)).isEqualTo(LOW);
		assertThat(AlertTriage.priority(LOW, false, null, null)).as("no ARR known, not scored").isEqualTo(LOW);
	}

	@Test
	void eachOfBandStrategicAndArrAtStakeRaisesThePoints() {
		assertThat(AlertTriage.points(MEDIUM, false, SMALL, GREEN)).isEqualTo(1);
		assertThat(AlertTriage.points(MEDIUM, false, SMALL, YELLOW)).isEqualTo(2);
		assertThat(AlertTriage.points(MEDIUM, false, SMALL, RED)).isEqualTo(4);
		assertThat(AlertTriage.points(MEDIUM, true, SMALL, GREEN)).isEqualTo(2);
		assertThat(AlertTriage.points(MEDIUM, false, new BigDecimal("999999.99"), GREEN)).isEqualTo(1);
		assertThat(AlertTriage.points(MEDIUM, false, MILLION, GREEN)).isEqualTo(2);
		assertThat(AlertTriage.points(HIGH, false, SMALL, GREEN)).isEqualTo(2);
		assertThat(AlertTriage.points(LOW, false, SMALL, GREEN)).isZero();
	}

	@Test
	void theBoundariesBetweenPrioritiesAreSixFourAndTwoPoints() {
		// 1 (MEDIUM) + 3 (Red) + 1 (strategic) + 1 (≥ $1M) = 6
		assertThat(AlertTriage.priority(MEDIUM, true, MILLION, RED)).isEqualTo(CRITICAL);
		// 1 + 3 + 1 + 0 = 5
		assertThat(AlertTriage.priority(MEDIUM, true, SMALL, RED)).isEqualTo(HIGH);
		// 1 + 1 + 1 + 1 = 4
		assertThat(AlertTriage.priority(MEDIUM, true, MILLION, YELLOW)).isEqualTo(HIGH);
		// 1 + 1 + 1 + 0 = 3
		assertThat(AlertTriage.priority(MEDIUM, true, SMALL, YELLOW)).isEqualTo(MEDIUM);
		// 0 + 1 + 1 + 0 = 2
		assertThat(AlertTriage.priority(LOW, true, SMALL, YELLOW)).isEqualTo(MEDIUM);
		// 0 + 0 + 1 + 0 = 1
		assertThat(AlertTriage.priority(LOW, true, SMALL, GREEN)).isEqualTo(LOW);
	}

}
