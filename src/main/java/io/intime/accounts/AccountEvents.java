package io.intime.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/** Names of the events this module writes to the domain event log. */
final class AccountEvents {

	static final String ACCOUNT_CREATED = "account.created";
	static final String ACCOUNT_UPDATED = "account.updated";
	static final String ACCOUNT_DELETED = "account.deleted";
	static final String ACCOUNT_ARCHIVED = "account.archived";
	static final String ACCOUNT_RESTORED = "account.restored";
	static final String CONTACT_CREATED = "contact.created";
	static final String CONTACT_UPDATED = "contact.updated";
	static final String CONTACT_MERGED = "contact.merged";
	static final String CONTRACT_CREATED = "contract.created";
	static final String CONTRACT_UPDATED = "contract.updated";
	static final String CONTRACT_STATUS_CHANGED = "contract.status.changed";

	static final String CONTRACT_DELETED = "contract.deleted";
	static final String STRATEGIC_ACCOUNT_REVIEWED = "strategic_account.reviewed";

	/**
	 * The payload of an account, contact or contract event: the record, its changed
	 * fields and who.
	 */
	static Map<String, Object> payload(Long accountId, String entity, long entityId, List<FieldChange> changes,
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
