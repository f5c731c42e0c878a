package io.intime.automation.onboarding;

import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.ContractView;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceSummary;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityTally;
import io.intime.engagement.ActivityType;
import io.intime.engagement.EngagementFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.engagement.Party;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationView;
import io.intime.health.HealthReport;
import io.intime.health.HealthScores;
import io.intime.identity.CurrentUser;
import io.intime.shared.Money;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.database.AccountScope;
import io.intime.staffing.HiringFacts;
import io.intime.staffing.JobManagement;
import io.intime.staffing.StaffingFacts;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Step 15: the month's account health report as a PDF kept with the step: the health
 * score with its components and what would raise it; engagement (activities of the last
 * 30 days, the last contact, executive touchpoints, NPS); usage of the firm's services
 * (open jobs, placements, time to fill, falloffs); billing (days to pay, unpaid and
 * overdue invoices); the contracts in force and the escalations of the year. A part the
 * run's owner may not see is left out with a sentence saying so, as the pages do.
 */
@Component
class MonthlyHealthReport implements WorkflowAction {

	static final String KEY = "onboarding.health-report";

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private final OnboardingRecords records;

	private final HealthScores health;

	private final ActivityManagement activities;

	private final EngagementFacts engagement;

	private final JobManagement jobs;

	private final StaffingFacts staffing;

	private final InvoiceManagement invoices;

	private final EscalationManagement escalations;

	private final HealthReportDocument document;

	MonthlyHealthReport(OnboardingRecords records, HealthScores health, ActivityManagement activities,
			EngagementFacts engagement, JobManagement jobs, StaffingFacts staffing, InvoiceManagement invoices,
			EscalationManagement escalations, HealthReportDocument document) {
		this.records = records;
		this.health = health;
		this.activities = activities;
		this.engagement = engagement;
		this.jobs = jobs;
		this.staffing = staffing;
		this.invoices = invoices;
		this.escalations = escalations;
		this.document = document;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Write the monthly health report (PDF)";
	}

	@Override
	@Transactional
	public ActionResult run(ActionContext context) {
		HealthReportView report = report(context);
		HealthReportDocument.Rendered pdf = document.render(report);
		AccountDetails account = records.account(context);
		String filename = "health-report-" + account.key() + "-" + records.today().toString().substring(0, 7) + ".pdf";
		return ActionResult
			.of("Health report PDF (" + OnboardingRecords.count(pdf.pages(), "page") + ", "
					+ (pdf.bytes().length + 1023) / 1024 + " KB) for " + report.month() + ": " + filename)
			.with("filename", filename)
			.with("pages", pdf.pages())
			.withFile(filename, "application/pdf", pdf.bytes());
	}

	/** What the report shows, read now. */
	HealthReportView report(ActionContext context) {
		CurrentUser user = context.actingAs();
		AccountDetails account = records.account(context);
		LocalDate today = records.today();
		AccountScope scope = AccountScope.of(List.of(account.id()));
		String manager = account.ownerName() != null ? account.ownerName() : "none assigned";
		List<String> line = new ArrayList<>();
		line.add(account.key());
		line.add(account.status().name().charAt(0) + account.status().name().substring(1).toLowerCase(Locale.ROOT));
		line.add(account.tier().label() + " tier");
		if (account.industry() != null && !account.industry().isBlank()) {
			line.add(account.industry());
		}
		line.add("ARR " + OnboardingRecords.money(account.arr()));

		Integer score = null;
		String band = "Not scored";
		String bandClass = "none";
		String scoreNote;
		List<HealthReportView.ComponentRow> components = new ArrayList<>();
		List<String> moves = new ArrayList<>();
		if (!account.access().viewHealth()) {
			scoreNote = "The run's owner may not see this account's health.";
		}
		else {
			HealthReport h = health.current(account.id(), user);
			if (h == null) {
				scoreNote = "The account has not been scored yet.";
			}
			else {
				score = h.score();
				band = CalculateHealthScore.words(h.band());
				bandClass = h.band().name().toLowerCase(Locale.ROOT);
				scoreNote = "Scored as of " + DAY.format(h.asOf()) + " with health model v" + h.modelVersion()
						+ ". Healthy from " + h.greenFrom() + ", at risk from " + h.yellowFrom() + "."
						+ (h.measuredMaximum() < 100 ? " Inputs without data are left out: " + h.measuredMaximum()
								+ " of 100 points were measured and the total is scaled to 100." : "");
				for (HealthReport.Component c : h.components()) {
					components.add(new HealthReportView.ComponentRow(c.label(),
							c.missing() ? "No data" : c.points() + " / " + c.maximum(), c.missing() ? 0 : c.percent(),
							c.missing(), c.explanation()));
				}
				h.moves()
					.stream()
					.limit(3)
					.forEach(m -> moves.add(capitalized(m.change()) + ": +" + m.gain() + " points, to " + m.newTotal()
							+ (m.bandChanges() ? " (" + CalculateHealthScore.words(m.newBand()) + ")" : "")));
			}
		}

		List<HealthReportView.Section> sections = new ArrayList<>();
		sections.add(engagementSection(account, user, today, scope));
		sections.add(usageSection(account, user, today, scope));
		sections.add(billingSection(account, user));

		List<HealthReportView.ContractRow> contracts = new ArrayList<>();
		if (account.access().viewContracts()) {
			for (ContractView c : records.activeContracts(context)) {
				long days = c.daysToEnd(today);
				contracts.add(new HealthReportView.ContractRow(c.number(), c.status().name(),
						DAY.format(c.startDate()) + " – " + DAY.format(c.endDate()), OnboardingRecords.money(c.arr()),
						days < 0 ? "ended" : "in " + OnboardingRecords.days(days)));
			}
		}

		String escalationSummary;
		List<HealthReportView.EscalationRow> escalationRows = new ArrayList<>();
		if (!escalations.canView(account, user)) {
			escalationSummary = "The run's owner may not see this account's escalations.";
		}
		else {
			List<EscalationView> year = new ArrayList<>();
			for (int page = 0;; page++) {
				PageResult<EscalationView> found = escalations.search(account.id(), null,
						new PageRequest(page, PageRequest.MAX_SIZE), user);
				found.items().stream().filter(e -> records.within(e.raisedAt(), 365)).forEach(year::add);
				if (!found.hasNext()) {
					break;
				}
			}
			year.sort(Comparator.comparing(EscalationView::raisedAt).reversed());
			long open = year.stream().filter(EscalationView::open).count();
			escalationSummary = year.isEmpty() ? "No escalation in the last 12 months."
					: OnboardingRecords.count(year.size(), "escalation") + " in the last 12 months, " + open + " open.";
			for (EscalationView e : year) {
				escalationRows.add(new HealthReportView.EscalationRow(e.key(), e.severity().name(), e.status().label(),
						e.title(), DAY.format(LocalDate.ofInstant(e.raisedAt(), records.zone(account)))));
			}
		}

		return new HealthReportView(account.name(), String.join(" · ", line), MONTH.format(today), DAY.format(today),
				manager, score, band, bandClass, scoreNote, components, moves, sections, contracts, escalationSummary,
				escalationRows);
	}

	private HealthReportView.Section engagementSection(AccountDetails account, CurrentUser user, LocalDate today,
			AccountScope scope) {
		List<HealthReportView.Metric> metrics = new ArrayList<>();
		if (!activities.canView(account, user)) {
			metrics.add(new HealthReportView.Metric("Engagement", "–", "The run's owner may not see it."));
			return new HealthReportView.Section("Engagement", metrics);
		}
		ActivityTally month = activities.tallyBetween(List.of(account.id()), records.now().minus(Duration.ofDays(30)),
				records.now().plusSeconds(1), user);
		List<String> byType = new ArrayList<>();
		for (ActivityType type : ActivityType.values()) {
			byType.add(month.of(type) + " " + type.label().toLowerCase(Locale.ROOT) + (month.of(type) == 1 ? "" : "s"));
		}
		metrics.add(new HealthReportView.Metric("Activities, last 30 days", String.valueOf(month.total()),
				String.join(" · ", byType)));
		Optional<OnboardingRecords.LastContact> last = records.lastContact(account, user);
		metrics.add(last
			.map(c -> new HealthReportView.Metric("Last contact",
					c.daysAgo() == 0 ? "Today" : OnboardingRecords.days(c.daysAgo()) + " ago",
					DAY.format(c.day()) + ", " + c.kind()
							+ c.activity()
								.contacts()
								.stream()
								.map(Party::name)
								.reduce((a, b) -> a + ", " + b)
								.map(n -> " with " + n)
								.orElse("")))
			.orElseGet(() -> new HealthReportView.Metric("Last contact", "None", "No call, email or meeting yet")));
		ExecutiveFacts executive = engagement.executive(today, 90, scope).get(account.id());
		metrics.add(new HealthReportView.Metric("Executive touchpoints, 90 days",
				executive == null ? "0" : String.valueOf(executive.touchpoints()),
				executive == null || executive.lastTouchpoint() == null ? "None on record"
						: "Last on " + DAY.format(executive.lastTouchpoint())));
		metrics.add(new HealthReportView.Metric("Contacts engaged, 90 days",
				executive == null ? "0" : String.valueOf(executive.contactsEngaged()),
				executive != null && executive.unansweredEmails() > 0
						? executive.unansweredEmails() + " emails to one contact unanswered"
						: "Who took part in any activity"));
		NpsFacts nps = engagement.nps(today, 180, scope).get(account.id());
		if (nps == null || nps.responses() == 0) {
			metrics.add(new HealthReportView.Metric("NPS", "No data", "No survey response in the last 180 days"));
		}
		else {
			String latest = nps.latestScore() == null ? ""
					: "; latest " + nps.latestScore() + " on " + DAY.format(nps.latestDate())
							+ (nps.latestComment() == null || nps.latestComment().isBlank() ? ""
									: ": \u201c" + nps.latestComment() + "\u201d");
			metrics.add(new HealthReportView.Metric("NPS, 90 days",
					nps.accountNps() == null ? "No data" : (nps.accountNps() > 0 ? "+" : "") + nps.accountNps(),
					OnboardingRecords.count(nps.responses(), "response") + " in 180 days, average "
							+ nps.averageScore().stripTrailingZeros().toPlainString() + " / 10" + latest));
		}
		return new HealthReportView.Section("Engagement", metrics);
	}

	private HealthReportView.Section usageSection(AccountDetails account, CurrentUser user, LocalDate today,
			AccountScope scope) {
		List<HealthReportView.Metric> metrics = new ArrayList<>();
		if (!jobs.canView(account, user)) {
			metrics.add(new HealthReportView.Metric("Staffing", "–", "The run's owner may not see it."));
			return new HealthReportView.Section("Usage: staffing", metrics);
		}
		HiringFacts hiring = staffing.hiring(today, 90, 365, scope).get(account.id());
		if (hiring == null) {
			metrics.add(new HealthReportView.Metric("Open jobs", "0", "No job opened yet"));
			metrics.add(new HealthReportView.Metric("Placements, 90 days", "0", "No placement yet"));
			metrics.add(new HealthReportView.Metric("Time to fill, 365 days", "No data", "No job filled yet"));
			return new HealthReportView.Section("Usage: staffing", metrics);
		}
		metrics.add(
				new HealthReportView.Metric("Open jobs", String.valueOf(hiring.openJobs()), "Open today, not on hold"));
		metrics.add(new HealthReportView.Metric("Placements, 90 days", String.valueOf(hiring.hires()),
				hiring.lastHireDate() == null ? "No placement yet" : "Last started " + DAY.format(hiring.lastHireDate())
						+ (hiring.lastHireTitle() == null ? "" : ": " + hiring.lastHireTitle())));
		metrics.add(new HealthReportView.Metric("Time to fill, 365 days",
				hiring.averageDaysToFill() == null ? "No data"
						: OnboardingRecords
							.days(hiring.averageDaysToFill().setScale(0, RoundingMode.HALF_UP).longValue()),
				hiring.averageDaysToFill() == null ? "No job filled in the year" : "Average over the jobs filled"));
		metrics.add(new HealthReportView.Metric("Falloffs, 60 days", String.valueOf(hiring.falloffs60()),
				hiring.falloffs60() == 0 ? "Every placement stayed" : "Placements that ended early"));
		return new HealthReportView.Section("Usage: staffing", metrics);
	}

	private HealthReportView.Section billingSection(AccountDetails account, CurrentUser user) {
		List<HealthReportView.Metric> metrics = new ArrayList<>();
		if (!invoices.access(account, user).view()) {
			metrics.add(new HealthReportView.Metric("Billing", "–", "The run's owner may not see invoices."));
			return new HealthReportView.Section("Billing", metrics);
		}
		InvoiceSummary billing = invoices.summary(account.id(), user);
		metrics.add(new HealthReportView.Metric("Average days to pay",
				billing.averageDaysToPay() == null ? "No data"
						: OnboardingRecords
							.days(billing.averageDaysToPay().setScale(0, RoundingMode.HALF_UP).longValue()),
				billing.averageDaysToPay() == null ? "No invoice paid or due in the last 365 days" : "Over "
						+ OnboardingRecords.count(billing.invoicesMeasured(), "invoice") + " of the last 365 days"));
		metrics.add(new HealthReportView.Metric("Unpaid", amounts(billing.unpaid()),
				OnboardingRecords.count(billing.unpaidCount(), "invoice") + " open, overdue or disputed"));
		metrics.add(new HealthReportView.Metric("Overdue", amounts(billing.overdue()),
				billing.overdueCount() == 0 ? "Nothing past due"
						: OnboardingRecords.count(billing.overdueCount(), "invoice") + "; the oldest "
								+ OnboardingRecords.days(billing.maxDaysOverdue()) + " past due"
								+ (billing.writtenOff() ? "; one written off this year" : "")));
		return new HealthReportView.Section("Billing", metrics);
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static String amounts(List<Money> amounts) {
		if (amounts.isEmpty() || amounts.stream().allMatch(m -> m.amount().signum() == 0)) {
			return "None";
		}
		return String.join(" + ", amounts.stream().map(OnboardingRecords::money).toList());
	}

}
