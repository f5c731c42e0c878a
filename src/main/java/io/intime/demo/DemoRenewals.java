package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.intime.renewals.RenewalOutcome;
import io.intime.renewals.Renewals;
import io.intime.shared.Money;

import org.springframework.stereotype.Component;

/**
 * Two years of renewal outcomes, so that the renewal model is fitted on the
 * organization's own history and the calibration report has something to say: each
 * account renewed (or not) about once a year, with its factors as they stood 90, 60 and
 * 30 days before. The outcomes follow the factors the way a staffing firm's do (poor
 * health and severe escalations lose clients; strategic ones are held longer), with
 * chance, so that the explicit model is roughly right and the fitted one closer.
 */
@Component
class DemoRenewals implements DemoFacts {

	private static final long SEED = 20261204L;

	private final Renewals renewals;

	DemoRenewals(Renewals renewals) {
		this.renewals = renewals;
	}

	@Override
	public int order() {
		return 70;
	}

	@Override
	public void create(DemoSetting world) {
		Random random = new Random(SEED);
		LocalDate today = world.today();
		for (DemoAccount a : world.accounts()) {
			long id = world.idOf(a.name);
			for (int yearsAgo = 2; yearsAgo >= 1; yearsAgo--) {
				LocalDate date = today.minusYears(yearsAgo).plusDays(random.nextInt(300));
				if (!date.isBefore(today.minusDays(30))) {
					continue;
				}
				for (int repeat = 0; repeat < 2; repeat++) {
					history(random, id, a, date.minusDays(repeat * 160L));
				}
			}
		}
		renewals.refit();
	}

	private void history(Random random, long accountId, DemoAccount a, LocalDate date) {
		double health = clamp(40 + random.nextGaussian() * 18 + (a.strategic ? 8 : 0) + 25 * random.nextDouble(), 5,
				98);
		double trend = Math.round(random.nextGaussian() * 8);
		double touch = Math.min(180, Math.round(Math.abs(random.nextGaussian()) * 60));
		double severe = random.nextDouble() < (health < 50 ? 0.45 : 0.1) ? 1 + random.nextInt(2) : 0;
		double pay = Math.round(25 + Math.abs(random.nextGaussian()) * (health < 50 ? 25 : 10));
		double nps = Math.round(random.nextGaussian() * 12);
		double tier = a.strategic ? 1 : a.arr >= 150_000 ? 0 : -1;
		// what actually drives renewals here: health and escalations weigh more than the
		// explicit model says, executive contact less
		double z = 1.4 + 0.9 * (health - 70) / 10 + 0.3 * trend / 10 - 0.15 * (touch - 30) / 30 - 0.9 * severe
				- 0.3 * (pay - 30) / 10 + 0.2 * nps / 10 + 0.4 * tier;
		boolean renewed = random.nextDouble() < 1 / (1 + Math.exp(-z));
		Map<Integer, double[]> factors = new LinkedHashMap<>();
		for (int horizon : new int[] { 90, 60, 30 }) {
			double drift = (90 - horizon) / 30.0;
			factors.put(horizon, new double[] { clamp(health + (renewed ? 1 : -1) * drift * random.nextInt(4), 0, 100),
					trend, Math.max(0, touch - drift * 10), severe, pay, nps, tier });
		}
		BigDecimal arr = BigDecimal
			.valueOf(Math.max(50_000, Math.round(a.arr * (0.85 + 0.1 * random.nextDouble()) / 1000) * 1000));
		RenewalOutcome outcome = !renewed ? RenewalOutcome.CHURNED
				: random.nextDouble() < 0.25 ? RenewalOutcome.RENEWED_WITH_CHANGE : RenewalOutcome.RENEWED;
		BigDecimal outcomeArr = outcome == RenewalOutcome.CHURNED ? null : outcome == RenewalOutcome.RENEWED ? arr
				: arr.multiply(new BigDecimal("1.08")).setScale(0, java.math.RoundingMode.HALF_UP);
		renewals.importHistory(accountId, date, new Money(arr, a.currency), outcome, outcomeArr, factors, "demo");
	}

	private static double clamp(double value, double low, double high) {
		return Math.round(Math.max(low, Math.min(high, value)));
	}

}
