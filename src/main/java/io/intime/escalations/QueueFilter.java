package io.intime.escalations;

/**
 * The escalation queue's filters; any may be null (no filter).
 *
 * @param ownerId an owner, or {@link #UNOWNED} for escalations nobody owns
 * @param accountManagerId escalations of this account manager's accounts
 * @param ended true to list resolved and closed escalations instead of open ones
 */
public record QueueFilter(Severity severity, Long ownerId, Long accountId, Long accountManagerId, boolean ended) {

	public static final long UNOWNED = 0;

	public static QueueFilter open() {
		return new QueueFilter(null, null, null, null, false);
	}

}
