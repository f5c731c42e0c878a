package io.intime.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

	@Test
	void keepsTwoDecimalsAndAddsOnlyTheSameCurrency() {
		Money a = Money.of("100.005", "USD");
		assertThat(a.amount()).isEqualByComparingTo("100.01");
		assertThat(a.plus(Money.of("0.99", "USD")).amount()).isEqualByComparingTo("101.00");
		assertThatThrownBy(() -> a.plus(Money.of("1", "EUR"))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesAnUnknownCurrencyCode() {
		assertThatThrownBy(() -> Money.of("1", "XYZ1")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void formatsForPeopleInFullAndCompact() {
		assertThat(Money.of("85420", "USD").display()).isEqualTo("$85,420");
		assertThat(MoneyFormat.compact(Money.of("28500000", "USD"))).isEqualTo("$28.5M");
		assertThat(MoneyFormat.compact(Money.of("850000", "USD"))).isEqualTo("$850K");
		assertThat(MoneyFormat.compact(Money.of("1190000", "EUR"))).isEqualTo("€1.19M");
	}

	@Test
	void convertsAtTheConstantRate() {
		CurrencyRates rates = new CurrencyRates();
		assertThat(rates.convert(Money.of("100000", "EUR"), "USD").amount())
			.isEqualByComparingTo(new BigDecimal("108000"));
		assertThat(rates.convert(Money.of("108000", "USD"), "EUR").amount())
			.isEqualByComparingTo(new BigDecimal("100000"));
		assertThat(rates.convert(Money.of("5", "USD"), "USD")).isEqualTo(Money.of("5", "USD"));
	}

	@Test
	void pageRequestNamesTheWrongParameter() {
		assertThatThrownBy(() -> new PageRequest(0, 0)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("size"));
		assertThatThrownBy(() -> new PageRequest(-1, 10)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("page"));
	}

}
