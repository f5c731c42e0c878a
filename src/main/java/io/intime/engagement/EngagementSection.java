package io.intime.engagement;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountSection;
import io.intime.identity.CurrentUser;

import org.springframework.stereotype.Component;

/** Account 360's Activities tab: calls, emails, meetings, notes and NPS responses. */
@Component
class EngagementSection implements AccountSection {

	private final EngagementRules rules;

	EngagementSection(EngagementRules rules) {
		this.rules = rules;
	}

	@Override
	public boolean visibleTo(AccountDetails account, CurrentUser user) {
		return rules.canView(user, account);
	}

	@Override
	public String id() {
		return "activities";
	}

	@Override
	public String label() {
		return "Activities";
	}

	@Override
	public int order() {
		return 30;
	}

}
