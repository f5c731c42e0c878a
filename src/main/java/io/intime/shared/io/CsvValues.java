package io.intime.shared.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reading typed values out of CSV cells, with messages that name the cell's text. */
public final class CsvValues {

	private CsvValues() {
	}

	public static String orNull(String text) {
		return text == null || text.isEmpty() ? null : text;
	}

	/**
	 * An enum constant by name, case-insensitive, with spaces or hyphens for underscores.
	 */
	public static <E extends Enum<E>> E enumValue(CsvImport.Draft<?> draft, String column, Class<E> type, E whenEmpty) {
		String text = draft.row.get(column);
		if (text.isEmpty()) {
			draft.shown.put(column, whenEmpty == null ? "" : whenEmpty.name());
			return whenEmpty;
		}
		String name = text.toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
		draft.shown.put(column, text);
		try {
			E value = Enum.valueOf(type, name);
			draft.shown.put(column, value.name());
			return value;
		}
		catch (IllegalArgumentException e) {
			draft.error(column, "“" + text + "” is not one of "
					+ Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
			return null;
		}
	}

	/** true/false, yes/no, y/n or 1/0, case-insensitive. */
	public static Boolean bool(CsvImport.Draft<?> draft, String column, boolean whenEmpty) {
		String text = draft.row.get(column);
		if (text.isEmpty()) {
			draft.shown.put(column, Boolean.toString(whenEmpty));
			return whenEmpty;
		}
		switch (text.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "y", "1" -> {
				draft.shown.put(column, "true");
				return true;
			}
			case "false", "no", "n", "0" -> {
				draft.shown.put(column, "false");
				return false;
			}
			default -> {
				draft.shown.put(column, text);
				draft.error(column, "“" + text + "” is not true or false");
				return null;
			}
		}
	}

}
