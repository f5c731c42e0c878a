package io.intime.revenue;

import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices of expansion proposals: the sales director asked to review one, and its
 * author told of the decision.
 */
@Configuration(proxyBeanMethods = false)
class RevenueNotificationKinds {

	static final String PROPOSAL_REVIEW = "revenue.proposal-review";

	static final String PROPOSAL_DECISION = "revenue.proposal-decision";

	@Bean
	NotificationKind proposalReviewKind() {
		return new NotificationKind(PROPOSAL_REVIEW, "Review an expansion proposal",
				"An account manager on your team asks you to approve or return an expansion proposal.",
				Set.of(Audience.NAMED), NotificationSeverity.HIGH, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

	@Bean
	NotificationKind proposalDecisionKind() {
		return new NotificationKind(PROPOSAL_DECISION, "Expansion proposal approved or returned",
				"Your sales director approved your expansion proposal, or returned it with comments.",
				Set.of(Audience.NAMED), NotificationSeverity.NORMAL, Set.of(Channel.IN_APP, Channel.EMAIL));
	}

}
