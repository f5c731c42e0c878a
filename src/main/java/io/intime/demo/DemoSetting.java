package io.intime.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserSummary;

/**
 * What a {@link DemoFacts} builds on: the day the world is created, the catalog's
 * accounts with their ids and contacts, the demo users, and the health each account is
 * meant to show.
 *
 * @param accounts every account of the catalog, strategic ones first
 * @param accountIds the id of each account, by name
 * @param contacts the contacts of each account (as created), by account name
 * @param people the demo users, by username
 * @param actor the user to act as, by username (e.g. the account's owner)
 */
record DemoSetting(LocalDate today, List<DemoAccount> accounts, Map<String, Long> accountIds,
		Map<String, List<ContactView>> contacts, Map<String, UserSummary> people, DemoHealthPlan plan,
		Function<String, CurrentUser> actor) {

	long idOf(String accountName) {
		Long id = accountIds.get(accountName);
		if (id == null) {
			throw new IllegalArgumentException("No demo account " + accountName);
		}
		return id;
	}
}
