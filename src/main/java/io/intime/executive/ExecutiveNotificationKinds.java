package io.intime.executive;

import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices the executive's strategic accounts send, each to the people it names: the
 * account manager asked to brief the executive before a call, the recruiter, account
 * manager and recruiting manager of a dedicated assignment, and the task force of an
 * account escalated further.
 */
@Configuration(proxyBeanMethods = false)
class ExecutiveNotificationKinds {

	static final String CALL_BRIEF = "executive.call-brief";

	static final String RECRUITER_ASSIGNED = "executive.recruiter-assigned";

	static final String TASK_FORCE = "executive.task-force";

	@Bean
	NotificationKind executiveCallBriefKind() {
		return new NotificationKind(CALL_BRIEF, "Brief the executive before a call",
				"An executive scheduled a call with a client of yours and asks for your brief.", Set.of(Audience.NAMED),
				NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind recruiterAssignedKind() {
		return new NotificationKind(RECRUITER_ASSIGNED, "Dedicated recruiter assigned",
				"A recruiter was dedicated to an account: the recruiter, the account manager and the recruiting manager hear of it.",
				Set.of(Audience.NAMED), NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind taskForceKind() {
		return new NotificationKind(TASK_FORCE, "Emergency task force",
				"An executive flagged an account critical and put you on its task force.", Set.of(Audience.NAMED),
				NotificationSeverity.URGENT, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

}
