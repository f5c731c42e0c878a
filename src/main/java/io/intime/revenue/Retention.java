package io.intime.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Spec 03's retention figures over a period, from the ARR movements of a set of accounts.
 * The starting clients (the cohort) are the accounts with ARR the day before the period
 * starts; their expansion, contraction and churn in the period make NRR and GRR. Accounts
 * that arrive during the period are new logos, outside both. Every amount is converted to
 * USD in two ways side by side: at the fixed rate of the period's first year (constant
 * currency) and at each month's rate (reported), where the revaluation of the starting
 * ARR shows as the FX effect.
 */
public final class Retention {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Retention() {
	}

	/**
	 * One sum of movements: an account's, in one currency, of one kind, in one month (or,
	 * with {@code month} null, everything before the period).
	 */
	public record Bucket(long accountId, String currency, LocalDate month, ArrMovementKind kind, ChurnCategory category,
			BigDecimal amount) {
	}

	/** The figures of a period on one basis (constant or reported), in USD. */
	public record Figures(BigDecimal startingArr, BigDecimal expansion, BigDecimal contraction, BigDecimal churn,
			Map<ChurnCategory, BigDecimal> churnByCategory, BigDecimal fxEffect, BigDecimal endingArr,
			BigDecimal newLogoArr, BigDecimal renewedArr) {

		/** Net revenue retention in percent (one decimal), null without starting ARR. */
		public BigDecimal nrr() {
			return percent(startingArr.add(expansion).subtract(contraction).subtract(churn).add(fxEffect), startingArr);
		}

		/** Net revenue retention in whole percent, null without starting ARR. */
		public Integer nrrWhole() {
			BigDecimal nrr = nrr();
			return nrr == null ? null : nrr.setScale(0, RoundingMode.HALF_UP).intValue();
		}

		/**
		 * Gross revenue retention in percent (one decimal), null without starting ARR.
		 */
		public BigDecimal grr() {
			return Retention.grr(startingArr, contraction, churn);
		}

		/** The churned ARR of one category (zero when none). */
		public BigDecimal churnOf(ChurnCategory category) {
			return churnByCategory.getOrDefault(category, BigDecimal.ZERO);
		}

		/** Revenue churn: churned ARR over starting ARR, in percent. */
		public BigDecimal revenueChurnRate() {
			return percent(churn, startingArr);
		}

		public BigDecimal revenueChurnRate(ChurnCategory category) {
			return percent(churnByCategory.getOrDefault(category, BigDecimal.ZERO), startingArr);
		}

		/** Expansion revenue as a share of starting ARR, in percent. */
		public BigDecimal expansionRate() {
			return percent(expansion, startingArr);
		}

	}

	/** Both bases, and the counts of clients. */
	public record Period(LocalDate from, LocalDate to, Figures constant, Figures reported, int startingClients,
			int churnedClients, int newClients, int constantYear) {

		/** Logo churn: clients lost over starting clients, in percent. */
		public BigDecimal logoChurnRate() {
			return percent(BigDecimal.valueOf(churnedClients), BigDecimal.valueOf(startingClients));
		}

	}

	/**
	 * Spec 03: NRR = (starting ARR + expansion − contraction − churn) / starting ARR ×
	 * 100.
	 */
	public static BigDecimal nrr(BigDecimal starting, BigDecimal expansion, BigDecimal contraction, BigDecimal churn) {
		return percent(starting.add(expansion).subtract(contraction).subtract(churn), starting);
	}

	/** Spec 03: GRR = (starting ARR − churn − contraction) / starting ARR × 100. */
	public static BigDecimal grr(BigDecimal starting, BigDecimal contraction, BigDecimal churn) {
		return percent(starting.subtract(churn).subtract(contraction), starting);
	}

	/**
	 * Spec 03: NPS = % promoters (9–10) − % detractors (0–6), one decimal; null without
	 * responses.
	 */
	public static BigDecimal nps(int responses, int promoters, int detractors) {
		if (responses == 0) {
			return null;
		}
		return BigDecimal.valueOf(promoters - detractors)
			.multiply(HUNDRED)
			.divide(BigDecimal.valueOf(responses), 1, RoundingMode.HALF_UP);
	}

	static BigDecimal percent(BigDecimal part, BigDecimal whole) {
		if (whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
	}

	/**
	 * The figures of {@code from}–{@code to} from buckets that hold everything up to
	 * {@code to}: buckets before {@code from} (or with no month) make the starting ARR.
	 * Months must be the first of their month; {@code from} the first of a month when
	 * buckets are monthly.
	 */
	public static Period compute(List<Bucket> buckets, LocalDate from, LocalDate to, FxRates.Table rates) {
		int year = from.getYear();
		YearMonth startMonth = YearMonth.from(from.minusDays(1));
		YearMonth endMonth = YearMonth.from(to);
		Map<Long, Map<String, BigDecimal>> start = new HashMap<>();
		Map<Long, Map<String, BigDecimal>> end = new HashMap<>();
		for (Bucket b : buckets) {
			if (b.kind() == ArrMovementKind.RENEWAL || (b.month() != null && b.month().isAfter(to))) {
				continue;
			}
			boolean before = b.month() == null || b.month().isBefore(from);
			if (before) {
				start.computeIfAbsent(b.accountId(), k -> new HashMap<>())
					.merge(b.currency(), b.amount(), BigDecimal::add);
			}
			end.computeIfAbsent(b.accountId(), k -> new HashMap<>()).merge(b.currency(), b.amount(), BigDecimal::add);
		}
		Set<Long> cohort = new HashSet<>();
		start.forEach((account, arr) -> {
			if (arr.values().stream().anyMatch(v -> v.signum() > 0)) {
				cohort.add(account);
			}
		});
		Sums constant = new Sums();
		Sums reported = new Sums();
		Set<Long> newClients = new HashSet<>();
		for (Bucket b : buckets) {
			if (b.month() == null || b.month().isBefore(from) || b.month().isAfter(to)) {
				continue;
			}
			BigDecimal c = b.amount().multiply(rates.constant(b.currency(), year));
			BigDecimal r = b.amount().multiply(rates.monthly(b.currency(), YearMonth.from(b.month())));
			if (b.kind() == ArrMovementKind.RENEWAL) {
				constant.renewed = constant.renewed.add(c);
				reported.renewed = reported.renewed.add(r);
			}
			else if (cohort.contains(b.accountId())) {
				constant.add(b.kind(), b.category(), c);
				reported.add(b.kind(), b.category(), r);
			}
			else {
				constant.newLogos = constant.newLogos.add(c);
				reported.newLogos = reported.newLogos.add(r);
				if (b.kind() == ArrMovementKind.NEW) {
					newClients.add(b.accountId());
				}
			}
		}
		int churned = 0;
		for (long account : cohort) {
			Map<String, BigDecimal> arr = start.get(account);
			arr.forEach((currency, amount) -> {
				constant.starting = constant.starting.add(amount.multiply(rates.constant(currency, year)));
				reported.starting = reported.starting.add(amount.multiply(rates.monthly(currency, startMonth)));
			});
			Map<String, BigDecimal> left = end.getOrDefault(account, Map.of());
			if (left.values().stream().noneMatch(v -> v.signum() > 0)) {
				churned++;
			}
			left.forEach((currency, amount) -> {
				constant.ending = constant.ending.add(amount.multiply(rates.constant(currency, year)));
				reported.ending = reported.ending.add(amount.multiply(rates.monthly(currency, endMonth)));
			});
		}
		return new Period(from, to, constant.figures(), reported.figures(), cohort.size(), churned, newClients.size(),
				year);
	}

	/**
	 * One row of a period's sums as the database adds them up ({@code part}: START, the
	 * starting clients' ARR per currency with {@code ending}; CLIENTS, the starting
	 * clients in {@code amount} and those lost in {@code ending}; NEW, the new clients in
	 * {@code amount}; IN, the period's movements per currency, month, kind and category,
	 * {@code starting} telling the starting clients' from the others').
	 */
	public record Sum(String part, String currency, LocalDate month, ArrMovementKind kind, ChurnCategory category,
			boolean starting, BigDecimal amount, BigDecimal ending) {
	}

	/**
	 * The figures of a period from the sums the database made: the same as
	 * {@link #compute} over the movements they sum.
	 */
	public static Period fromSums(List<Sum> sums, LocalDate from, LocalDate to, FxRates.Table rates) {
		int year = from.getYear();
		YearMonth startMonth = YearMonth.from(from.minusDays(1));
		YearMonth endMonth = YearMonth.from(to);
		Sums constant = new Sums();
		Sums reported = new Sums();
		int starting = 0;
		int lost = 0;
		int newClients = 0;
		for (Sum s : sums) {
			switch (s.part()) {
				case "START" -> {
					constant.starting = constant.starting.add(s.amount().multiply(rates.constant(s.currency(), year)));
					reported.starting = reported.starting
						.add(s.amount().multiply(rates.monthly(s.currency(), startMonth)));
					constant.ending = constant.ending.add(s.ending().multiply(rates.constant(s.currency(), year)));
					reported.ending = reported.ending.add(s.ending().multiply(rates.monthly(s.currency(), endMonth)));
				}
				case "CLIENTS" -> {
					starting = s.amount().intValue();
					lost = s.ending().intValue();
				}
				case "NEW" -> newClients = s.amount().intValue();
				default -> {
					BigDecimal c = s.amount().multiply(rates.constant(s.currency(), year));
					BigDecimal r = s.amount().multiply(rates.monthly(s.currency(), YearMonth.from(s.month())));
					if (s.kind() == ArrMovementKind.RENEWAL) {
						constant.renewed = constant.renewed.add(c);
						reported.renewed = reported.renewed.add(r);
					}
					else if (s.starting()) {
						constant.add(s.kind(), s.category(), c);
						reported.add(s.kind(), s.category(), r);
					}
					else {
						constant.newLogos = constant.newLogos.add(c);
						reported.newLogos = reported.newLogos.add(r);
					}
				}
			}
		}
		return new Period(from, to, constant.figures(), reported.figures(), starting, lost, newClients, year);
	}

	/** Running sums of one basis. */
	private static final class Sums {

		BigDecimal starting = BigDecimal.ZERO;

		BigDecimal expansion = BigDecimal.ZERO;

		BigDecimal contraction = BigDecimal.ZERO;

		BigDecimal churn = BigDecimal.ZERO;

		BigDecimal ending = BigDecimal.ZERO;

		BigDecimal newLogos = BigDecimal.ZERO;

		BigDecimal renewed = BigDecimal.ZERO;

		final Map<ChurnCategory, BigDecimal> byCategory = new EnumMap<>(ChurnCategory.class);

		void add(ArrMovementKind kind, ChurnCategory category, BigDecimal amount) {
			switch (kind) {
				case NEW, EXPANSION -> expansion = expansion.add(amount);
				case CONTRACTION -> contraction = contraction.subtract(amount);
				case CHURN -> {
					churn = churn.subtract(amount);
					byCategory.merge(category != null ? category : ChurnCategory.VOLUNTARY, amount.negate(),
							BigDecimal::add);
				}
				default -> {
				}
			}
		}

		Figures figures() {
			BigDecimal fx = ending.subtract(starting.add(expansion).subtract(contraction).subtract(churn));
			return new Figures(round(starting), round(expansion), round(contraction), round(churn),
					roundAll(byCategory), round(fx), round(ending), round(newLogos), round(renewed));
		}

		private static Map<ChurnCategory, BigDecimal> roundAll(Map<ChurnCategory, BigDecimal> values) {
			Map<ChurnCategory, BigDecimal> rounded = new EnumMap<>(ChurnCategory.class);
			values.forEach((k, v) -> rounded.put(k, round(v)));
			return rounded;
		}

		private static BigDecimal round(BigDecimal value) {
			return value.setScale(2, RoundingMode.HALF_UP);
		}

	}

}
