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

    /**
     * A 64-bit FNV-1a hash of everything the score shows (day, model version, total and each
     * component's points, inputs and explanation): equal fingerprints, nothing to write.
     */
    public long fingerprint() {
        StringBuilder text = new StringBuilder().append(asOf).append('|').append(modelVersion).append('|').append(total);
        for (ComponentScore c : components) {
            text.append('|').append(c.key()).append(':').append(c.points()).append(':')
                    .append(c.x() == null ? "" : c.x().toPlainString()).append(':')
                    .append(c.y() == null ? "" : c.y().toPlainString()).append(':').append(c.reached()).append(':')
                    .append(c.explanation());
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** Points per component in the model's order, null where missing (as stored). */
    public Integer[] points() {
        return components.stream().map(ComponentScore::points).toArray(Integer[]::new);
    }
}
