package io.intime.shared.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.shared.FieldError;

import org.springframework.validation.BindingResult;

/**
 * The messages a form page shows beside its fields: type errors from binding the request
 * ("abc" for a number) and the facade's {@link io.intime.shared.InvalidInputException}
 * messages, one per field, keyed by the field's request name (e.g.
 * {@code serviceLines[1].annualValue}). Read by the fragments in
 * {@code fragments/form.html}.
 * <p>
 * A page whose flat fields stand for a facade's nested ones (the invoice form's
 * {@code amount} and {@code currency} for {@code amount.amount} and
 * {@code amount.currency}) names them with {@link #renaming(Map)} before adding the
 * facade's messages.
 */
public final class FormErrors {

	/**
	 * The amount a type error on an amount field gives as an example, unless the page
	 * gives its own.
	 */
	public static final String DEFAULT_AMOUNT_EXAMPLE = "125000";

	private final Map<String, String> byField = new LinkedHashMap<>();

	private Map<String, String> renames = Map.of();

	private String link;

	private String linkLabel;

	private FormErrors() {
	}

	public static FormErrors none() {
		return new FormErrors();
	}

	/** The binding failures of a request, with messages a person understands. */
	public static FormErrors of(BindingResult binding) {
		return of(binding, DEFAULT_AMOUNT_EXAMPLE);
	}

	/**
	 * The binding failures of a request; a wrong amount is explained with
	 * {@code amountExample} ("'abc' is not an amount (e.g. 85420 or 85420.50)").
	 */
	public static FormErrors of(BindingResult binding, String amountExample) {
		FormErrors errors = new FormErrors();
		for (org.springframework.validation.FieldError error : binding.getFieldErrors()) {
			Class<?> type = binding.getFieldType(error.getField());
			errors.byField.putIfAbsent(error.getField(), InputRulesBinding.AMOUNT_CODE.equals(error.getCode())
					? error.getDefaultMessage() : typeMessage(type, error.getRejectedValue(), amountExample));
		}
		return errors;
	}

	/** The facade's messages (see {@link #addAll(Collection)}). */
	public static FormErrors of(Collection<FieldError> errors) {
		return none().addAll(errors);
	}

	/**
	 * Names the page gives the facade's fields: a message for a key of {@code pageFields}
	 * is shown beside the field named by its value. Applies to the messages added
	 * afterwards.
	 */
	public FormErrors renaming(Map<String, String> pageFields) {
		this.renames = Map.copyOf(pageFields);
		return this;
	}

	/**
	 * Adds the messages of fields that have none yet (the first message of a field wins).
	 */
	public FormErrors addAll(Collection<FieldError> errors) {
		errors.forEach(error -> add(error.field(), error.message()));
		return this;
	}

	/** Adds a message to a field that has none yet. */
	public FormErrors add(String field, String message) {
		byField.putIfAbsent(renames.getOrDefault(field, field), message);
		return this;
	}

	/**
	 * A link to the record that the input would duplicate, shown beside the field's
	 * message.
	 */
	public FormErrors withLink(String href, String label) {
		this.link = href;
		this.linkLabel = label;
		return this;
	}

	public boolean any() {
		return !byField.isEmpty();
	}

	public boolean has(String field) {
		return byField.containsKey(field);
	}

	public String get(String field) {
		return byField.get(field);
	}

	public int count() {
		return byField.size();
	}

	public Map<String, String> all() {
		return byField;
	}

	public String link() {
		return link;
	}

	public String linkLabel() {
		return linkLabel;
	}

	/**
	 * The id of a field's message, which its input names in {@code aria-describedby}:
	 * {@code serviceLines[1].annualValue} → {@code error-serviceLines-1--annualValue}.
	 */
	public String id(String field) {
		return "error-" + field.replaceAll("[^A-Za-z0-9_-]", "-");
	}

	/** Messages for fields the form does not show (so that no message is lost). */
	public Map<String, String> outside(String... shownFields) {
		List<String> shown = Arrays.asList(shownFields);
		return byField.entrySet()
			.stream()
			.filter(entry -> shown.stream()
				.noneMatch(f -> entry.getKey().equals(f) || entry.getKey().startsWith(f + "[")))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
	}

	static String typeMessage(Class<?> type, Object rejected, String amountExample) {
		String value = rejected instanceof String[] array ? String.join(",", array) : String.valueOf(rejected);
		String quoted = "'" + value + "'";
		if (type == null) {
			return quoted + " is not valid";
		}
		if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
			return quoted + " is not a whole number";
		}
		if (type == BigDecimal.class) {
			return quoted + " is not an amount (e.g. " + amountExample + " or " + amountExample + ".50)";
		}
		if (type == LocalDate.class) {
			return quoted + " is not a date (YYYY-MM-DD)";
		}
		if (type.isEnum()) {
			return quoted + " is not one of "
					+ Arrays.stream(type.getEnumConstants()).map(PageFormat::labelOf).collect(Collectors.joining(", "));
		}
		return quoted + " is not valid";
	}

}
