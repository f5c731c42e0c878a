package io.intime.accounts;

import java.time.Instant;
import java.time.LocalDate;

import io.intime.shared.Money;
import io.intime.shared.Stamp;

/**
 * An account as its page (Account 360) and the API show it. {@code healthScore} and
 * {@code healthBand}: the latest health score, null when the account has none yet.
 * {@code archivedAt} and {@code archivedBy}: when and by whom it was archived (deleted),
 * null while it is live.
 */
public record AccountDetails(long id, String key, String name, String industry, Integer employeeCount,
		String hqLocation, String timeZone, AccountStatus status, Tier tier, Tier tierOverride, boolean strategic,
		LocalDate relationshipStart, Long ownerId, String ownerName, Long executiveSponsorId,
		String executiveSponsorName, String billingCurrency, String region, Money arr, Stamp stamp,
		AccountAccess access, Integer healthScore, HealthBand healthBand, Instant archivedAt, String archivedBy) {

	public boolean archived() {
		return archivedAt != null;
	}
}
