package io.intime.identity;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldChangeTest {

	@Test
	void listsOnlyTheFieldsThatChangedWithOldAndNewText() {
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("name", "TechCorp");
		before.put("employeeCount", 1200);
		before.put("industry", null);
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.put("employeeCount", 1250);
		after.put("industry", "Technology");

		assertThat(FieldChange.between(before, after)).containsExactly(new FieldChange("employeeCount", "1200", "1250"),
				new FieldChange("industry", null, "Technology"));
	}

	@Test
	void treatsEqualAmountsWithDifferentScaleAsUnchanged() {
		assertThat(FieldChange.between(Map.of("arr", new BigDecimal("500000.00")),
				Map.of("arr", new BigDecimal("500000"))))
			.isEmpty();
	}

}
