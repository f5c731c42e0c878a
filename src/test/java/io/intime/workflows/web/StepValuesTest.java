package io.intime.workflows.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.workflows.FieldDef;
import io.intime.workflows.FieldType;
import io.intime.workflows.StepDef;
import io.intime.workflows.StepType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a done step gave, as the run page shows it to people. */
class StepValuesTest {

	@Test
	void anAutomatedStepsDataReadsAsWords() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("status", "PROSPECT");
		data.put("ownerId", 2);
		data.put("inForce", true);
		data.put("endDate", "2027-12-03");
		data.put("totalUsd", new BigDecimal("240000.00"));
		data.put("forecastArr", new BigDecimal("500000"));
		data.put("serviceLines", 3);
		data.put("measuredMaximum", new BigDecimal("45.50"));
		StepDef step = StepDef.automated("profile", "Retrieve Client Profile", "onboarding.profile");
		assertThat(StepValues.shown(step, data, "USD")).extracting(e -> e.getKey() + ": " + e.getValue())
			.containsExactly("Status: Prospect", "In force: Yes", "End date: Dec 3, 2027", "Total: $240,000",
					"Forecast ARR: $500,000", "Service lines: 3", "Measured maximum: 45.5");
	}

	@Test
	void amountsAreInTheAccountsCurrency() {
		StepDef step = StepDef.of("approval", "Resolution approval", StepType.APPROVAL, "finance", 2, "")
			.withFields(FieldDef.of("amount", "Amount", FieldType.MONEY, true));
		assertThat(StepValues.shown(step, Map.of("amount", "1250"), "USD")).extracting(Map.Entry::getValue)
			.containsExactly("$1,250");
		assertThat(StepValues.shown(step, Map.of("amount", "1250.5"), "EUR")).extracting(Map.Entry::getValue)
			.containsExactly("€1,250.50");
	}

}
