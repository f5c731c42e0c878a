package io.intime.accounts;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.intime.accounts.internal.Contract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TierTest {

	@Test
	void derivesTiersFromArrInUsdAtSpec03Thresholds() {
		assertThat(Tier.forArrUsd(new BigDecimal("500000"))).isEqualTo(Tier.STRATEGIC);
		assertThat(Tier.forArrUsd(new BigDecimal("499999.99"))).isEqualTo(Tier.GROWTH);
		assertThat(Tier.forArrUsd(new BigDecimal("150000"))).isEqualTo(Tier.GROWTH);
		assertThat(Tier.forArrUsd(new BigDecimal("149999.99"))).isEqualTo(Tier.STANDARD);
		assertThat(Tier.forArrUsd(BigDecimal.ZERO)).isEqualTo(Tier.STANDARD);
	}

	@Test
	void countsAContractTermInYearsByMonthsInclusiveOfTheEndDate() {
		assertThat(Contract.termYears(LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))).isEqualByComparingTo("3");
		assertThat(Contract.termYears(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 3, 31))).isEqualByComparingTo("1");
		assertThat(Contract.termYears(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 30))).isEqualByComparingTo("0.5");
	}

}
