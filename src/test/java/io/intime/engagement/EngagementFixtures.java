package io.intime.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.identity.CurrentUser;

import org.springframework.context.ApplicationContext;

/**
 * Contacts with a stakeholder role, activities and NPS responses for engagement tests,
 * through the facades.
 */
public final class EngagementFixtures {

	private final AccountFixtures accounts;

	private final ContactManagement contacts;

	private final ActivityManagement activities;

	private final NpsManagement nps;

	public EngagementFixtures(ApplicationContext context) {
		this.accounts = new AccountFixtures(context);
		this.contacts = context.getBean(ContactManagement.class);
		this.activities = context.getBean(ActivityManagement.class);
		this.nps = context.getBean(NpsManagement.class);
	}

	public AccountFixtures accounts() {
		return accounts;
	}

	public ContactView contact(AccountDetails account, StakeholderRole role) {
		String name = AccountFixtures.unique(role.name().toLowerCase());
		return contacts.create(account.id(),
				new ContactForm(name, role == StakeholderRole.EXECUTIVE ? "CEO" : "Manager",
						name.toLowerCase() + "@client.example", null, "America/Chicago", role, Influence.HIGH, true),
				accounts.executive());
	}

	public static ActivityForm form(ActivityType type, ActivityDirection direction, Instant at, List<ContactView> with,
			List<CurrentUser> ours) {
		return new ActivityForm(type, direction, type.label() + " " + AccountFixtures.unique("s"), null, at,
				type.hasDuration() ? 30 : null, null, at.isAfter(TestClock.now()) ? null : Sentiment.NEUTRAL, List.of(),
				with.stream().map(ContactView::id).toList(), ours.stream().map(CurrentUser::id).toList());
	}

	public ActivityView activity(AccountDetails account, CurrentUser by, ActivityType type, ActivityDirection direction,
			Instant at, List<ContactView> with) {
		return activities.create(account.id(), form(type, direction, at, with, List.of(by)), by);
	}

	public NpsView response(AccountDetails account, int score, LocalDate on) {
		return nps.create(account.id(), new NpsForm(null, score, null, on, SurveyType.TRANSACTIONAL),
				accounts.executive());
	}

}
