package io.intime.shared.io;

import java.util.List;
import java.util.Map;

import io.intime.shared.FieldError;

/**
 * One data row of an uploaded CSV file as the import read it.
 *
 * @param number the row in the spreadsheet (the header is row 1)
 * @param values the value read per column, as the import understood it (e.g. an owner's
 * name for a username), for the preview
 * @param errors what is wrong, by CSV column ({@code row} when it concerns the whole row)
 * @param notes what is worth a second look but imports all the same
 */
public record ImportRow(int number, Map<String, String> values, List<FieldError> errors, List<String> notes) {

	public boolean hasErrors() {
		return !errors.isEmpty();
	}

	/** The message for one column, or null when the column is fine. */
	public String errorFor(String column) {
		return errors.stream()
			.filter(error -> error.field().equals(column))
			.map(FieldError::message)
			.reduce((a, b) -> a + "; " + b)
			.orElse(null);
	}
}
