package io.intime.escalations.web;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.escalations.Severity;
import io.intime.escalations.SlaPolicyForm;
import io.intime.shared.FieldError;

import org.springframework.util.MultiValueMap;

/**
 * Reads the SLA policy page's form: per severity the hours to respond and to resolve
 * ({@code P1.response}, {@code P1.resolution}; decimals allowed, so half an hour is 0.5)
 * and whether they count business hours ({@code P1.businessHours}); the business hours;
 * the warning share. What cannot be read is named and left empty.
 */
public final class SlaPolicyFormData {

	private SlaPolicyFormData() {
	}

	static SlaPolicyForm read(MultiValueMap<String, String> params, List<FieldError> errors) {
		Map<Severity, SlaPolicyForm.Row> rows = new EnumMap<>(Severity.class);
		for (Severity s : Severity.values()) {
			int response = minutes(params.getFirst(s.name() + ".response"), s.name() + ".response", errors);
			int resolution = minutes(params.getFirst(s.name() + ".resolution"), s.name() + ".resolution", errors);
			boolean business = params.containsKey(s.name() + ".businessHours");
			rows.put(s, new SlaPolicyForm.Row(response, resolution, business));
		}
		Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
		List<String> chosen = params.get("workingDays");
		if (chosen != null) {
			for (String d : chosen) {
				try {
					days.add(DayOfWeek.valueOf(d));
				}
				catch (IllegalArgumentException e) {
					errors.add(new FieldError("workingDays", "'" + d + "' is not a day of the week"));
				}
			}
		}
		int warn = 0;
		String warnText = params.getFirst("warnPercent");
		try {
			warn = warnText == null || warnText.isBlank() ? 0 : Integer.parseInt(warnText.strip());
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError("warnPercent", "'" + warnText + "' is not a whole number"));
		}
		return new SlaPolicyForm(rows, params.getFirst("zone"), time(params.getFirst("dayStart"), "dayStart", errors),
				time(params.getFirst("dayEnd"), "dayEnd", errors), days, warn, params.getFirst("note"));
	}

	/** Hours as typed, in whole minutes. */
	private static int minutes(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			errors.add(new FieldError(field, "is required (hours)"));
			return 0;
		}
		try {
			BigDecimal hours = new BigDecimal(text.strip().replace(',', '.'));
			return hours.multiply(BigDecimal.valueOf(60)).setScale(0, java.math.RoundingMode.HALF_UP).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			errors.add(new FieldError(field, "'" + text + "' is not a number of hours"));
			return 0;
		}
	}

	private static LocalTime time(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalTime.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			errors.add(new FieldError(field, "'" + text + "' is not a time (HH:MM)"));
			return null;
		}
	}

	/** Minutes as hours for the form: 90 is "1.5". */
	public static String hours(int minutes) {
		return BigDecimal.valueOf(minutes)
			.divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP)
			.stripTrailingZeros()
			.toPlainString();
	}

}
