package io.intime.identity;

import org.springframework.security.access.AccessDeniedException;

/**
 * Lets the module that owns a kind of record decide who may read its history (its audit
 * trail entries, and for accounts the domain events recorded about them), without
 * identity depending on that module. Modules publish an implementation as a Spring bean;
 * the audit and event endpoints ask the one that {@linkplain #owns owns} the entity type.
 * <p>
 * Each check returns normally when reading is allowed and throws Spring Security's
 * {@link AccessDeniedException} when it is not, or
 * {@link io.intime.shared.NotFoundException} when the record does not exist for this
 * user.
 */
public interface HistoryAccess {

	/**
	 * Whether this module owns the records of the audit entity type (e.g.
	 * {@code account}).
	 */
	boolean owns(String entityType);

	/**
	 * Checks that the user may read the audit trail of one record, or of every record of
	 * the type when {@code entityId} is null.
	 */
	void checkAudit(String entityType, Long entityId, CurrentUser user);

	/**
	 * Checks that the user may read the domain events recorded for an account. Only the
	 * module that owns {@code account} records answers; others refuse.
	 */
	default void checkAccountEvents(long accountId, CurrentUser user) {
		throw new AccessDeniedException("Nobody decides who reads the events of account " + accountId);
	}

}
