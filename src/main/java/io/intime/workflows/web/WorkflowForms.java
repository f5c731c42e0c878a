package io.intime.workflows.web;

import java.util.Map;

import io.intime.shared.web.FormErrors;

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

}
