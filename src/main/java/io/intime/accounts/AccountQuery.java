package io.intime.accounts;

/**
 * A search of the accounts list: every filter is optional (null). {@code sort} is one of
 * name, key, arr, tier, status, updated, region, health; {@code descending} reverses it.
 * {@code band}, {@code healthMin} and {@code healthMax} filter by the latest health score
 * (accounts not scored yet match none of them).
 */
public record AccountQuery(String q, Tier tier, AccountStatus status, Long ownerId, Boolean strategic,
        HealthBand band, Integer healthMin, Integer healthMax, String sort, boolean descending, int page, int size) {

    public static AccountQuery firstPage() {
        return new AccountQuery(null, null, null, null, null, null, null, null, "name", false, 0, 50);
    }
}
