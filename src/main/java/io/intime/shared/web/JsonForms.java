package io.intime.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.Nulls;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Reads the JSON bodies of the REST API's POST and PATCH requests into the modules' form
 * records, so that every endpoint treats input the same way:
 * <ul>
 * <li>a body that is not a JSON object is a 400 on {@code body};</li>
 * <li>a field the form does not have is a 400 naming it (a typo never passes
 * silently);</li>
 * <li>a wrong type or an unknown enum value is a 400 naming the field, and so is a
 * fraction where a whole number belongs ({@code "employeeCount": 1.5} is not silently
 * 1);</li>
 * <li>decimals are read exactly (as {@code BigDecimal}, never through a
 * {@code double});</li>
 * <li>the rules of {@link InputRules} hold: text with a NUL character, a date outside the
 * years 0001–9999 and a {@code null} inside a list ({@code "components": [null]}) are
 * 400s naming the field ({@code components[0]});</li>
 * <li>PATCH is a JSON merge patch (RFC 7386): the body's fields are laid over the
 * record's current form, {@code null} clears a field and a list replaces the whole
 * list.</li>
 * </ul>
 * Constraint checks (required, sizes, patterns) stay with the facades, which report them
 * the same way for pages and the API.
 */
@Component
public class JsonForms {

	private final JsonMapper json;

	private final JsonMapper forms;

	private final ObjectReader trees;

	public JsonForms(JsonMapper json) {
		this.json = json;
		this.forms = json.rebuild()
			.addModule(new InputRulesModule())
			.changeDefaultNullHandling(nulls -> nulls.withContentNulls(Nulls.FAIL))
			.build();
		this.trees = json.reader()
			.with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
	}

	/**
	 * The request body as a JSON object.
	 * @param body the raw body, may be null or empty (a 400 on {@code body})
	 * @throws InvalidInputException when the body is missing, not JSON or not an object
	 */
	public ObjectNode object(byte[] body) {
		if (body == null || body.length == 0) {
			throw new InvalidInputException("body", "is missing; send a JSON object");
		}
		JsonNode node;
		try {
			node = trees.readTree(body);
		}
		catch (JacksonException e) {
			throw new InvalidInputException(List.of(JacksonProblems.fieldError(e)));
		}
		if (node == null || !node.isObject()) {
			throw new InvalidInputException("body", "must be a JSON object");
		}
		List<FieldError> errors = new ArrayList<>();
		checkTexts(node, "", errors);
		throwIfAny(errors);
		return (ObjectNode) node;
	}

	/**
	 * Removes a whole-number field (such as {@code version} or {@code accountId}) from
	 * the body and returns it.
	 * @throws InvalidInputException naming the field when it is missing, null or not a
	 * whole number
	 */
	public long take(ObjectNode body, String field) {
		JsonNode value = body.remove(field);
		if (value == null || value.isNull()) {
			throw new InvalidInputException(field, "is required");
		}
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isString() && value.stringValue().trim().matches("-?\\d{1,18}")) {
			return Long.parseLong(value.stringValue().trim());
		}
		throw new InvalidInputException(field,
				"'" + (value.isString() ? value.stringValue() : value.toString()) + "' is not a whole number");
	}

	/**
	 * A new form from a POST body: the body's fields over {@code defaults} (values for
	 * the fields a client may leave out, such as a boolean flag); every other missing
	 * field is null.
	 */
	public <F> F create(ObjectNode body, Class<F> formType, Map<String, ?> defaults) {
		ObjectNode base = json.valueToTree(defaults);
		return read(merge(base, body), formType);
	}

	/** The form a JSON merge patch makes of {@code current}. */
	public <F> F patch(F current, ObjectNode patch, Class<F> formType) {
		ObjectNode base = json.valueToTree(current);
		return read(merge(base, patch), formType);
	}

	private <F> F read(ObjectNode node, Class<F> formType) {
		try {
			return forms.readerFor(formType)
				.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.readValue(node);
		}
		catch (JacksonException e) {
			throw new InvalidInputException(List.of(JacksonProblems.fieldError(e)));
		}
	}

	/**
	 * Every text of the tree, at any depth, against {@link InputRules#textProblem};
	 * errors carry the JSON path.
	 */
	private static void checkTexts(JsonNode node, String path, List<FieldError> errors) {
		if (node.isString()) {
			String problem = InputRules.textProblem(node.asString());
			if (problem != null) {
				errors.add(new FieldError(path.isEmpty() ? "body" : path, problem));
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				checkTexts(node.get(i), path + "[" + i + "]", errors);
			}
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> entry : node.properties()) {
				String field = InputRules.printable(entry.getKey());
				String child = path.isEmpty() ? field : path + "." + field;
				if (InputRules.textProblem(entry.getKey()) != null) {
					errors.add(new FieldError(child, "is not a known field"));
				}
				checkTexts(entry.getValue(), child, errors);
			}
		}
	}

	/**
	 * RFC 7386: objects merge field by field, anything else (lists included) replaces.
	 */
	static ObjectNode merge(ObjectNode target, ObjectNode patch) {
		for (Map.Entry<String, JsonNode> entry : patch.properties()) {
			JsonNode value = entry.getValue();
			JsonNode existing = target.get(entry.getKey());
			if (value.isObject() && existing != null && existing.isObject()) {
				merge((ObjectNode) existing, (ObjectNode) value);
			}
			else {
				target.set(entry.getKey(), value);
			}
		}
		return target;
	}

	/** The errors of a request as one exception; nothing is thrown for an empty list. */
	public static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
