package io.intime.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConflictTest {

	enum Priority {

		URGENT, LOW

	}

	private static Map<String, Object> values(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Test
	void listsOnlyTheFieldsThatDifferWithTheirLabelsAndReadableValues() {
		Conflict conflict = Conflict.between(Conflict.KEPT,
				values("priority", Priority.URGENT, "openedOn", LocalDate.of(2026, 3, 31), "title", "Engineer", "rate",
						new BigDecimal("85.00")),
				values("priority", Priority.LOW, "openedOn", LocalDate.of(2026, 4, 1), "title", "Engineer", "rate",
						new BigDecimal("85")),
				field -> Map.of("openedOn", "Opened on").getOrDefault(field, field));

		assertThat(conflict.rows()).containsExactly(new Conflict.Row("priority", "priority", "Urgent", "Low"),
				new Conflict.Row("openedOn", "Opened on", "Mar 31, 2026", "Apr 1, 2026"));
	}

	@Test
	void aPageMayShowValuesAsEnteredOrThroughItsOwnDisplay() {
		Conflict plain = Conflict.between("saved", values("stage", Priority.URGENT, "value", new BigDecimal("1500.00")),
				values("stage", Priority.LOW, "value", new BigDecimal("1000")), field -> field,
				(field, value) -> Conflict.plain(value));
		Conflict named = Conflict.between("saved", values("ownerId", 7L), values("ownerId", 8L), field -> "Owner",
				(field, value) -> value.equals(7L) ? "Jordan Reyes" : "Sarah Chen");

		assertThat(plain.rows()).extracting(Conflict.Row::theirs).containsExactly("URGENT", "1500");
		assertThat(plain.rows()).extracting(Conflict.Row::yours).containsExactly("LOW", "1000");
		assertThat(named.rows()).containsExactly(new Conflict.Row("ownerId", "Owner", "Jordan Reyes", "Sarah Chen"));
	}

	@Test
	void blankAndMissingValuesAreTheSameAndYesNoNamesBooleans() {
		assertThat(Conflict.text(null)).isEmpty();
		assertThat(Conflict.text("  ")).isEmpty();
		assertThat(Conflict.text(true)).isEqualTo("Yes");
		assertThat(Conflict.between("m", values("note", ""), values("note", null), f -> f).rows()).isEmpty();
	}

}
