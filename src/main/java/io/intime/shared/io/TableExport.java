package io.intime.shared.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes a list (a header of column names, then rows) as CSV or as an XLSX workbook, the
 * same way for every module's export. Rows hold typed values: in XLSX a {@link Number} is
 * a numeric cell, a {@link LocalDate} or {@link Instant} (UTC) a date cell, a
 * {@link Boolean} a boolean cell, anything else text; in CSV every value is text (amounts
 * as plain decimals, dates ISO-8601) and a value a spreadsheet would run as a formula
 * gets a leading apostrophe ({@link CsvFile#neutralize}). The CSV is UTF-8 with a byte
 * order mark, so that Excel shows accented names right.
 * <p>
 * Rows are streamed: an XLSX keeps only a window of rows in memory.
 */
public final class TableExport {

	/** The formats an export is offered in. */
	public enum Format {

		CSV("text/csv", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		private final String mediaType;

		private final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return mediaType;
		}

		public String extension() {
			return extension;
		}

		/**
		 * The format a request asks for: {@code requested} ("csv", "xlsx",
		 * case-insensitive) when given, else XLSX when {@code accept} names its media
		 * type before CSV's, else CSV.
		 * @throws IllegalArgumentException for a {@code requested} format that is neither
		 */
		public static Format of(String requested, String accept) {
			if (requested != null && !requested.isBlank()) {
				return Arrays.stream(values())
					.filter(f -> f.extension.equalsIgnoreCase(requested.trim()))
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException("'" + requested + "' is not one of csv, xlsx"));
			}
			if (accept != null) {
				int xlsx = accept.indexOf(XLSX.mediaType);
				int csv = accept.indexOf(CSV.mediaType);
				if (xlsx >= 0 && (csv < 0 || xlsx < csv)) {
					return XLSX;
				}
			}
			return CSV;
		}

	}

	/**
	 * Receives the rows of one export; closing it finishes the file (the stream stays
	 * open).
	 */
	public interface Writer extends Closeable {

		void row(List<?> values) throws IOException;

		default void row(Object... values) throws IOException {
			row(Arrays.asList(values));
		}

	}

	private TableExport() {
	}

	/**
	 * Starts an export: writes the header and returns the writer of its rows.
	 * @param title the XLSX sheet's name (at most 31 characters are kept)
	 */
	public static Writer open(Format format, String title, List<String> columns, OutputStream out) throws IOException {
		return format == Format.XLSX ? new XlsxWriter(title, columns, out) : new CsvWriter(columns, out);
	}

	private static final class CsvWriter implements Writer {

		private final java.io.Writer text;

		private final CSVPrinter csv;

		CsvWriter(List<String> columns, OutputStream out) throws IOException {
			this.text = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			this.text.write('\uFEFF');
			this.csv = new CSVPrinter(text, CSVFormat.RFC4180);
			csv.printRecord(columns);
		}

		@Override
		public void row(List<?> values) throws IOException {
			csv.printRecord(values.stream().map(CsvWriter::cell).toList());
		}

		private static String cell(Object value) {
			if (value == null) {
				return "";
			}
			if (value instanceof BigDecimal decimal) {
				return decimal.toPlainString();
			}
			return CsvFile.neutralize(value.toString());
		}

		@Override
		public void close() throws IOException {
			csv.flush();
			text.flush();
		}

	}

	private static final class XlsxWriter implements Writer {

		private final SXSSFWorkbook workbook = new SXSSFWorkbook(200);

		private final OutputStream out;

		private final Sheet sheet;

		private final CellStyle date;

		private final CellStyle dateTime;

		private final CellStyle decimal;

		private int next;

		XlsxWriter(String title, List<String> columns, OutputStream out) {
			this.out = out;
			String name = title == null || title.isBlank() ? "Export" : title.replaceAll("[\\\\/?*\\[\\]:]", " ");
			this.sheet = workbook.createSheet(name.length() > 31 ? name.substring(0, 31) : name);
			this.date = style("yyyy-mm-dd");
			this.dateTime = style("yyyy-mm-dd hh:mm");
			this.decimal = style("#,##0.00");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row header = sheet.createRow(next++);
			for (int i = 0; i < columns.size(); i++) {
				Cell cell = header.createCell(i);
				cell.setCellValue(columns.get(i));
				cell.setCellStyle(bold);
			}
			sheet.createFreezePane(0, 1);
			// Wide enough for the header; measuring the cells would need the fonts of a
			// desktop.
			for (int i = 0; i < columns.size(); i++) {
				sheet.setColumnWidth(i, Math.min(60, Math.max(12, columns.get(i).length() + 4)) * 256);
			}
		}

		private CellStyle style(String pattern) {
			CellStyle style = workbook.createCellStyle();
			style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
			return style;
		}

		@Override
		public void row(List<?> values) {
			Row row = sheet.createRow(next++);
			for (int i = 0; i < values.size(); i++) {
				Object value = values.get(i);
				if (value == null) {
					continue;
				}
				Cell cell = row.createCell(i);
				if (value instanceof BigDecimal amount) {
					cell.setCellValue(amount.doubleValue());
					if (amount.scale() > 0) {
						cell.setCellStyle(decimal);
					}
				}
				else if (value instanceof Number number) {
					cell.setCellValue(number.doubleValue());
				}
				else if (value instanceof LocalDate day) {
					cell.setCellValue(day);
					cell.setCellStyle(date);
				}
				else if (value instanceof Instant instant) {
					cell.setCellValue(instant.atOffset(ZoneOffset.UTC).toLocalDateTime());
					cell.setCellStyle(dateTime);
				}
				else if (value instanceof Boolean flag) {
					cell.setCellValue(flag);
				}
				else if (value instanceof Enum<?> constant) {
					cell.setCellValue(constant.name());
				}
				else {
					cell.setCellValue(value.toString());
				}
			}
		}

		@Override
		public void close() throws IOException {
			try {
				workbook.write(out);
				out.flush();
			}
			finally {
				workbook.close();
			}
		}

	}

	/** The file name of an export: {@code accounts-2026-03-31.xlsx}. */
	public static String filename(String stem, LocalDate day, Format format) {
		return stem.toLowerCase(Locale.ROOT) + "-" + day + "." + format.extension();
	}

}
