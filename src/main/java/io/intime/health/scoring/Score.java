package io.intime.health.scoring;

import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.HealthBand;

/**
 * The score of one account as of one day under one model version.
 *
 * @param total 0–100: the points of the measured components, scaled to 100 when some input is
 *        missing (so an account is neither punished nor rewarded for a fact nobody recorded)
 * @param measuredMaximum the maxima of the measured components (100 when nothing is missing)
 */
public record Score(long accountId, LocalDate asOf, int modelVersion, int total, HealthBand band, int measuredMaximum,
        List<ComponentScore> components) {

    /** Points per component in the model's order, null where missing (as stored). */
    public Integer[] points() {
        return components.stream().map(ComponentScore::points).toArray(Integer[]::new);
    }
}
