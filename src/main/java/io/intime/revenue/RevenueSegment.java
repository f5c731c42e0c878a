package io.intime.revenue;

import io.intime.accounts.Tier;

/**
 * Which accounts a revenue report covers: the company (nothing set), an account manager's
 * portfolio, a sales director's team (the portfolios of the account managers who report
 * to them), a tier or a region; set criteria combine.
 */
public record RevenueSegment(Long ownerId, Long teamOf, Tier tier, String region) {

	public static RevenueSegment company() {
		return new RevenueSegment(null, null, null, null);
	}

	public static RevenueSegment portfolioOf(long ownerId) {
		return new RevenueSegment(ownerId, null, null, null);
	}

	public static RevenueSegment teamOf(long directorId) {
		return new RevenueSegment(null, directorId, null, null);
	}

	public boolean isCompany() {
		return ownerId == null && teamOf == null && tier == null && (region == null || region.isBlank());
	}

}
