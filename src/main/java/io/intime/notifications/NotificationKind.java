package io.intime.notifications;

import java.util.Objects;
import java.util.Set;

/**
 * A kind of notice, declared as a bean by the module that owns its fact (e.g. health
 * declares {@code health.alert-raised}).
 *
 * @param key unique, lower case with dots and dashes, e.g. {@code task.due}; stored with
 * each notification and each preference
 * @param label what people read in the preferences and the list, e.g. "Task due"
 * @param description one sentence for the preferences page
 * @param audiences who receives it
 * @param severity its default severity; a notice may raise or lower it
 * @param channels the outside channels it goes to unless the recipient chose otherwise
 * (in-app is implied)
 */
public record NotificationKind(String key, String label, String description, Set<Audience> audiences,
		NotificationSeverity severity, Set<Channel> channels) {

	public NotificationKind {
		Objects.requireNonNull(key, "key");
		if (!key.matches("[a-z][a-z0-9.-]{2,79}")) {
			throw new IllegalArgumentException("A notification kind's key is lower case with dots and dashes: " + key);
		}
		Objects.requireNonNull(label, "label");
		Objects.requireNonNull(severity, "severity");
		audiences = Set.copyOf(audiences);
		channels = Set.copyOf(channels);
	}

}
