package io.intime.accounts;

import java.time.Instant;

/**
 * An account's latest health score as the health module computed it, kept on the account
 * for the accounts list's filters and sort ({@link AccountManagement#recordHealth}).
 *
 * @param score 0–100
 * @param band never null
 * @param computedAt when it was computed
 */
public record HealthMark(long accountId, int score, HealthBand band, Instant computedAt) {
}
