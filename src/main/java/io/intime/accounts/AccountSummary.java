package io.intime.accounts;

import java.time.Instant;

import io.intime.shared.Money;

/**
 * One row of the accounts list. {@code editable}: whether the viewing user may edit it;
 * {@code updatedAt}: when the account itself was last changed; {@code healthScore} and
 * {@code healthBand}: the latest health score, null when the account has none yet.
 */
public record AccountSummary(long id, String key, String name, String industry, AccountStatus status, Tier tier,
		boolean strategic, Long ownerId, String ownerName, Money arr, String region, String hqLocation,
		boolean editable, Instant updatedAt, Integer healthScore, HealthBand healthBand) {
}
