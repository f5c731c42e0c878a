package io.intime.renewals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RenewalModelTest {

	/**
	 * Health 85 rising, touched a month ago, no escalation, pays in 30 days, strategic.
	 */
	static final double[] HEALTHY = { 85, 5, 30, 0, 30, 5, 1 };

	/**
	 * ABC Technologies in spec 01: health 32 falling, 2 P1s, 45 days since a touch, slow
	 * payer.
	 */
	static final double[] AT_RISK = { 32, -15, 45, 2, 40, -20, 1 };

	@Test
	void theExplicitModelTellsAHealthyAccountFromOneAtRisk() {
		double healthy = ExplicitRenewalModel.INSTANCE.probability(HEALTHY);
		double risky = ExplicitRenewalModel.INSTANCE.probability(AT_RISK);
		assertThat(healthy).isGreaterThan(0.9);
		assertThat(risky).isLessThan(0.3);
		assertThat(ExplicitRenewalModel.INSTANCE.probability(new double[] { 70, 0, 30, 0, 30, 0, 0 }))
			.as("a neutral account")
			.isCloseTo(0.832, within(0.001));
	}

	@Test
	void eachFactorsContributionIsWhatItMovesFromNeutral() {
		RenewalProbability p = RenewalProbability.of(AT_RISK, ExplicitRenewalModel.INSTANCE, null, null);
		assertThat(p.contributions()).extracting(RenewalProbability.Contribution::factor)
			.containsExactly(RenewalFactor.values());
		assertThat(p.risks(2)).extracting(RenewalProbability.Contribution::factor)
			.containsExactly(RenewalFactor.HEALTH, RenewalFactor.SEVERE_ESCALATIONS);
		assertThat(p.contributions().get(RenewalFactor.TIER.ordinal()).points()).as("strategic helps").isPositive();
		assertThat(p.contributions().get(RenewalFactor.HEALTH.ordinal()).value()).isEqualTo("32/100");
		assertThat(p.bucket()).isEqualTo("HIGH_RISK");
	}

	@Test
	void anOverrideIsShownAndTheModelsValueKeptBesideIt() {
		RenewalProbability p = RenewalProbability.of(AT_RISK, ExplicitRenewalModel.INSTANCE, 60, "CEO call went well");
		assertThat(p.percent()).isEqualTo(60);
		assertThat(p.modelPercent()).isLessThan(30);
		assertThat(p.bucket()).isEqualTo("MEDIUM_RISK");
	}

	/**
	 * Renewals that follow another rule than the explicit model's (health and escalations
	 * weigh more): the fitted model learns it and beats the explicit one on renewals it
	 * has not seen, and survives being kept and read back.
	 */
	@Test
	void theFittedModelLearnsTheOrganizationsOwnRenewals() throws Exception {
		Random random = new Random(7);
		List<RenewalCalibration.Closed> all = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			double[] x = { 20 + random.nextInt(80), random.nextGaussian() * 8, random.nextInt(180),
					random.nextDouble() < 0.2 ? 1 + random.nextInt(2) : 0, 20 + random.nextInt(40),
					random.nextGaussian() * 10, random.nextInt(3) - 1 };
			double z = 0.5 + 1.2 * (x[0] - 70) / 10 - 1.2 * x[3];
			all.add(new RenewalCalibration.Closed(LocalDate.of(2025, 1, 1).plusDays(i), x, 0,
					random.nextDouble() < 1 / (1 + Math.exp(-z))));
		}
		List<RenewalCalibration.Closed> train = all.subList(0, 420);
		List<RenewalCalibration.Closed> test = all.subList(420, 600);
		FittedRenewalModel fitted = FittedRenewalModel.fit(
				train.stream().map(RenewalCalibration.Closed::factors).toList(),
				train.stream().map(RenewalCalibration.Closed::renewed).toList());

		RenewalCalibration.ModelScore explicit = RenewalCalibration.score(ExplicitRenewalModel.INSTANCE, test);
		RenewalCalibration.ModelScore learned = RenewalCalibration.score(fitted, test);
		assertThat(learned.brier()).isLessThan(explicit.brier());
		assertThat(learned.deciles()).hasSize(10);
		assertThat(learned.deciles().stream().mapToInt(RenewalCalibration.Decile::count).sum()).isEqualTo(180);
		assertThat(fitted.name()).isEqualTo("Fitted on 420 closed renewals");

		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(fitted);
		}
		FittedRenewalModel read;
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
			read = (FittedRenewalModel) in.readObject();
		}
		assertThat(read.probability(HEALTHY)).isEqualTo(fitted.probability(HEALTHY));
		assertThat(fitted.probability(HEALTHY)).isGreaterThan(fitted.probability(AT_RISK));
	}

}
