package io.intime.accounts;

import io.intime.shared.Stamp;

/** A contact as pages and the API show it. */
public record ContactView(long id, long accountId, String accountName, String name, String title, String email,
		String phone, String timeZone, StakeholderRole stakeholderRole, Influence influence, boolean active,
		Stamp stamp) {
}
