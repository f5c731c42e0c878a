package io.intime.renewals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well renewal forecasts did: at each horizon (90, 60, 30 days out), the recorded
 * probabilities against the outcomes (Brier score), and the explicit model against a
 * model fitted on the older 70% of the closed renewals, both scored on the newer 30% by
 * decile of predicted probability — an honest comparison, on renewals the fit has not
 * seen.
 */
@Service
public class RenewalCalibration {

	private final JdbcClient jdbc;

	private final Renewals renewals;

	RenewalCalibration(JdbcClient jdbc, Renewals renewals) {
		this.jdbc = jdbc;
		this.renewals = renewals;
	}

	/** Predicted against actual in one band of predicted probability. */
	public record Decile(int from, int to, int count, BigDecimal predicted, BigDecimal actual) {
	}

	/** One model's calibration on the held-out renewals. */
	public record ModelScore(String model, BigDecimal brier, List<Decile> deciles) {
	}

	/**
	 * One horizon: the forecasts as recorded, and both models on the held-out renewals.
	 */
	public record Horizon(int days, int closed, BigDecimal recordedBrier, BigDecimal renewedRate, int trainedOn,
			int heldOut, ModelScore explicit, ModelScore fitted) {
	}

	/** The report, with the model in force. */
	public record Report(List<Horizon> horizons, String modelInForce, int minimumForFit) {
	}

	record Closed(LocalDate date, double[] factors, double recorded, boolean renewed) {
	}

	/** The report (sales directors, executives, finance, admins). */
	@Transactional(readOnly = true)
	public Report report(CurrentUser user) {
		if (!user.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.FINANCE, Role.ADMIN)) {
			throw new AccessDeniedException("The forecast calibration is for directors, executives and finance");
		}
		List<Horizon> horizons = new ArrayList<>();
		for (int days : Renewals.HORIZONS) {
			horizons.add(horizon(days));
		}
		return new Report(horizons, renewals.model().name(), renewals.minimumForFit());
	}

	private Horizon horizon(int days) {
		List<Closed> closed = jdbc.sql("""
				select renewal_date, factors, explicit_probability, renewed from renewal_forecast
				 where horizon = :h and renewed is not null order by renewal_date, id""")
			.param("h", days)
			.query((rs, n) -> {
				Object[] values = (Object[]) rs.getArray(2).getArray();
				double[] factors = new double[values.length];
				for (int i = 0; i < factors.length; i++) {
					factors[i] = ((BigDecimal) values[i]).doubleValue();
				}
				return new Closed(rs.getDate(1).toLocalDate(), factors, rs.getDouble(3), rs.getBoolean(4));
			})
			.list();
		if (closed.isEmpty()) {
			return new Horizon(days, 0, null, null, 0, 0, null, null);
		}
		double recordedBrier = closed.stream()
			.mapToDouble(c -> square(c.recorded() - (c.renewed() ? 1 : 0)))
			.average()
			.orElse(0);
		double rate = closed.stream().filter(Closed::renewed).count() / (double) closed.size();
		List<Closed> sorted = closed.stream().sorted(Comparator.comparing(Closed::date)).toList();
		int cut = (int) Math.round(sorted.size() * 0.7);
		List<Closed> train = sorted.subList(0, cut);
		List<Closed> test = sorted.subList(cut, sorted.size());
		ModelScore explicit = test.isEmpty() ? null : score(ExplicitRenewalModel.INSTANCE, test);
		ModelScore fitted = null;
		if (train.size() >= renewals.minimumForFit() && !test.isEmpty()
				&& train.stream().map(Closed::renewed).distinct().count() == 2) {
			FittedRenewalModel model = FittedRenewalModel.fit(train.stream().map(Closed::factors).toList(),
					train.stream().map(Closed::renewed).toList());
			fitted = score(model, test);
		}
		return new Horizon(days, closed.size(), scale(recordedBrier), percent(rate * 100), train.size(), test.size(),
				explicit, fitted);
	}

	static ModelScore score(RenewalModel model, List<Closed> test) {
		int[] count = new int[10];
		double[] predicted = new double[10];
		int[] renewed = new int[10];
		double brier = 0;
		for (Closed c : test) {
			double p = model.probability(c.factors());
			brier += square(p - (c.renewed() ? 1 : 0));
			int bin = Math.min(9, (int) Math.floor(p * 10));
			count[bin]++;
			predicted[bin] += p;
			renewed[bin] += c.renewed() ? 1 : 0;
		}
		List<Decile> deciles = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			deciles.add(new Decile(i * 10, i * 10 + 10, count[i],
					count[i] == 0 ? null : percent(100 * predicted[i] / count[i]),
					count[i] == 0 ? null : percent(100.0 * renewed[i] / count[i])));
		}
		return new ModelScore(model.name(), scale(brier / test.size()), deciles);
	}

	private static double square(double x) {
		return x * x;
	}

	private static BigDecimal percent(double value) {
		return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP);
	}

	private static BigDecimal scale(double value) {
		return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP);
	}

}
