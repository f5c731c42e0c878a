package io.intime.workflows;

import io.intime.identity.CurrentUser;

/**
 * Who acts on a step: a user of the firm, a client's contact through their link (with the
 * address and browser the action came from, for the audit), or the system.
 */
public record StepActor(String name, Long userId, Long contactId, String ip, String userAgent) {

	public static StepActor user(CurrentUser user) {
		return new StepActor(user.fullName(), user.id(), null, null, null);
	}

	public static StepActor client(long contactId, String name, String ip, String userAgent) {
		return new StepActor(name, null, contactId, ip, userAgent);
	}

	public static StepActor system() {
		return new StepActor("InTime", null, null, null, null);
	}

	public boolean isClient() {
		return contactId != null;
	}

}
