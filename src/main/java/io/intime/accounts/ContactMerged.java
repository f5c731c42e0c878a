package io.intime.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * A duplicate contact was merged into another contact of its account: every record that
 * referred to it now refers to the contact kept ({@code moved}, by table and column), the
 * kept contact took the fields it lacked ({@code changes}), and the duplicate was
 * deleted. A fact of the account: who took part in its activities may have changed.
 */
public record ContactMerged(Long accountId, long contactId, long mergedContactId, String reason,
		List<FieldChange> changes, Map<String, Integer> moved, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return AccountEvents.CONTACT_MERGED;
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = AccountEvents.payload(accountId, "contact", contactId, changes, actor);
		payload.put("merged_contact_id", mergedContactId);
		payload.put("reason", reason);
		payload.put("moved", new java.util.TreeMap<>(moved));
		return payload;
	}
}
