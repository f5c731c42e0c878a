package io.intime.shared.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.shared.Today;

import org.springframework.stereotype.Component;

/**
 * The formatting every page shares, reachable from templates as {@code @format}: amounts,
 * dates, instants in the viewer's time zone, constants and field names as a person reads
 * them. Field names come from the {@link FieldLabels} each module contributes.
 */
@Component("format")
public class PageFormat {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("MMM d, yyyy, HH:mm zzz", Locale.US);

	private final Map<String, String> labels;

	private final Today time;

	public PageFormat(List<FieldLabels> contributed, Today time) {
		Map<String, String> all = new HashMap<>();
		contributed.forEach(labels -> labels.labels().forEach(all::putIfAbsent));
		this.labels = Map.copyOf(all);
		this.time = time;
	}

	/** "$1.25M", "$850K". */
	public String compact(Money money) {
		return money == null ? "—" : MoneyFormat.compact(money);
	}

	/** "$1,250,000". */
	public String full(Money money) {
		return money == null ? "—" : money.display();
	}

	/** To the cent, as finance reads invoices: "$85,420.00", "€1,200.50". */
	public String cents(Money money) {
		return money == null ? "—" : MoneyFormat.cents(money);
	}

	/**
	 * Amounts in several currencies to the cent, joined with "+" ("$2,000.00 + €300.00"),
	 * or "—" for none.
	 */
	public String centsTotal(List<Money> amounts) {
		return amounts == null || amounts.isEmpty() ? "—"
				: amounts.stream().map(this::cents).collect(Collectors.joining(" + "));
	}

	/** An amount in a currency, e.g. a service line's annual value. */
	public String amount(BigDecimal amount, String currency) {
		return amount == null || currency == null ? "—" : new Money(amount, currency).display();
	}

	public String number(Number value) {
		return value == null ? "—"
				: new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
	}

	/** "Mar 31, 2026". */
	public String date(LocalDate date) {
		return dateOf(date);
	}

	/** "Mar 31, 2026", for code that has no {@code PageFormat} at hand. */
	public static String dateOf(LocalDate date) {
		return date == null ? "—" : DATE.format(date);
	}

	/** "Jan 2022". */
	public String month(LocalDate date) {
		return date == null ? "—" : MONTH.format(date);
	}

	/** An instant in the viewer's time zone: "Mar 3, 2026, 14:05 EST". */
	public String dateTime(Instant instant, ZoneId zone) {
		return instant == null ? "—" : DATE_TIME.format(instant.atZone(zone == null ? ZoneId.of("UTC") : zone));
	}

	/** "just now", "5 min ago", "3 h ago", "4 d ago", then the date. */
	public String ago(Instant instant, ZoneId zone) {
		if (instant == null) {
			return "—";
		}
		Duration age = Duration.between(instant, time.now());
		if (age.toMinutes() < 1) {
			return "just now";
		}
		if (age.toHours() < 1) {
			return age.toMinutes() + " min ago";
		}
		if (age.toDays() < 1) {
			return age.toHours() + " h ago";
		}
		if (age.toDays() < 30) {
			return age.toDays() + " d ago";
		}
		return date(instant.atZone(zone == null ? ZoneId.of("UTC") : zone).toLocalDate());
	}

	/** "Jan 2022 (46 months)". */
	public String relationship(LocalDate start, LocalDate today) {
		if (start == null) {
			return "—";
		}
		long months = ChronoUnit.MONTHS.between(start, today);
		String length = months >= 1 ? months + (months == 1 ? " month" : " months")
				: ChronoUnit.DAYS.between(start, today) + " days";
		return month(start) + " (" + length + ")";
	}

	/** ECONOMIC_BUYER → "Economic buyer". */
	public String label(Object constant) {
		return labelOf(constant);
	}

	/**
	 * ECONOMIC_BUYER → "Economic buyer", for code that has no {@code PageFormat} at hand.
	 */
	public static String labelOf(Object constant) {
		if (constant == null) {
			return "—";
		}
		String text = constant.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	/** A record field as a person names it: employeeCount → "Employees". */
	public String field(String field) {
		if (field == null) {
			return "";
		}
		return labels.getOrDefault(field, labelOf(field.replaceAll("([a-z])([A-Z])", "$1_$2")));
	}

	/** "Jordan Reyes" → "JR". */
	public String initials(String name) {
		if (name == null || name.isBlank()) {
			return "?";
		}
		String[] parts = name.trim().split("\\s+");
		String first = parts[0].substring(0, 1);
		String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
		return (first + last).toUpperCase(Locale.ROOT);
	}

	/** The local time somewhere now, e.g. a contact's: "09:41". */
	public String localTime(String zone) {
		if (zone == null || zone.isBlank()) {
			return null;
		}
		try {
			return DateTimeFormatter.ofPattern("HH:mm", Locale.US).format(time.now(ZoneId.of(zone)));
		}
		catch (java.time.DateTimeException e) {
			return null;
		}
	}

}
