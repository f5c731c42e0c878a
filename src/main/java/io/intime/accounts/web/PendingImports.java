package io.intime.accounts.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;
import org.springframework.web.util.WebUtils;

/**
 * Uploaded files between their preview and the import, kept in the user's session under a
 * random id. Only the raw file is kept: the import reads and checks it again, as whoever
 * confirms it, so nothing the browser sends back is trusted. A file is taken out when its
 * import starts, so a second click imports nothing twice. A session keeps the latest few.
 */
@Component
class PendingImports {

	private static final String ATTRIBUTE = PendingImports.class.getName();

	private static final int KEEP = 3;

	record Pending(String id, ImportKind kind, long userId, String filename, byte[] content) implements Serializable {
	}

	String put(HttpSession session, ImportKind kind, long userId, String filename, byte[] content) {
		Pending pending = new Pending(UUID.randomUUID().toString(), kind, userId, filename, content);
		synchronized (WebUtils.getSessionMutex(session)) {
			LinkedHashMap<String, Pending> all = all(session);
			all.put(pending.id(), pending);
			while (all.size() > KEEP) {
				all.remove(all.keySet().iterator().next());
			}
			session.setAttribute(ATTRIBUTE, all);
		}
		return pending.id();
	}

	/**
	 * Takes the file out of the session; empty when it is not there (imported, expired)
	 * or not this user's.
	 */
	Optional<Pending> take(HttpSession session, String id, ImportKind kind, long userId) {
		synchronized (WebUtils.getSessionMutex(session)) {
			LinkedHashMap<String, Pending> all = all(session);
			Pending pending = all.get(id);
			if (pending == null || pending.kind() != kind || pending.userId() != userId) {
				return Optional.empty();
			}
			all.remove(id);
			session.setAttribute(ATTRIBUTE, all);
			return Optional.of(pending);
		}
	}

	/**
	 * Keeps a file again after an import that saved nothing, so that it can be retried.
	 */
	void putBack(HttpSession session, Pending pending) {
		synchronized (WebUtils.getSessionMutex(session)) {
			LinkedHashMap<String, Pending> all = all(session);
			all.put(pending.id(), pending);
			session.setAttribute(ATTRIBUTE, all);
		}
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashMap<String, Pending> all(HttpSession session) {
		Object all = session.getAttribute(ATTRIBUTE);
		return all instanceof LinkedHashMap<?, ?> map ? (LinkedHashMap<String, Pending>) map : new LinkedHashMap<>();
	}

}
