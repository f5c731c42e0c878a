package io.intime.accounts;

import java.util.Comparator;
import java.util.List;

import io.intime.accounts.internal.AccountRules;
import io.intime.identity.CurrentUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The sections other modules add to Account 360, and the model the shared account header
 * needs. Looked up lazily so that a module's sections never create a dependency cycle.
 */
@Component
public class AccountSections {

	private final ObjectProvider<AccountSection> sections;

	private final AccountRules rules;

	AccountSections(ObjectProvider<AccountSection> sections, AccountRules rules) {
		this.sections = sections;
		this.rules = rules;
	}

	/** The contributed sections this user sees for this account, in order. */
	public List<Tab> visibleTo(AccountDetails account, CurrentUser user) {
		return sections.orderedStream()
			.filter(section -> section.visibleTo(account, user))
			.sorted(Comparator.comparingInt(AccountSection::order))
			.map(section -> new Tab(section.id(), section.label(), section.path(account.id())))
			.toList();
	}

	/**
	 * Fills what {@code accounts/parts :: account-header} reads: {@code account},
	 * {@code access}, {@code tab} (the current one), {@code sections}, and for an
	 * archived account whether the user may restore it ({@code canRestore}) or purge it
	 * ({@code canPurge}).
	 */
	public void header(Model model, AccountDetails account, String currentTab, CurrentUser user) {
		model.addAttribute("account", account);
		model.addAttribute("canRestore", account.archived() && rules.canRestore(user));
		model.addAttribute("canPurge", account.archived() && rules.canPurge(user));
		model.addAttribute("access", account.access());
		model.addAttribute("tab", currentTab);
		model.addAttribute("sections", visibleTo(account, user));
	}

	/** A tab of the account header. */
	public record Tab(String id, String label, String href) {
	}

}
