package io.intime.accounts;

/**
 * An account as revenue reports segment it: by owner (an account manager's portfolio, a
 * team), tier and region.
 */
public record ReportableAccount(long id, String name, Long ownerId, String ownerName, Tier tier, String region,
		Integer healthScore, HealthBand healthBand, boolean strategic, Long executiveSponsorId) {
}
