package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.CurrencyRates;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exchange rates finance keeps for revenue reports (spec 03, multi-currency): a rate
 * per month for reported figures and one fixed rate per year for constant-currency
 * figures. A month without a rate takes the latest month before it; a year without a
 * fixed rate takes the latest year before it; without either, the configured rates
 * ({@link CurrencyRates}) apply.
 */
@Service
public class FxRates {

	/** The two kinds of rate finance keeps. */
	public enum Kind {

		MONTHLY, CONSTANT

	}

	/** One rate as pages and the API show it: the value of one unit in USD. */
	public record Rate(Kind kind, LocalDate periodStart, String currency, BigDecimal usdRate, long version,
			String updatedBy) {
	}

	private final JdbcClient jdbc;

	private final CurrencyRates configured;

	private final Today time;

	FxRates(JdbcClient jdbc, CurrencyRates configured, Today time) {
		this.jdbc = jdbc;
		this.configured = configured;
		this.time = time;
	}

	/** The rates in force, read once for a report. */
	@Transactional(readOnly = true)
	public Table table() {
		Map<String, NavigableMap<LocalDate, BigDecimal>> monthly = new TreeMap<>();
		Map<String, NavigableMap<LocalDate, BigDecimal>> constant = new TreeMap<>();
		jdbc.sql("select kind, period_start, currency, usd_rate from fx_rate").query(rs -> {
			Map<String, NavigableMap<LocalDate, BigDecimal>> target = "MONTHLY".equals(rs.getString(1)) ? monthly
					: constant;
			target.computeIfAbsent(rs.getString(3), c -> new TreeMap<>())
				.put(rs.getDate(2).toLocalDate(), rs.getBigDecimal(4));
		});
		return new Table(monthly, constant, configured);
	}

	/** Every rate kept, newest period first. */
	@Transactional(readOnly = true)
	public List<Rate> all() {
		return jdbc
			.sql("select kind, period_start, currency, usd_rate, version, updated_by from fx_rate"
					+ " order by kind, period_start desc, currency")
			.query((rs, n) -> new Rate(Kind.valueOf(rs.getString(1)), rs.getDate(2).toLocalDate(), rs.getString(3),
					rs.getBigDecimal(4), rs.getLong(5), rs.getString(6)))
			.list();
	}

	/**
	 * Sets a rate (finance and admins). A new rate needs {@code expectedVersion} null; a
	 * change needs the version read, checked in the write.
	 */
	@Transactional
	public Rate set(Kind kind, LocalDate periodStart, String currency, BigDecimal usdRate, Long expectedVersion,
			CurrentUser user) {
		if (!user.hasRole(Role.FINANCE, Role.ADMIN)) {
			throw new AccessDeniedException("Only finance keeps exchange rates");
		}
		if (kind == null) {
			throw new InvalidInputException("kind", "Say MONTHLY (reported) or CONSTANT (a fixed rate for a year)");
		}
		if (currency == null || !configured.supports(currency) || "USD".equals(currency)) {
			throw new InvalidInputException("currency",
					"Choose a currency other than USD among " + configured.getUsdRates().keySet());
		}
		if (periodStart == null) {
			throw new InvalidInputException("periodStart", "Give the month (or year) the rate is for");
		}
		if (usdRate == null || usdRate.signum() <= 0 || usdRate.compareTo(BigDecimal.valueOf(100_000)) > 0) {
			throw new InvalidInputException("usdRate", "Give the value of one " + currency + " in USD, above 0");
		}
		LocalDate start = kind == Kind.MONTHLY ? periodStart.withDayOfMonth(1) : periodStart.withDayOfYear(1);
		int changed;
		if (expectedVersion == null) {
			changed = jdbc.sql("""
					insert into fx_rate (kind, period_start, currency, usd_rate, updated_at, updated_by)
					values (:kind, :start, :currency, :rate, :now, :by) on conflict do nothing""")
				.param("kind", kind.name())
				.param("start", start)
				.param("currency", currency)
				.param("rate", usdRate)
				.param("now", java.sql.Timestamp.from(time.now()))
				.param("by", user.username())
				.update();
		}
		else {
			changed = jdbc.sql("""
					update fx_rate set usd_rate = :rate, version = version + 1, updated_at = :now, updated_by = :by
					 where kind = :kind and period_start = :start and currency = :currency and version = :version""")
				.param("kind", kind.name())
				.param("start", start)
				.param("currency", currency)
				.param("rate", usdRate)
				.param("now", java.sql.Timestamp.from(time.now()))
				.param("by", user.username())
				.param("version", expectedVersion)
				.update();
		}
		if (changed == 0 && expectedVersion == null) {
			throw new InvalidInputException("periodStart",
					"A " + currency + " rate for " + start + " is kept already: change that one");
		}
		if (changed == 0) {
			long current = jdbc
				.sql("select coalesce(max(version), -1) from fx_rate where kind = :kind and period_start = :start"
						+ " and currency = :currency")
				.param("kind", kind.name())
				.param("start", start)
				.param("currency", currency)
				.query(Long.class)
				.single();
			throw new StaleVersionException("The " + currency + " rate for", start, expectedVersion, current);
		}
		return all().stream()
			.filter(r -> r.kind() == kind && r.periodStart().equals(start) && r.currency().equals(currency))
			.findFirst()
			.orElseThrow();
	}

	/** The rates a report converts with. */
	public static final class Table {

		private final Map<String, NavigableMap<LocalDate, BigDecimal>> monthly;

		private final Map<String, NavigableMap<LocalDate, BigDecimal>> constant;

		private final CurrencyRates configured;

		Table(Map<String, NavigableMap<LocalDate, BigDecimal>> monthly,
				Map<String, NavigableMap<LocalDate, BigDecimal>> constant, CurrencyRates configured) {
			this.monthly = monthly;
			this.constant = constant;
			this.configured = configured;
		}

		/** The reported rate of a month (the latest kept on or before it). */
		public BigDecimal monthly(String currency, YearMonth month) {
			return latest(monthly, currency, month.atDay(1), () -> constant(currency, month.getYear()));
		}

		/** The fixed rate of a year (the latest kept on or before it). */
		public BigDecimal constant(String currency, int year) {
			return latest(constant, currency, LocalDate.of(year, 1, 1),
					() -> configured.getUsdRates().getOrDefault(currency, BigDecimal.ONE));
		}

		private static BigDecimal latest(Map<String, NavigableMap<LocalDate, BigDecimal>> rates, String currency,
				LocalDate on, java.util.function.Supplier<BigDecimal> otherwise) {
			if ("USD".equals(currency)) {
				return BigDecimal.ONE;
			}
			NavigableMap<LocalDate, BigDecimal> kept = rates.get(currency);
			Map.Entry<LocalDate, BigDecimal> entry = kept == null ? null : kept.floorEntry(on);
			return entry != null ? entry.getValue() : otherwise.get();
		}

		/** For tests: a table of only the configured rates. */
		static Table configured(CurrencyRates rates) {
			return new Table(Map.of(), Map.of(), rates);
		}

	}

}
