package io.intime.escalations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The escalation matrix's suggestion from a text, most severe case first. */
class SeverityRulesTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', value = { "Our production is down since the placement left|P0",
			"Their lawyer sent a letter about the contract|P0",
			"URGENT: contractor did not show up today, the team is blocked|P1",
			"The CFO complained about the invoices|P1", "Client is frustrated that only 2 candidates were submitted|P2",
			"Time-to-fill is running late on the analyst role|P2", "Could you send the W-9 form?|P3",
			"Lunch next week|P3" })
	void suggests(String text, Severity expected) {
		SeveritySuggestion suggestion = SeverityRules.suggest(text);
		assertThat(suggestion.severity()).isEqualTo(expected);
		assertThat(suggestion.reason()).startsWith(expected.name());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "A sued-for amount|P3", "Latency of the portal|P3" })
	void wordsMatchWholeWordsOnly(String text, Severity expected) {
		assertThat(SeverityRules.suggest(text).severity()).isEqualTo(expected);
	}

}
