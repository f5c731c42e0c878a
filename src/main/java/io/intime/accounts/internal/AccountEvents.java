package io.intime.accounts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** Names of the events this module writes to the domain event log. */
public final class AccountEvents {

	public static final String ACCOUNT_CREATED = "account.created";

	public static final String ACCOUNT_UPDATED = "account.updated";

	public static final String ACCOUNT_DELETED = "account.deleted";

	public static final String ACCOUNT_ARCHIVED = "account.archived";

	public static final String ACCOUNT_RESTORED = "account.restored";

	public static final String CONTACT_CREATED = "contact.created";

	public static final String CONTACT_UPDATED = "contact.updated";

	public static final String CONTRACT_CREATED = "contract.created";

	public static final String CONTRACT_UPDATED = "contract.updated";

	public static final String CONTRACT_STATUS_CHANGED = "contract.status.changed";

	public static final String STRATEGIC_ACCOUNT_REVIEWED = "strategic_account.reviewed";

	/**
	 * The payload of an account, contact or contract event: the record, its changed
	 * fields and who.
	 */
	public static Map<String, Object> payload(Long accountId, String entity, long entityId, List<FieldChange> changes,
			Actor actor) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put(entity + "_id", entityId);
		payload.put("changes", FieldChange.logged(changes));
		payload.put("by", actor.name());
		return payload;
	}

	private AccountEvents() {
	}

}
