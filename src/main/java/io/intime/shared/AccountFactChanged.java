package io.intime.shared;

/**
 * A domain event that changes a fact about an account: a job, placement, invoice, NPS
 * response, activity, escalation or opportunity was created, changed or removed, or the
 * account itself was created or changed. The typed events of the fact modules implement
 * it (and are published inside the transaction of the change), so that readers of the
 * facts, such as the health score, listen to this one type and update that one account.
 */
public interface AccountFactChanged extends DomainEvent {

	/** The account the fact belongs to; never null for a fact. */
	Long accountId();

}
