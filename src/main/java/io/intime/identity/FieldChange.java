package io.intime.identity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One field of a record that changed, with its old and new value as text. */
public record FieldChange(String field, String oldValue, String newValue) {

	/**
	 * The fields whose values differ between two snapshots of the same record, in order.
	 */
	public static List<FieldChange> between(Map<String, ?> before, Map<String, ?> after) {
		Set<String> fields = new LinkedHashSet<>(before.keySet());
		fields.addAll(after.keySet());
		List<FieldChange> changes = new ArrayList<>();
		for (String field : fields) {
			String old = text(before.get(field));
			String now = text(after.get(field));
			if (!Objects.equals(old, now)) {
				changes.add(new FieldChange(field, old, now));
			}
		}
		return changes;
	}

	/**
	 * The changes as the domain event log writes them: one {@code {field, old, new}}
	 * object each, in order.
	 */
	public static List<Map<String, Object>> logged(List<FieldChange> changes) {
		return changes.stream().map(c -> {
			Map<String, Object> change = new java.util.LinkedHashMap<>();
			change.put("field", c.field());
			change.put("old", c.oldValue());
			change.put("new", c.newValue());
			return change;
		}).toList();
	}

	static String text(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.math.BigDecimal decimal) {
			return decimal.stripTrailingZeros().toPlainString();
		}
		return value.toString();
	}
}
