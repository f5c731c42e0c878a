package io.intime.escalations;

import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices escalations send: raised and status changes to the account's owner, its
 * executive sponsor, the owner's sales director, the account's recruiting managers and
 * the person who raised it; SLA warnings and breaches ({@link SlaScan}); P0 and P1
 * escalations are sent as urgent (email and chat whatever the recipients chose, never
 * held nor digested).
 */
@Configuration(proxyBeanMethods = false)
class EscalationNotificationKinds {

	static final String RAISED = "escalation.raised";

	static final String STATUS_CHANGED = "escalation.status-changed";

	static final String SLA = "escalation.sla";

	static final String SLA_CRITICAL = "escalation.sla-critical";

	static final String OWNERSHIP = "escalation.ownership";

	/**
	 * Spec 02 steps 8 and 14: the reporter (named), the recruiting manager and the
	 * account's manager hear of a new escalation and of every change of status.
	 */
	private static final Set<Audience> AUDIENCES = Set.of(Audience.OWNER, Audience.EXECUTIVE_SPONSOR,
			Audience.SALES_DIRECTOR, Audience.RECRUITING_MANAGER, Audience.NAMED);

	/**
	 * A new escalation also reaches the account's team: spec 02 step 14 notifies the
	 * recruiter who placed the contractor.
	 */
	@Bean
	NotificationKind escalationRaised() {
		Set<Audience> raised = new java.util.HashSet<>(AUDIENCES);
		raised.add(Audience.ACCOUNT_TEAM);
		return new NotificationKind(RAISED, "Escalation raised", "A client escalation was raised on an account.",
				Set.copyOf(raised), NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind escalationStatusChanged() {
		return new NotificationKind(STATUS_CHANGED, "Escalation status changed",
				"An escalation moved on (investigating, resolved, reopened).", AUDIENCES, NotificationSeverity.NORMAL,
				Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind escalationSla() {
		return new NotificationKind(SLA, "Escalation SLA near breach or breached",
				"A P2 or P3 escalation used most of its response or resolution time, or ran out of it: "
						+ "to its owner and the sales director.",
				Set.of(Audience.OWNER, Audience.SALES_DIRECTOR, Audience.NAMED), NotificationSeverity.HIGH,
				Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind escalationSlaCritical() {
		return new NotificationKind(SLA_CRITICAL, "P0/P1 escalation SLA near breach or breached",
				"A P0 or P1 escalation used most of its time or ran out of it: to its owner, the sales director, "
						+ "the recruiting manager and the executive sponsor.",
				Set.of(Audience.OWNER, Audience.SALES_DIRECTOR, Audience.RECRUITING_MANAGER, Audience.EXECUTIVE_SPONSOR,
						Audience.NAMED),
				NotificationSeverity.URGENT, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind escalationOwnership() {
		return new NotificationKind(OWNERSHIP, "Escalation taken on",
				"Someone took ownership of an escalation: to the person who raised it.", Set.of(Audience.NAMED),
				NotificationSeverity.NORMAL, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	/** P0 and P1 are urgent; the others keep the kind's severity. */
	static NotificationSeverity severity(Severity severity) {
		return severity == Severity.P0 || severity == Severity.P1 ? NotificationSeverity.URGENT : null;
	}

}
