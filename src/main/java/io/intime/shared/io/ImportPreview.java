package io.intime.shared.io;

import java.util.List;

/**
 * What an uploaded CSV file would import: every row with its values and errors, the
 * problems that make the whole file unusable, and notes. Nothing is imported while
 * {@link #importable()} is false.
 *
 * @param columns the columns the file has that the import reads, in the import's order
 */
public record ImportPreview(List<String> columns, List<ImportRow> rows, List<String> problems, List<String> notes) {

	/** The largest file an import reads. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	/** The most rows a file may have. */
	public static final int MAX_ROWS = 20_000;

	public int total() {
		return rows.size();
	}

	public long rowsWithErrors() {
		return rows.stream().filter(ImportRow::hasErrors).count();
	}

	/** True when every row is valid and the file has rows: the import may go ahead. */
	public boolean importable() {
		return problems.isEmpty() && !rows.isEmpty() && rowsWithErrors() == 0;
	}
}
