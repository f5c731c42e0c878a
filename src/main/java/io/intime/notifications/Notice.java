package io.intime.notifications;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.intime.shared.Actor;

/**
 * One thing to tell people, as the module that owns the fact sends it.
 *
 * @param kind the key of a declared {@link NotificationKind}
 * @param accountId the account it is about, or null (then only named users receive it)
 * @param recordType the type of the record it is about, e.g. {@code health_alert},
 * {@code task}, {@code escalation}
 * @param recordId the record's id
 * @param occasion what makes this notice distinct from another of the same kind about the
 * same record, e.g. {@code raised}, {@code 2026-12-02T15:00Z} for a reminder; with kind,
 * record and recipient it is the notice's key, so sending it twice notifies once
 * @param title one line, e.g. "TechCorp: payment 45 days overdue"
 * @param body plain text, a few sentences; paragraphs separated by blank lines
 * @param link the page of the record, a path such as {@code /accounts/12/health}
 * @param severity null for the kind's default
 * @param namedUserIds users who receive it besides the kind's audiences (and, for kind
 * audiences {@code NAMED}, the only ones)
 * @param actor who caused it; never notified of their own change
 */
public record Notice(String kind, Long accountId, String recordType, long recordId, String occasion, String title,
		String body, String link, NotificationSeverity severity, Set<Long> namedUserIds, Actor actor) {

	public Notice {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(recordType, "recordType");
		Objects.requireNonNull(occasion, "occasion");
		Objects.requireNonNull(title, "title");
		body = body == null ? "" : body;
		namedUserIds = namedUserIds == null ? Set.of() : Set.copyOf(namedUserIds);
		actor = actor == null ? Actor.SYSTEM : actor;
	}

	/** A notice about an account's record for the kind's audiences. */
	public static Notice about(String kind, Long accountId, String recordType, long recordId, String occasion,
			String title, String body, String link, Actor actor) {
		return new Notice(kind, accountId, recordType, recordId, occasion, title, body, link, null, Set.of(), actor);
	}

	/** The same notice for these users too. */
	public Notice to(Long... userIds) {
		return new Notice(kind, accountId, recordType, recordId, occasion, title, body, link, severity,
				Set.copyOf(List.of(userIds)), actor);
	}

	/** The same notice at another severity. */
	public Notice withSeverity(NotificationSeverity severity) {
		return new Notice(kind, accountId, recordType, recordId, occasion, title, body, link, severity, namedUserIds,
				actor);
	}

}
