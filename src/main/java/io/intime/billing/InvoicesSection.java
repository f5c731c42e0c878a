package io.intime.billing;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountSection;
import io.intime.identity.CurrentUser;

import org.springframework.stereotype.Component;

/** The Invoices tab of Account 360, for those who may see the account's invoices. */
@Component
class InvoicesSection implements AccountSection {

	@Override
	public String id() {
		return "invoices";
	}

	@Override
	public String label() {
		return "Invoices";
	}

	@Override
	public int order() {
		return 20;
	}

	@Override
	public boolean visibleTo(AccountDetails account, CurrentUser user) {
		return BillingRules.access(user, account).view();
	}

}
