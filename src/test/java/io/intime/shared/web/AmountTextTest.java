package io.intime.shared.web;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountTextTest {

	@ParameterizedTest(name = "{0} in {1} is {2}")
	@CsvSource(delimiter = '|',
			value = { "150000|USD|150000", "$150,000|USD|150000", "35,000.00|USD|35000.00",
					"1,250,000.50|USD|1250000.50", "150 000 USD|USD|150000", "usd 150000|USD|150000",
					"€1,200.50|EUR|1200.50", "£99|GBP|99", "US$ 5|USD|5", "$5|CAD|5", "C$5|CAD|5", "-$20|USD|-20",
					"$-20|USD|-20", ".5|USD|.5", "  $ 150,000  |USD|150000", "1 250 000|EUR|1250000" })
	void readsAmountsAsPeopleTypeThem(String text, String currency, String amount) {
		assertThat(AmountText.read(text, currency, "Amount").amount()).isEqualByComparingTo(new BigDecimal(amount));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "abc", "1,5", "15,00", "1,2345", "$$5", "€5 EUR", "1.200,50", "5 dollars",
			"--5", "-$-5", "12OO" })
	void refusesWhatIsNoAmount(String text) {
		assertThatThrownBy(() -> AmountText.read(text, "USD", "Amount")).isInstanceOf(IllegalArgumentException.class)
			.isNotInstanceOf(AmountText.CurrencyMismatch.class)
			.hasMessageContaining("is not an amount");
	}

	@Test
	void refusesASymbolOfAnotherCurrencyNamingTheFieldAndBothCurrencies() {
		assertThatThrownBy(() -> AmountText.read("€150,000", "USD", "Value"))
			.isInstanceOf(AmountText.CurrencyMismatch.class)
			.hasMessage("Value is in USD, but '€150,000' is in EUR: type the amount in USD (e.g. 150,000) "
					+ "or change the currency");
		assertThatThrownBy(() -> AmountText.read("$150,000", "EUR", "Amount"))
			.isInstanceOf(AmountText.CurrencyMismatch.class)
			.hasMessageStartingWith("Amount is in EUR, but '$150,000' is in AUD or CAD or");
		assertThatThrownBy(() -> AmountText.read("150000 GBP", "usd", "Bill rate"))
			.isInstanceOf(AmountText.CurrencyMismatch.class)
			.hasMessageStartingWith("Bill rate is in USD, but '150000 GBP' is in GBP");
	}

	@Test
	void aFieldWithoutACurrencyTakesTheOneTheSymbolNamesWhenItNamesOne() {
		assertThat(AmountText.read("€5", null, "Amount").currency()).isEqualTo("EUR");
		assertThat(AmountText.read("$5", "", "Amount").currency()).as("several currencies write $").isNull();
		assertThat(AmountText.read("5", null, "Amount").currency()).isNull();
		assertThat(AmountText.read("$5", "USD", "Amount").currency()).isEqualTo("USD");
	}

}
