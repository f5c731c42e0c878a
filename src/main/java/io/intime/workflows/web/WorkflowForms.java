package io.intime.workflows.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.shared.web.FormErrors;
import io.intime.workflows.FieldDef;
import io.intime.workflows.StepDef;

import org.springframework.stereotype.Component;

/**
 * For the run page's step forms ({@code @workflowForms}): a step that is not the one a
 * refused submission came from shows no errors and no typed values.
 */
@Component("workflowForms")
public class WorkflowForms {

	public FormErrors none() {
		return FormErrors.none();
	}

	public Map<String, String> empty() {
		return Map.of();
	}

	/**
	 * The inputs a step's form shows with their own messages, which the form's summary
	 * therefore does not repeat (by the step's field keys, as the errors name them).
	 */
	public String[] shownOn(StepDef step) {
		List<String> shown = new ArrayList<>(step.fields().stream().map(FieldDef::key).toList());
		shown.addAll(List.of("file", "option", "comment"));
		return shown.toArray(String[]::new);
	}

}
