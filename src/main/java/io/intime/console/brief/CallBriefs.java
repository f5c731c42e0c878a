package io.intime.console.brief;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.StakeholderRole;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceSummary;
import io.intime.billing.InvoiceView;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationView;
import io.intime.identity.CurrentUser;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityView;
import io.intime.shared.Today;
import io.intime.staffing.JobManagement;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementManagement;
import io.intime.staffing.PlacementView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call brief of an account (spec 02 step 5, "pre-call prep"): background, open
 * issues, payment history, hiring, talking points from {@link CallBriefRules} and the
 * reader's authority limits. Each module's part is shown only when its rules let the
 * reader see it (a recruiter gets no invoices, an account manager only their own
 * accounts' engagement).
 */
@Service
class CallBriefs {

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final InvoiceManagement invoices;

	private final EscalationManagement escalations;

	private final JobManagement jobs;

	private final PlacementManagement placements;

	private final OpportunityManagement opportunities;

	private final AuthorityLimits limits;

	private final io.intime.engagement.ActivityManagement activities;

	private final Today time;

	CallBriefs(AccountManagement accounts, ContactManagement contacts, InvoiceManagement invoices,
			EscalationManagement escalations, JobManagement jobs, PlacementManagement placements,
			OpportunityManagement opportunities, AuthorityLimits limits,
			io.intime.engagement.ActivityManagement activities, Today time) {
		this.activities = activities;

		this.accounts = accounts;
		this.contacts = contacts;
		this.invoices = invoices;
		this.escalations = escalations;
		this.jobs = jobs;
		this.placements = placements;
		this.opportunities = opportunities;
		this.limits = limits;
		this.time = time;
	}

	/**
	 * @param invoices null when the reader may not see them
	 * @param payment null when the reader may not see invoices
	 */
	record Brief(AccountDetails account, String topic, List<ContactView> keyContacts, List<InvoiceView> invoices,
			InvoiceSummary payment, List<EscalationView> openEscalations, List<JobView> openJobs,
			List<PlacementView> recentPlacements, List<OpportunityView> opportunities,
			List<CallBriefRules.TalkingPoint> talkingPoints, AuthorityLimits.Limits authority) {
	}

	@Transactional(readOnly = true)
	Brief of(long accountId, String topic, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		LocalDate today = time.today(user.timeZone());
		boolean seesInvoices = invoices.access(account, user).view();
		List<InvoiceView> bills = seesInvoices ? invoices.forAccount(accountId, user).stream().limit(6).toList() : null;
		// who to talk to first: finance when money is overdue, else the contact the
		// relationship runs through (engagement knows), then by role
		boolean moneyOverdue = bills != null && bills.stream().anyMatch(InvoiceView::overdue);
		Long primary = activities.canView(account, user) ? activities.primaryContact(accountId, user).orElse(null)
				: null;
		List<ContactView> people = contacts.forAccount(accountId, user)
			.stream()
			.filter(ContactView::active)
			.sorted(Comparator
				.comparing((ContactView c) -> moneyOverdue && c.stakeholderRole() == StakeholderRole.FINANCE ? 0
						: java.util.Objects.equals(c.id(), primary) ? 1 : 2)
				.thenComparing(c -> c.stakeholderRole() == null ? 9 : c.stakeholderRole().ordinal()))
			.limit(4)
			.toList();
		InvoiceSummary payment = seesInvoices ? invoices.summary(accountId, user) : null;
		List<EscalationView> open = escalations.openOrEndedSince(List.of(accountId), time.now(), user)
			.stream()
			.filter(e -> !e.status().ended())
			.toList();
		List<JobView> openJobs = List.of();
		List<PlacementView> recent = List.of();
		if (jobs.canView(account, user)) {
			openJobs = jobs.forAccount(accountId, user).stream().filter(j -> j.status() == JobStatus.OPEN).toList();
			recent = placements.forAccount(accountId, user).stream().limit(3).toList();
		}
		List<OpportunityView> pipeline = opportunities.access(account, user).view()
				? opportunities.forAccount(accountId, user).stream().filter(OpportunityView::open).toList() : List.of();
		BigDecimal averageDays = payment == null ? null : payment.averageDaysToPay();
		List<CallBriefRules.TalkingPoint> points = CallBriefRules
			.points(new CallBriefRules.Facts(account.name(), account.healthScore(), account.healthBand(),
					bills == null ? List.of() : bills, averageDays, open, openJobs, recent, pipeline, today));
		return new Brief(account, topic, people, bills, payment, open, openJobs, recent, pipeline, points,
				limits.of(user.role().name()));
	}

}
