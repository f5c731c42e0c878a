package io.intime.workflows.web;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.workflows.FieldDef;
import io.intime.workflows.StepDef;

/**
 * A step's form on a page: its inputs are named {@code f.<field key>} so that they never
 * collide with the form's own parameters ({@code version}, {@code option}, the CSRF
 * token), and what a step gave is shown by its fields' labels.
 */
final class StepValues {

	static final String PREFIX = "f.";

	private StepValues() {
	}

	/** The field values among a request's parameters, by field key. */
	static Map<String, String> fields(Map<String, String> params) {
		Map<String, String> values = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith(PREFIX)) {
				values.put(name.substring(PREFIX.length()), value);
			}
		});
		return values;
	}

	/**
	 * What the step gave, as label and text, in the order of its fields (then the rest).
	 */
	static List<Map.Entry<String, String>> shown(StepDef def, Map<String, Object> data) {
		List<Map.Entry<String, String>> shown = new ArrayList<>();
		Map<String, Object> rest = new LinkedHashMap<>(data);
		for (FieldDef field : def.fields()) {
			Object value = rest.remove(field.key());
			if (value != null) {
				String text = value instanceof Boolean b ? (b ? "Yes" : "No") : value.toString();
				shown.add(new AbstractMap.SimpleEntry<>(field.label(), text));
			}
		}
		Object option = rest.remove("optionLabel");
		rest.remove("option");
		if (option != null) {
			shown.add(new AbstractMap.SimpleEntry<>("Decision", option.toString()));
		}
		Object comment = rest.remove("comment");
		if (comment != null) {
			shown.add(new AbstractMap.SimpleEntry<>("Comment", comment.toString()));
		}
		rest.remove("decision");
		rest.forEach((key, value) -> {
			if (value != null && !(value instanceof Map) && !(value instanceof List)) {
				shown.add(new AbstractMap.SimpleEntry<>(label(key), value.toString()));
			}
		});
		return shown;
	}

	private static String label(String key) {
		String words = key.replaceAll("([a-z])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ');
		return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1).toLowerCase();
	}

}
