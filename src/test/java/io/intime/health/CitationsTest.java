package io.intime.health;

import java.util.Set;

import io.intime.health.Citations.Source;
import org.junit.jupiter.api.Test;

import static io.intime.health.Citations.cite;
import static org.assertj.core.api.Assertions.assertThat;

class CitationsTest {

	@Test
	void showsACitedDetailOnlyToAReaderOfItsModule() {
		String sentence = "Pays in 32 days on average; " + cite(Source.BILLING, "INV-2026-0042", "an invoice")
				+ " is {days:2026-10-01} days overdue";

		assertThat(Citations.render(sentence, Set.of(Source.BILLING)))
			.isEqualTo("Pays in 32 days on average; INV-2026-0042 is {days:2026-10-01} days overdue");
		assertThat(Citations.render(sentence, Set.of(Source.REVENUE)))
			.isEqualTo("Pays in 32 days on average; an invoice is {days:2026-10-01} days overdue");
	}

	@Test
	void keepsTitlesWithBracesBarsAndBackslashesIntact() {
		String title = "Phase {2} | data\\ops";
		String sentence = "2 open expansion opportunities" + cite(Source.REVENUE, ", largest $250K (" + title + ")", "")
				+ " and " + cite(Source.ESCALATIONS, "ESC-1", "an escalation");

		assertThat(Citations.render(sentence, Citations.ALL))
			.isEqualTo("2 open expansion opportunities, largest $250K (Phase {2} | data\\ops) and ESC-1");
		assertThat(Citations.render(sentence, Set.of())).isEqualTo("2 open expansion opportunities and an escalation");
	}

	@Test
	void leavesTextWithoutCitationsAsItIs() {
		assertThat(Citations.render("No escalations in the last 90 days", Set.of()))
			.isEqualTo("No escalations in the last 90 days");
		assertThat(Citations.render("A {cite:UNKNOWN:x|y} token", Set.of())).isEqualTo("A {cite:UNKNOWN:x|y} token");
	}

}
