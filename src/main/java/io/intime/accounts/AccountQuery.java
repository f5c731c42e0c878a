package io.intime.accounts;

/**
 * A search of the accounts list: every filter is optional (null). {@code sort} is one of
 * name, key, arr, tier, status, updated, region, health; {@code descending} reverses it.
 * {@code band}, {@code healthMin} and {@code healthMax} filter by the latest health score
 * (accounts not scored yet match none of them). {@code archived} lists only the archived
 * accounts (executives and admins) instead of the live ones.
 */
public record AccountQuery(String q, Tier tier, AccountStatus status, Long ownerId, Boolean strategic, HealthBand band,
		Integer healthMin, Integer healthMax, String sort, boolean descending, int page, int size, boolean archived) {

	/** A search of the live accounts. */
	public AccountQuery(String q, Tier tier, AccountStatus status, Long ownerId, Boolean strategic, HealthBand band,
			Integer healthMin, Integer healthMax, String sort, boolean descending, int page, int size) {
		this(q, tier, status, ownerId, strategic, band, healthMin, healthMax, sort, descending, page, size, false);
	}

	public static AccountQuery firstPage() {
		return new AccountQuery(null, null, null, null, null, null, null, null, "name", false, 0, 50);
	}
}
