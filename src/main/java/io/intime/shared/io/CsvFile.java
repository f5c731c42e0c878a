package io.intime.shared.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.intime.shared.web.InputRules;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded CSV file read the way spreadsheets write them: RFC 4180 quoting, CRLF or
 * LF, a UTF-8 byte order mark (Excel's "CSV UTF-8"), UTF-16 with its mark, Windows-1252
 * when the bytes are not UTF-8, and ";" or tab as the separator when the header uses it.
 * The header row is required; its names are matched case-insensitively ("Time Zone" is
 * {@code time_zone}). Row numbers are the spreadsheet's: the header is row 1.
 */
public final class CsvFile {

	public static final int MAX_BYTES = ImportPreview.MAX_BYTES;

	public static final int MAX_ROWS = ImportPreview.MAX_ROWS;

	/**
	 * One data row: its spreadsheet row number, and its value per known column (trimmed,
	 * never null). A cell that breaks {@link InputRules} (a NUL character) is read as
	 * empty and its column named in {@code refused}, with the rule's message, so that it
	 * never reaches the database.
	 */
	public record Row(int number, Map<String, String> values, int extraValues, Map<String, String> refused) {

		public String get(String column) {
			return values.getOrDefault(column, "");
		}

		public boolean blank(String column) {
			return get(column).isEmpty();
		}
	}

	private final List<String> columns;

	private final List<Row> rows;

	private final List<String> problems;

	private final List<String> notes;

	private CsvFile(List<String> columns, List<Row> rows, List<String> problems, List<String> notes) {
		this.columns = columns;
		this.rows = rows;
		this.problems = problems;
		this.notes = notes;
	}

	/** The known columns the header has, in the order of {@code known}. */
	public List<String> columns() {
		return columns;
	}

	public List<Row> rows() {
		return rows;
	}

	/** What makes the whole file unusable (nothing can be imported from it). */
	public List<String> problems() {
		return problems;
	}

	/** Things worth knowing that do not stop the import. */
	public List<String> notes() {
		return notes;
	}

	/**
	 * Reads the file.
	 * @param known the columns the import reads
	 * @param required the columns the header must have
	 * @param ignored columns an export writes that the import leaves aside without
	 * comment
	 */
	public static CsvFile read(byte[] content, List<String> known, Set<String> required, Set<String> ignored) {
		List<String> problems = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		if (content.length > MAX_BYTES) {
			problems.add("The file is larger than 5 MB; split it into smaller files");
			return new CsvFile(List.of(), List.of(), problems, notes);
		}
		if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
			problems.add("This is a spreadsheet workbook (.xlsx), not a CSV file. In Excel choose File › Save As › "
					+ "“CSV UTF-8 (Comma delimited)”, then upload that file");
			return new CsvFile(List.of(), List.of(), problems, notes);
		}
		String text = decode(content, notes);
		char delimiter = delimiterOf(text);
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
		List<String> header = null;
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			for (CSVRecord record : parser) {
				if (header == null) {
					header = headerOf(record, known, required, ignored, problems, notes);
					if (!problems.isEmpty()) {
						return new CsvFile(List.of(), List.of(), problems, notes);
					}
					continue;
				}
				if (isBlank(record)) {
					continue;
				}
				if (rows.size() == MAX_ROWS) {
					problems.add("The file has more than " + String.format(Locale.US, "%,d", MAX_ROWS)
							+ " rows; split it into smaller files");
					return new CsvFile(List.of(), List.of(), problems, notes);
				}
				Map<String, String> values = new LinkedHashMap<>();
				Map<String, String> refused = new LinkedHashMap<>();
				int extra = 0;
				for (int i = 0; i < record.size(); i++) {
					String value = restore(record.get(i).trim());
					if (i >= header.size()) {
						extra += value.isEmpty() ? 0 : 1;
					}
					else if (header.get(i) != null) {
						String problem = InputRules.textProblem(value);
						if (problem != null) {
							refused.put(header.get(i), problem);
						}
						values.put(header.get(i), problem == null ? value : "");
					}
				}
				rows.add(new Row((int) record.getRecordNumber(), values, extra, refused));
			}
		}
		catch (IOException | UncheckedIOException | IllegalStateException e) {
			problems.add("The file is not valid CSV: " + e.getMessage()
					+ ". Check for a quoted value that is not closed, or save the sheet again as CSV.");
			return new CsvFile(List.of(), List.of(), problems, notes);
		}
		if (header == null) {
			problems.add("The file is empty: it needs a header row naming the columns, then one row per record");
		}
		else if (rows.isEmpty()) {
			problems.add("The file has a header row but no rows below it");
		}
		List<String> present = header == null ? List.of() : known.stream().filter(header::contains).toList();
		return new CsvFile(present, rows, problems, notes);
	}

	private static List<String> headerOf(CSVRecord record, List<String> known, Set<String> required,
			Set<String> ignored, List<String> problems, List<String> notes) {
		List<String> header = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		List<String> unknown = new ArrayList<>();
		for (String raw : record) {
			String name = normalize(raw);
			if (name.isEmpty()) {
				header.add(null);
				continue;
			}
			if (!seen.add(name)) {
				problems.add("The header names the column “" + name + "” twice");
			}
			if (known.contains(name)) {
				header.add(name);
			}
			else {
				header.add(null);
				if (!ignored.contains(name)) {
					unknown.add(raw.trim());
				}
			}
		}
		List<String> missing = required.stream().filter(column -> !seen.contains(column)).sorted().toList();
		if (!missing.isEmpty()) {
			problems.add("The header row has no " + String.join(", ", missing.stream().map(c -> "“" + c + "”").toList())
					+ " column. The first row must name the columns, e.g. " + String.join(",", known));
		}
		if (!unknown.isEmpty()) {
			notes.add("Ignored column" + (unknown.size() == 1 ? " " : "s ")
					+ String.join(", ", unknown.stream().map(c -> "“" + c + "”").toList())
					+ ": not a column this import reads");
		}
		return header;
	}

	public static String normalize(String headerName) {
		return headerName.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
	}

	private static boolean isBlank(CSVRecord record) {
		for (String value : record) {
			if (!value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String decode(byte[] content, List<String> notes) {
		if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) {
			return new String(content, 3, content.length - 3, StandardCharsets.UTF_8);
		}
		if (content.length >= 2 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xFE) {
			return new String(content, 2, content.length - 2, StandardCharsets.UTF_16LE);
		}
		if (content.length >= 2 && (content[0] & 0xFF) == 0xFE && (content[1] & 0xFF) == 0xFF) {
			return new String(content, 2, content.length - 2, StandardCharsets.UTF_16BE);
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException e) {
			notes.add("The file is not UTF-8; it was read as Windows-1252 (Excel's “CSV (Comma delimited)”). "
					+ "Check that accented letters look right below; “CSV UTF-8” avoids the question.");
			return new String(content, Charset.forName("windows-1252"));
		}
	}

	/**
	 * The separator the header line uses most: comma, semicolon (European Excel) or tab.
	 */
	private static char delimiterOf(String text) {
		int end = text.indexOf('\n');
		String first = end < 0 ? text : text.substring(0, end);
		char best = ',';
		long bestCount = first.chars().filter(c -> c == ',').count();
		for (char candidate : new char[] { ';', '\t' }) {
			long count = first.chars().filter(c -> c == candidate).count();
			if (count > bestCount) {
				best = candidate;
				bestCount = count;
			}
		}
		return best;
	}

	private static final String FORMULA_STARTS = "=+-@\t\r";

	/**
	 * A value as an export writes it: one that a spreadsheet would run as a formula (it
	 * starts with =, +, -, @, tab or CR) gets a leading apostrophe, which {@link #read}
	 * takes off again. Phone numbers and negative numbers ("+1 555 0100", "-5") are left
	 * alone: they cannot call a function.
	 */
	public static String neutralize(String value) {
		if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
			return value;
		}
		if ((value.charAt(0) == '+' || value.charAt(0) == '-') && value.matches("[+-][0-9 ().,/x-]*")) {
			return value;
		}
		return "'" + value;
	}

	private static String restore(String value) {
		if (value.length() > 1 && value.charAt(0) == '\'' && FORMULA_STARTS.indexOf(value.charAt(1)) >= 0) {
			return value.substring(1);
		}
		return value;
	}

	/** Splits a list for SQL {@code in (...)} lists of a bounded size. */
	public static <T> List<List<T>> chunks(Collection<T> all, int size) {
		List<List<T>> chunks = new ArrayList<>();
		List<T> current = new ArrayList<>();
		for (T item : all) {
			current.add(item);
			if (current.size() == size) {
				chunks.add(current);
				current = new ArrayList<>();
			}
		}
		if (!current.isEmpty()) {
			chunks.add(current);
		}
		return chunks;
	}

}
