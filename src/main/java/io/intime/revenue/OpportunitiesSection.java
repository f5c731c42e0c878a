package io.intime.revenue;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountSection;
import io.intime.identity.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * The Opportunities tab of Account 360 (the account's expansion pipeline), for those who
 * may see it.
 */
@Component
class OpportunitiesSection implements AccountSection {

	@Override
	public String id() {
		return "opportunities";
	}

	@Override
	public String label() {
		return "Opportunities";
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public boolean visibleTo(AccountDetails account, CurrentUser user) {
		return RevenueRules.access(user, account).view();
	}

}
