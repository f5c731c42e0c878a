package io.intime.accounts;

/**
 * The account (and contact) an email address belongs to.
 *
 * @param contactId null when only the address's domain matched the account's contacts
 * @param contactName null with the contact
 */
public record AddressMatch(long accountId, String accountName, Long ownerId, Long contactId, String contactName) {

	public boolean exact() {
		return contactId != null;
	}

}
