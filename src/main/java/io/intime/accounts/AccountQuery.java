package io.intime.accounts;

/**
 * A search of the accounts list: every filter is optional (null). {@code sort} is one of
 * name, key, arr, tier, status, updated; {@code descending} reverses it.
 */
public record AccountQuery(String q, Tier tier, AccountStatus status, Long ownerId, Boolean strategic, String sort,
        boolean descending, int page, int size) {

    public static AccountQuery firstPage() {
        return new AccountQuery(null, null, null, null, null, "name", false, 0, 50);
    }
}
