package io.intime.escalations;

import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices escalations send: to the account's owner, its executive sponsor and the
 * owner's sales director; P0 and P1 escalations are sent as urgent (email and chat
 * whatever the recipients chose, never held nor digested).
 */
@Configuration(proxyBeanMethods = false)
class EscalationNotificationKinds {

	static final String RAISED = "escalation.raised";

	static final String STATUS_CHANGED = "escalation.status-changed";

	private static final Set<Audience> AUDIENCES = Set.of(Audience.OWNER, Audience.EXECUTIVE_SPONSOR,
			Audience.SALES_DIRECTOR);

	@Bean
	NotificationKind escalationRaised() {
		return new NotificationKind(RAISED, "Escalation raised", "A client escalation was raised on an account.",
				AUDIENCES, NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind escalationStatusChanged() {
		return new NotificationKind(STATUS_CHANGED, "Escalation status changed",
				"An escalation moved on (investigating, resolved, reopened).", AUDIENCES, NotificationSeverity.NORMAL,
				Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	/** P0 and P1 are urgent; the others keep the kind's severity. */
	static NotificationSeverity severity(Severity severity) {
		return severity == Severity.P0 || severity == Severity.P1 ? NotificationSeverity.URGENT : null;
	}

}
