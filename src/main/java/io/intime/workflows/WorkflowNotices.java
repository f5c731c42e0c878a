package io.intime.workflows;

import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices workflows send: a step due soon, a step overdue, a step failed, a signature
 * declined.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowNotices {

	static final String STEP_DUE = "workflows.step-due";

	static final String STEP_OVERDUE = "workflows.step-overdue";

	static final String STEP_FAILED = "workflows.step-failed";

	static final String SIGNATURE_DECLINED = "workflows.signature-declined";

	@Bean
	NotificationKind workflowStepDue() {
		return new NotificationKind(STEP_DUE, "Workflow step due",
				"A reminder that a workflow step you must act on is due.", Set.of(Audience.NAMED),
				NotificationSeverity.NORMAL, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind workflowStepOverdue() {
		return new NotificationKind(STEP_OVERDUE, "Workflow step overdue",
				"A step of a workflow you own is past its due date.", Set.of(Audience.NAMED), NotificationSeverity.HIGH,
				Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind workflowStepFailed() {
		return new NotificationKind(STEP_FAILED, "Automated workflow step failed",
				"An automated step of a workflow you own failed after its retries.", Set.of(Audience.NAMED),
				NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind workflowSignatureDeclined() {
		return new NotificationKind(SIGNATURE_DECLINED, "Signature declined",
				"A client declined to sign a document of a workflow you own.", Set.of(Audience.NAMED),
				NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

}
