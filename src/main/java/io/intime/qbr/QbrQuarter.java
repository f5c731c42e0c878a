package io.intime.qbr;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.intime.shared.InvalidInputException;

/**
 * A calendar quarter, the period a QBR reviews: {@code 2026-Q4} in storage and the API,
 * "Q4 2026" to people.
 */
public record QbrQuarter(int year, int quarter) implements Comparable<QbrQuarter> {

	private static final Pattern CODE = Pattern.compile("^(\\d{4})-Q([1-4])$");

	public QbrQuarter {
		if (quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("quarter " + quarter);
		}
	}

	/** The quarter a day falls in. */
	public static QbrQuarter of(LocalDate day) {
		return new QbrQuarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
	}

	/**
	 * The quarter of a code such as {@code 2026-Q4}.
	 * @throws InvalidInputException naming {@code field} when the code is not one
	 */
	public static QbrQuarter parse(String code, String field) {
		Matcher m = code == null ? null : CODE.matcher(code.trim());
		if (m == null || !m.matches()) {
			throw new InvalidInputException(field, "must be a quarter such as 2026-Q4");
		}
		return new QbrQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
	}

	/** {@code 2026-Q4}, also its JSON. */
	@com.fasterxml.jackson.annotation.JsonValue
	public String code() {
		return year + "-Q" + quarter;
	}

	/** The quarter of its JSON, e.g. {@code "2026-Q4"}. */
	@com.fasterxml.jackson.annotation.JsonCreator
	public static QbrQuarter fromJson(String code) {
		return parse(code, "quarter");
	}

	/** "Q4 2026". */
	public String label() {
		return "Q" + quarter + " " + year;
	}

	/** "Q4 2026 (Oct – Dec)". */
	public String longLabel() {
		DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", Locale.US);
		return label() + " (" + first().format(month) + " – " + last().format(month) + ")";
	}

	public LocalDate first() {
		return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
	}

	public LocalDate last() {
		return first().plusMonths(3).minusDays(1);
	}

	public QbrQuarter next() {
		return plus(1);
	}

	public QbrQuarter previous() {
		return plus(-1);
	}

	/** The same quarter a year before, for the comparison with last year. */
	public QbrQuarter yearBefore() {
		return new QbrQuarter(year - 1, quarter);
	}

	public QbrQuarter plus(int quarters) {
		int index = year * 4 + (quarter - 1) + quarters;
		return new QbrQuarter(Math.floorDiv(index, 4), Math.floorMod(index, 4) + 1);
	}

	public boolean contains(LocalDate day) {
		return !day.isBefore(first()) && !day.isAfter(last());
	}

	@Override
	public int compareTo(QbrQuarter other) {
		return Integer.compare(year * 4 + quarter, other.year * 4 + other.quarter);
	}

	@Override
	public String toString() {
		return code();
	}

}
