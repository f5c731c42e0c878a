package io.intime.accounts;

/** Names of the events this module writes to the domain event log. */
final class AccountEvents {

    static final String ACCOUNT_CREATED = "account.created";
    static final String ACCOUNT_UPDATED = "account.updated";
    static final String ACCOUNT_DELETED = "account.deleted";
    static final String ACCOUNT_ARCHIVED = "account.archived";
    static final String ACCOUNT_RESTORED = "account.restored";
    static final String CONTACT_CREATED = "contact.created";
    static final String CONTACT_UPDATED = "contact.updated";
    static final String CONTRACT_CREATED = "contract.created";
    static final String CONTRACT_UPDATED = "contract.updated";
    static final String CONTRACT_STATUS_CHANGED = "contract.status.changed";
    static final String STRATEGIC_ACCOUNT_REVIEWED = "strategic_account.reviewed";

    private AccountEvents() {
    }
}
