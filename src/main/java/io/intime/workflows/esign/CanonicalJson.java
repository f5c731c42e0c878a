package io.intime.workflows.esign;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON written one way only, so that a hash over it can be computed again from what the
 * database gives back: object keys sorted (by UTF-16 code units, as RFC 8785 does), no
 * whitespace, numbers as their exact decimal value with no exponent and no trailing zeros
 * ({@code 2.50} and {@code 2.5} are the same number, which is what PostgreSQL's
 * {@code jsonb} keeps), strings escaped as JSON requires.
 */
final class CanonicalJson {

	/**
	 * Decimals read as BigDecimal: a double would round what PostgreSQL keeps exactly.
	 */
	static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private CanonicalJson() {
	}

	/** The canonical text of a value (maps, lists, strings, numbers, booleans, null). */
	static String of(Object value) {
		return of(JSON.valueToTree(value));
	}

	/** The canonical text of JSON text (e.g. a {@code jsonb} column read as text). */
	static String ofText(String json) {
		return of(JSON.readTree(json));
	}

	static String of(JsonNode node) {
		StringBuilder out = new StringBuilder();
		write(node, out);
		return out.toString();
	}

	private static void write(JsonNode node, StringBuilder out) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			out.append("null");
		}
		else if (node.isObject()) {
			List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(node.properties());
			properties.sort(Map.Entry.comparingByKey());
			out.append('{');
			for (int i = 0; i < properties.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				out.append(JSON.writeValueAsString(properties.get(i).getKey())).append(':');
				write(properties.get(i).getValue(), out);
			}
			out.append('}');
		}
		else if (node.isArray()) {
			out.append('[');
			int i = 0;
			for (JsonNode element : node.values()) {
				if (i++ > 0) {
					out.append(',');
				}
				write(element, out);
			}
			out.append(']');
		}
		else if (node.isNumber()) {
			out.append(number(node));
		}
		else if (node.isBoolean()) {
			out.append(node.booleanValue());
		}
		else if (node.isString()) {
			out.append(JSON.writeValueAsString(node.stringValue()));
		}
		else {
			throw new IllegalArgumentException("Not a JSON value that can be logged: " + node.getNodeType());
		}
	}

	private static String number(JsonNode node) {
		if (node.isIntegralNumber()) {
			return node.bigIntegerValue().toString();
		}
		if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
			throw new IllegalArgumentException("Not a JSON number: " + node.doubleValue());
		}
		BigDecimal value = node.decimalValue().stripTrailingZeros();
		return value.signum() == 0 ? "0" : value.toPlainString();
	}

}
