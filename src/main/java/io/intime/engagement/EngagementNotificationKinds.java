package io.intime.engagement;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.shared.Actor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices engagement sends: an executive call or meeting planned with a client
 * executive or the sponsor (spec 01's {@code executive.call.scheduled}) reaches the
 * account's owner, its executive sponsor and the firm's people taking part.
 */
@Configuration(proxyBeanMethods = false)
class EngagementNotificationKinds {

	static final String EXECUTIVE_CALL_SCHEDULED = "engagement.executive-call-scheduled";

	static final String CRITICAL_EMAIL = "engagement.critical-email";

	/**
	 * An email from a client that says one of the critical words reaches the owner at
	 * once.
	 */
	@Bean
	NotificationKind criticalEmail() {
		return new NotificationKind(CRITICAL_EMAIL, "Urgent client email",
				"An email from a client's contact says a critical word (escalation, urgent, cancel, unhappy …).",
				Set.of(Audience.OWNER), NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE, MMM d 'at' HH:mm 'UTC'", Locale.US)
		.withZone(ZoneOffset.UTC);

	@Bean
	NotificationKind executiveCallScheduled() {
		return new NotificationKind(EXECUTIVE_CALL_SCHEDULED, "Executive call scheduled",
				"A call or meeting with a client executive or the executive sponsor was put in the calendar.",
				Set.of(Audience.OWNER, Audience.EXECUTIVE_SPONSOR), NotificationSeverity.NORMAL,
				Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	static Notice executiveCall(String accountName, Activity activity, String clientContact, Actor actor) {
		String body = activity.type().label() + " “" + activity.subject() + "” on " + WHEN.format(activity.occurredAt())
				+ (clientContact == null || clientContact.isBlank() ? "" : " with " + clientContact) + ".";
		Set<Long> participants = new HashSet<>(activity.participantIds());
		return new Notice(EXECUTIVE_CALL_SCHEDULED, activity.accountId(), ActivityManagement.ENTITY, activity.id(),
				"scheduled",
				accountName + ": executive " + activity.type().label().toLowerCase(Locale.ROOT) + " scheduled", body,
				"/accounts/" + activity.accountId() + "/activities#activity-" + activity.id(), null, participants,
				actor);
	}

}
