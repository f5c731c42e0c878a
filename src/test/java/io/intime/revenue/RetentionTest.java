package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.shared.CurrencyRates;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetentionTest {

	private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	private static final LocalDate TO = LocalDate.of(2026, 12, 31);

	@Test
	void spec03WorkedExampleGivesNrr105AndGrr85() {
		BigDecimal start = new BigDecimal("1000000");
		assertThat(Retention.nrr(start, new BigDecimal("200000"), new BigDecimal("50000"), new BigDecimal("100000")))
			.isEqualByComparingTo("105.0");
		assertThat(Retention.grr(start, new BigDecimal("50000"), new BigDecimal("100000")))
			.isEqualByComparingTo("85.0");
	}

	@Test
	void npsIsPromotersMinusDetractorsInPercent() {
		assertThat(Retention.nps(10, 6, 2)).isEqualByComparingTo("40.0");
		assertThat(Retention.nps(3, 0, 3)).isEqualByComparingTo("-100.0");
		assertThat(Retention.nps(0, 0, 0)).isNull();
	}

	@Test
	void noStartingArrGivesNoRate() {
		assertThat(Retention.nrr(BigDecimal.ZERO, BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
	}

	/**
	 * The worked example as movements: four starting clients ($1M), one expands by $200K,
	 * one contracts by $50K, one ($100K) churns; a client won during the year is a new
	 * logo, outside NRR.
	 */
	@Test
	void computesTheWorkedExampleFromMovements() {
		List<Retention.Bucket> buckets = new ArrayList<>();
		buckets.add(before(1, "USD", "400000"));
		buckets.add(before(2, "USD", "300000"));
		buckets.add(before(3, "USD", "200000"));
		buckets.add(before(4, "USD", "100000"));
		buckets.add(in(1, "USD", "2026-03-01", ArrMovementKind.EXPANSION, "200000"));
		buckets.add(in(2, "USD", "2026-05-01", ArrMovementKind.CONTRACTION, "-50000"));
		buckets.add(churn(4, "USD", "2026-07-01", ChurnCategory.INVOLUNTARY, "-100000"));
		buckets.add(in(5, "USD", "2026-08-01", ArrMovementKind.NEW, "250000"));
		buckets.add(in(3, "USD", "2026-09-01", ArrMovementKind.RENEWAL, "200000"));

		Retention.Period period = Retention.compute(buckets, FROM, TO, configured());

		assertThat(period.constant().nrr()).isEqualByComparingTo("105.0");
		assertThat(period.constant().grr()).isEqualByComparingTo("85.0");
		assertThat(period.constant().startingArr()).isEqualByComparingTo("1000000");
		assertThat(period.constant().endingArr()).isEqualByComparingTo("1050000");
		assertThat(period.constant().newLogoArr()).isEqualByComparingTo("250000");
		assertThat(period.constant().renewedArr()).isEqualByComparingTo("200000");
		assertThat(period.constant().churnByCategory()).containsEntry(ChurnCategory.INVOLUNTARY,
				new BigDecimal("100000.00"));
		assertThat(period.constant().revenueChurnRate()).isEqualByComparingTo("10.0");
		assertThat(period.constant().expansionRate()).isEqualByComparingTo("20.0");
		assertThat(period.startingClients()).isEqualTo(4);
		assertThat(period.churnedClients()).isEqualTo(1);
		assertThat(period.logoChurnRate()).isEqualByComparingTo("25.0");
		assertThat(period.newClients()).isEqualTo(1);
		// with only USD, reported and constant agree and nothing is FX
		assertThat(period.reported().nrr()).isEqualByComparingTo("105.0");
		assertThat(period.reported().fxEffect()).isEqualByComparingTo("0");
	}

	/**
	 * Spec 03's warning: when the dollar strengthens 10% against the euro, a flat euro
	 * client shows as a loss in reported NRR, not in constant currency.
	 */
	@Test
	void aStrongerDollarShowsInReportedNrrOnlyAsFxEffect() {
		List<Retention.Bucket> buckets = List.of(before(1, "EUR", "1000000"));
		FxRates.Table rates = new FxRates.Table(
				Map.of("EUR",
						new java.util.TreeMap<>(Map.of(LocalDate.of(2025, 12, 1), new BigDecimal("1.10"),
								LocalDate.of(2026, 12, 1), new BigDecimal("0.99")))),
				Map.of("EUR", new java.util.TreeMap<>(Map.of(LocalDate.of(2026, 1, 1), new BigDecimal("1.10")))),
				new CurrencyRates());

		Retention.Period period = Retention.compute(buckets, FROM, TO, rates);

		assertThat(period.constant().nrr()).isEqualByComparingTo("100.0");
		assertThat(period.constant().startingArr()).isEqualByComparingTo("1100000");
		assertThat(period.reported().nrr()).isEqualByComparingTo("90.0");
		assertThat(period.reported().fxEffect()).isEqualByComparingTo("-110000");
		assertThat(period.reported().grr()).isEqualByComparingTo("100.0");
	}

	@Test
	void aClientThatChurnsAndComesBackInThePeriodIsRetainedNotLost() {
		List<Retention.Bucket> buckets = List.of(before(1, "USD", "100000"),
				churn(1, "USD", "2026-02-01", ChurnCategory.VOLUNTARY, "-100000"),
				in(1, "USD", "2026-06-01", ArrMovementKind.NEW, "80000"));

		Retention.Period period = Retention.compute(buckets, FROM, TO, configured());

		assertThat(period.churnedClients()).isZero();
		assertThat(period.newClients()).isZero();
		assertThat(period.constant().nrr()).isEqualByComparingTo("80.0");
	}

	private static FxRates.Table configured() {
		return FxRates.Table.configured(new CurrencyRates());
	}

	private static Retention.Bucket before(long account, String currency, String amount) {
		return new Retention.Bucket(account, currency, null, ArrMovementKind.NEW, null, new BigDecimal(amount));
	}

	private static Retention.Bucket in(long account, String currency, String month, ArrMovementKind kind,
			String amount) {
		return new Retention.Bucket(account, currency, LocalDate.parse(month), kind, null, new BigDecimal(amount));
	}

	private static Retention.Bucket churn(long account, String currency, String month, ChurnCategory category,
			String amount) {
		return new Retention.Bucket(account, currency, LocalDate.parse(month), ArrMovementKind.CHURN, category,
				new BigDecimal(amount));
	}

}
