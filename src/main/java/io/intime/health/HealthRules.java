package io.intime.health;

import java.util.EnumSet;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.billing.InvoiceManagement;
import io.intime.engagement.ActivityManagement;
import io.intime.escalations.EscalationManagement;
import io.intime.health.Citations.Source;
import io.intime.health.alerts.AlertRule;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.revenue.OpportunityManagement;
import io.intime.staffing.JobManagement;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees and acts on account health (spec 03: "Client Health Scores ✅ view assigned,
 * create, edit assigned, no delete" for account managers):
 * <ul>
 * <li>an account's health (score, page, history, alerts) is seen by whoever may see it on
 * the account ({@link io.intime.accounts.AccountAccess#viewHealth()}: account managers at
 * the accounts they own only, everyone else who sees the account);</li>
 * <li>it is recomputed on request by executives, sales directors, admins and the
 * account's own manager; every account at once by admins only;</li>
 * <li>the health model and the alert thresholds are changed by admins only;</li>
 * <li>an alert is acknowledged or resolved by the people it is for, executives, sales
 * directors and admins; finance reads and acts on the overdue-invoice alerts of every
 * account ({@link #followedRules});</li>
 * <li>what health's sentences cite of other modules' records (an invoice's number, an
 * opportunity's value, an escalation's title) each module's own rules decide
 * ({@link #citable}).</li>
 * </ul>
 */
@Component
public class HealthRules {

	/** Who acts on any alert, besides the people it is for. */
	public static final Set<Role> OVERSEERS = Set.of(Role.EXECUTIVE, Role.SALES_DIRECTOR, Role.ADMIN);

	private final JobManagement jobs;

	private final InvoiceManagement invoices;

	private final ActivityManagement activities;

	private final EscalationManagement escalations;

	private final OpportunityManagement opportunities;

	HealthRules(JobManagement jobs, InvoiceManagement invoices, ActivityManagement activities,
			EscalationManagement escalations, OpportunityManagement opportunities) {
		this.jobs = jobs;
		this.invoices = invoices;
		this.activities = activities;
		this.escalations = escalations;
		this.opportunities = opportunities;
	}

	public boolean canView(AccountDetails account, CurrentUser user) {
		return account.access().viewHealth();
	}

	/**
	 * @throws AccessDeniedException when the user may not see the account's health
	 */
	public void requireView(AccountDetails account, CurrentUser user) {
		require(canView(account, user), "Account managers see the health of the accounts they own only");
	}

	public boolean canRecompute(AccountDetails account, CurrentUser user) {
		return canView(account, user) && (user.seesEverything() || user.hasRole(Role.ACCOUNT_MANAGER));
	}

	public boolean canRecomputeAll(CurrentUser user) {
		return user.hasRole(Role.ADMIN);
	}

	public boolean canActOnAlert(Set<Long> recipientIds, CurrentUser user) {
		return recipientIds.contains(user.id()) || OVERSEERS.contains(user.role());
	}

	/**
	 * Whether the user acts on an alert of this rule: as
	 * {@link #canActOnAlert(Set, CurrentUser)}, and on the rules the user follows
	 * ({@link #followedRules}).
	 */
	public boolean canActOnAlert(Set<Long> recipientIds, AlertRule rule, CurrentUser user) {
		return canActOnAlert(recipientIds, user) || followedRules(user).contains(rule);
	}

	/**
	 * The alerts a user reads on every account besides those addressed to them: finance
	 * follows the overdue invoices of every account (it sees every account's invoices and
	 * collects them), so its alerts page lists those alerts and it acknowledges and
	 * resolves them.
	 */
	public Set<AlertRule> followedRules(CurrentUser user) {
		return user.hasRole(Role.FINANCE) ? EnumSet.of(AlertRule.INVOICE_OVERDUE) : EnumSet.noneOf(AlertRule.class);
	}

	/**
	 * The modules whose records of this account the user may see, for the details
	 * health's sentences cite.
	 */
	public Set<Source> citable(AccountDetails account, CurrentUser user) {
		Set<Source> visible = EnumSet.noneOf(Source.class);
		if (jobs.canView(account, user)) {
			visible.add(Source.STAFFING);
		}
		if (invoices.access(account, user).view()) {
			visible.add(Source.BILLING);
		}
		if (activities.canView(account, user)) {
			visible.add(Source.ENGAGEMENT);
		}
		if (escalations.canView(account, user)) {
			visible.add(Source.ESCALATIONS);
		}
		if (opportunities.access(account, user).view()) {
			visible.add(Source.REVENUE);
		}
		return visible;
	}

	public static void require(boolean allowed, String message) {
		if (!allowed) {
			throw new AccessDeniedException(message);
		}
	}

}
