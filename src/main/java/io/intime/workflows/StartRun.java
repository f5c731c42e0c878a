package io.intime.workflows;

import java.util.Map;

/**
 * What starts a run.
 *
 * @param templateKey the template by its key (a built-in one), or null with templateId
 * @param ownerId who owns the run (notified when a step is overdue); null for the
 * account's manager
 * @param contacts who plays client roles, by role key; the roles' defaults otherwise
 * @param users who plays internal roles, by role key; the roles' defaults otherwise
 * @param title null for "template name — account name"
 */
public record StartRun(String templateKey, Long templateId, long accountId, Long contractId, Long qbrId, Long renewalId,
		Long invoiceId, Long ownerId, Map<String, Long> contacts, Map<String, Long> users, String title) {

	public StartRun {
		contacts = contacts == null ? Map.of() : Map.copyOf(contacts);
		users = users == null ? Map.of() : Map.copyOf(users);
	}

	/** A run of a built-in template on an account, with the roles' defaults. */
	public static StartRun of(String templateKey, long accountId) {
		return new StartRun(templateKey, null, accountId, null, null, null, null, null, null, null, null);
	}

	public StartRun withContract(Long contractId) {
		return new StartRun(templateKey, templateId, accountId, contractId, qbrId, renewalId, invoiceId, ownerId,
				contacts, users, title);
	}

	public StartRun withQbr(Long qbrId) {
		return new StartRun(templateKey, templateId, accountId, contractId, qbrId, renewalId, invoiceId, ownerId,
				contacts, users, title);
	}

	public StartRun withRenewal(Long renewalId) {
		return new StartRun(templateKey, templateId, accountId, contractId, qbrId, renewalId, invoiceId, ownerId,
				contacts, users, title);
	}

	public StartRun withInvoice(Long invoiceId) {
		return new StartRun(templateKey, templateId, accountId, contractId, qbrId, renewalId, invoiceId, ownerId,
				contacts, users, title);
	}

	public StartRun withOwner(Long ownerId) {
		return new StartRun(templateKey, templateId, accountId, contractId, qbrId, renewalId, invoiceId, ownerId,
				contacts, users, title);
	}

}
