package io.intime.shared;

/**
 * Someone else changed the record since the caller read it: the caller's change is
 * refused so that the other person's change survives.
 */
public class StaleVersionException extends RuntimeException {

	private final long currentVersion;

	public StaleVersionException(String entity, Object id, long expectedVersion, long currentVersion) {
		super(entity + " " + id + " was changed by someone else (you edited version " + expectedVersion
				+ ", it is now at version " + currentVersion
				+ "). Reload to see their change, then apply yours again.");
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return currentVersion;
	}

}
