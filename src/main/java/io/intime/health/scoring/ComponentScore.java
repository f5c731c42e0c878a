package io.intime.health.scoring;

import java.math.BigDecimal;

import io.intime.health.model.Measure;

/**
 * One component of a score.
 *
 * @param points the points, null when the input is missing (the component is then not scored)
 * @param x the measured first input, null when missing
 * @param y the measured second input, or null
 * @param reached the label of the band reached, or of the rule when missing
 * @param explanation one sentence with the figures ("No active jobs (last hire: Sep 28, Frontend Developer)")
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
public record ComponentScore(String key, String label, Measure measure, Integer points, int maximum, BigDecimal x,
        BigDecimal y, String reached, String explanation) {

    public boolean missing() {
        return points == null;
    }

    /** Points as a share of the maximum, 0–100 (0 when missing). */
    public int percent() {
        return points == null ? 0 : Math.round(100f * points / maximum);
    }
}
