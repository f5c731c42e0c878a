package io.intime.identity.security;

import io.intime.identity.CurrentUser;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The signed-in page sessions of a user, as the session registry knows them: Spring
 * Session's sessions in PostgreSQL, those of every node, found by their principal name
 * index. That name is the sign-in's {@code Authentication.getName()}, which is the user's
 * username for every way of signing in to pages. HTTP Basic and API tokens have no
 * session and are not affected.
 */
@Component
public class UserSessions {

	private final SessionRegistry registry;

	UserSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Ends every session of the user but {@code keepSessionId} (the one making the
	 * change; null ends them all), on every node: their next request is signed out and
	 * sent to the sign-in page.
	 * @return how many sessions were ended
	 */
	public int endOtherSessions(CurrentUser user, String keepSessionId) {
		int ended = 0;
		for (SessionInformation session : registry.getAllSessions(user.username(), false)) {
			if (!session.getSessionId().equals(keepSessionId)) {
				session.expireNow();
				ended++;
			}
		}
		return ended;
	}

}
