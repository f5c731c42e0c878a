package io.intime.qbr.deck;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.intime.qbr.QbrQuarter;
import io.intime.qbr.QuarterReview;
import io.intime.qbr.QuarterReview.Challenge;
import io.intime.qbr.QuarterReview.Count;
import io.intime.qbr.QuarterReview.HealthCard;
import io.intime.qbr.QuarterReview.Metric;
import io.intime.qbr.QuarterReview.Opportunity;
import io.intime.qbr.QuarterReview.Status;
import io.intime.qbr.QuarterReview.Story;
import io.intime.qbr.QuarterReview.YearToDate;
import io.intime.shared.Money;

/**
 * MegaBank's Q4 2026 review (spec 02, step 9): 18 placements (Engineering 12, Marketing
 * 3, Legal 2, Finance 1; Contract 14, Contract-to-hire 4), metrics against targets, two
 * challenges, three opportunities, health 94 from six components.
 */
final class DeckFixtures {

	static final QbrQuarter Q4_2026 = new QbrQuarter(2026, 4);

	private DeckFixtures() {
	}

	static List<Metric> metrics(boolean withNps) {
		List<Metric> metrics = new ArrayList<>();
		metrics.add(metric("placements", "Placements", "18", 18, "15 target", "15", "+20%", Status.MET));
		metrics.add(metric("timeToFill", "Time to fill (avg)", "12 days", 12, "14-day SLA", "15 days", "14% faster",
				Status.MET));
		metrics.add(metric("submissionsToHire", "Submissions to hire", "3.2:1", 3.2, "3.5:1 target", "4.1:1", null,
				Status.MET));
		metrics
			.add(metric("offerAcceptance", "Offer acceptance", "94%", 94, "90% target", "88%", "+4 pts", Status.MET));
		metrics.add(
				metric("placementSuccess", "Placement success", "93%", 93, "95% target", "96%", "-2 pts", Status.NEAR));
		metrics.add(
				metric("firstYearRetention", "First-year retention", "96%", 96, "95% target", "92%", null, Status.MET));
		if (withNps) {
			metrics.add(metric("nps", "Client satisfaction (NPS)", "9/10", 9, "8/10 target", "8/10", null, Status.MET));
		}
		else {
			metrics.add(new Metric("nps", "Client satisfaction (NPS)", null, null, "8/10 target", "8/10", null,
					Status.NONE, "no NPS response this quarter"));
		}
		metrics.add(metric("responsiveness", "Responsiveness", "4.6 hours", 4.6, "4-hour SLA", "3.1 hours",
				"15% slower", Status.MISSED));
		return metrics;
	}

	static Metric metric(String key, String label, String value, double number, String target, String previous,
			String comparison, Status status) {
		return new Metric(key, label, value, BigDecimal.valueOf(number), target, previous, comparison, status, null);
	}

	static QuarterReview review(boolean withNps) {
		List<String> missing = withNps ? List.of() : List.of("no NPS response this quarter");
		return new QuarterReview(42L, "MegaBank", "Strategic", Q4_2026, LocalDate.of(2026, 12, 31), metrics(withNps),
				new YearToDate(62, 51, 22, Money.of("2900000", "USD"), Money.of("2400000", "USD"), 21),
				List.of(new Count("Engineering", 12), new Count("Marketing", 3), new Count("Legal", 2),
						new Count("Finance", 1)),
				List.of(new Count("Contract", 14), new Count("Contract-to-hire", 4)), stories(), challenges(),
				opportunities(), health(), missing);
	}

	static List<Story> stories() {
		return List.of(new Story(501L, "Principal Engineer, Blockchain & RegTech", "Priya Raman",
				LocalDate.of(2026, 11, 3), 12, 21, true,
				"A niche profile with only about 50 qualified candidates nationwide. We found a passive candidate at a "
						+ "competitor, ran a five-day interview process and arranged her relocation from Austin. "
						+ "The hiring manager: \"Exceeded expectations in her first month.\" The team has since opened "
						+ "three more roles with us."),
				new Story(502L, "Senior Data Engineer", "Tom Okafor", LocalDate.of(2026, 10, 20), 9, 21, true, null));
	}

	static List<Challenge> challenges() {
		return List.of(
				new Challenge(71L, "UX Designer role: low candidate flow", "P2",
						"The rate was below market for the experience level required",
						"Rate raised from $75 to $85/hr; 4 qualified candidates submitted within a week",
						LocalDate.of(2026, 10, 28)),
				new Challenge(72L, "Slow interview process (18 days on average)", "P3",
						"Scheduling conflicts among the panel interviewers",
						"A streamlined two-stage process; interview-to-decision time is down to 9 days",
						LocalDate.of(2026, 11, 20)));
	}

	static List<Opportunity> opportunities() {
		return List.of(
				new Opportunity(91L, "Data Science team expansion", "PROPOSAL", Money.of("250000", "USD"),
						"New VP of Data expects 5–7 roles in January and February"),
				new Opportunity(92L, "Diversity hiring partnership", "QUALIFIED", Money.of("80000", "USD"),
						"Partner with NSBE, AnitaB.org and Code2040; launch January 15"),
				new Opportunity(93L, "Quarterly talent market briefings", "IDENTIFIED", Money.of("30000", "USD"),
						"A 30-minute monthly webinar on salaries and skills for hiring managers"));
	}

	static HealthCard health() {
		return new HealthCard(94, "Green", 88,
				List.of(new HealthCard.Component("Hiring velocity", 25, 25, "18 placements this quarter"),
						new HealthCard.Component("Payment promptness", 20, 20, "paid in 21 days on average"),
						new HealthCard.Component("NPS / satisfaction", 18, 20, "NPS 9 from the last survey"),
						new HealthCard.Component("Executive engagement", 15, 15, "monthly executive calls"),
						new HealthCard.Component("Expansion pipeline", 10, 10, "$360K open pipeline"),
						new HealthCard.Component("Issue frequency", 6, 10, "4 minor escalations, all resolved")));
	}

	static DeckContent content(boolean withNps) {
		return DeckContent
			.of(review(withNps), "Jordan Lee", "Account Manager", Instant.parse("2026-12-15T18:00:00Z"),
					ZoneId.of("America/Los_Angeles"), List.of("Sarah Johnson", "Mark Chen"))
			.withActionItems(List.of(
					new DeckContent.ActionItem("MegaBank (Sarah)", "Confirm Q1 hiring projections",
							LocalDate.of(2026, 12, 18)),
					new DeckContent.ActionItem("InTime (Jordan)", "Send Data Science recruiter profiles for review",
							LocalDate.of(2026, 12, 21)),
					new DeckContent.ActionItem("MegaBank (Sarah)", "Approve the diversity partnership budget", null),
					new DeckContent.ActionItem("InTime (Jordan)", "Schedule the January 15 market briefing webinar",
							LocalDate.of(2027, 1, 8))));
	}

	/** The quarter with no placements, stories, challenges or health: only metrics. */
	static QuarterReview sparse() {
		List<Metric> metrics = List.of(
				new Metric("placements", "Placements", null, null, "15 target", "15", null, Status.NONE,
						"no placements this quarter"),
				metric("responsiveness", "Responsiveness", "2.4 hours", 2.4, "4-hour SLA", "3.1 hours", "40% faster",
						Status.MET));
		return new QuarterReview(43L, "Quiet Co", "Standard", Q4_2026, LocalDate.of(2026, 12, 31), metrics,
				new YearToDate(0, 0, null, Money.of("0", "USD"), Money.of("0", "USD"), null), List.of(), List.of(),
				List.of(), List.of(), List.of(), new HealthCard(null, null, null, List.of()),
				List.of("no placements this quarter"));
	}

	/** A quarter with nothing at all to show. */
	static QuarterReview empty() {
		return new QuarterReview(44L, "Ghost Ltd", "Standard", Q4_2026, LocalDate.of(2026, 12, 31),
				List.of(new Metric("placements", "Placements", null, null, null, null, null, Status.NONE,
						"no placements this quarter")),
				null, List.of(), List.of(), List.of(), List.of(), List.of(), null,
				List.of("no placements this quarter", "no NPS response this quarter"));
	}

	/**
	 * A crowded quarter: a long account name, long texts, more departments, challenges,
	 * initiatives, topics and action items than the slides have room for.
	 */
	static DeckContent crowded() {
		QuarterReview base = review(false);
		List<Count> departments = new ArrayList<>();
		String[] names = { "Engineering", "Marketing", "Legal", "Finance", "Human Resources", "Operations",
				"Customer Success", "Data Science & Analytics", "Procurement", "Facilities" };
		for (int i = 0; i < names.length; i++) {
			departments.add(new Count(names[i], 20 - 2 * i));
		}
		String longNote = "The client needed a principal engineer with deep experience in both distributed ledgers and "
				+ "regulatory reporting, a combination that only a few dozen people in the country can offer. "
				+ "We mapped the market within two days, approached eleven passive candidates, shortlisted four and "
				+ "coordinated a compressed interview loop across three time zones. The candidate accepted within "
				+ "48 hours of the final interview, relocated from Austin, and started on the planned date. Within "
				+ "her first month she had redesigned the reconciliation pipeline, and the hiring manager has since "
				+ "asked us to staff the rest of the platform team, six more roles in the first half of the year, "
				+ "with the same approach and the same recruiter.";
		List<Story> stories = List.of(
				new Story(601L, "Principal Engineer for the Distributed Ledger and Regulatory Reporting Platform",
						"Priya Raman", LocalDate.of(2026, 11, 3), 12, 21, true, longNote),
				new Story(602L, "Senior Data Engineer", "Tom Okafor", LocalDate.of(2026, 10, 20), 9, 21, true, null),
				new Story(603L, "Staff Site Reliability Engineer for the Payments Infrastructure Team", "Ana Li",
						LocalDate.of(2026, 10, 2), 15, 21, false, null));
		List<Challenge> challenges = new ArrayList<>();
		for (int i = 1; i <= 5; i++) {
			challenges.add(new Challenge(80L + i,
					"Escalation " + i
							+ ": contractor onboarding delays across the Northern European operations centres",
					i == 1 ? "P1" : "P3",
					"Background checks for candidates in three countries took longer than the client's security team "
							+ "expected, because the vendor used for checks changed its process mid-quarter and "
							+ "nobody told the hiring managers about the new timelines",
					i == 2 ? null
							: "We moved checks to the start of the process, agreed a weekly status note with security "
									+ "and now share the expected start date with each hiring manager at offer time",
					i == 3 ? null : LocalDate.of(2026, 11, i)));
		}
		QuarterReview review = new QuarterReview(base.accountId(),
				"Global Consolidated Financial Services Holdings International", base.tier(), base.quarter(),
				base.asOf(), base.metrics(), base.yearToDate(), departments, base.byRoleType(), stories, challenges,
				base.opportunities(), base.health(), base.missing());
		List<DeckContent.Initiative> initiatives = new ArrayList<>();
		for (int i = 1; i <= 4; i++) {
			initiatives.add(new DeckContent.Initiative(
					"Initiative " + i + ": a dedicated recruiting pod for the data "
							+ "science and machine learning platform organization",
					List.of("New VP of Data expects five to seven roles in January and February, with more in spring",
							"Requires one dedicated recruiter with data science and machine learning expertise",
							"Weekly pipeline reviews with the hiring managers and a shared scorecard",
							"Quarterly market briefings on salaries and skills"),
					"Revenue potential: $200K–$300K additional revenue per quarter",
					"Approve the expansion and the budget for a dedicated recruiter before the end of January"));
		}
		List<String> topics = List.of("Q1 2027 hiring forecast: confirm projected volumes for every division",
				"Data Science expansion: timeline, requirements and the budget for a dedicated recruiter",
				"Diversity partnership: budget allocation and the launch on January 15",
				"Background checks: the new process with the security team",
				"Any concerns or feedback on current service delivery", "Renewal terms for 2027",
				"Next QBR date and attendees", "Quarterly talent market briefings: format and audience",
				"Invoice consolidation across divisions");
		List<DeckContent.ActionItem> actions = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			actions.add(new DeckContent.ActionItem(i % 2 == 0 ? "InTime (Jordan)" : "Global Consolidated (Sarah)",
					"Confirm the hiring projections for every division and share them with the recruiting team "
							+ "before the planning meeting",
					LocalDate.of(2026, 12, 10 + i)));
		}
		return new DeckContent(review, "InTime", "Jordan Alexander Lee-Richardson", "Senior Strategic Account Manager",
				LocalDate.of(2026, 12, 15), null, java.time.ZoneId.of("Europe/London"),
				List.of("Sarah Johnson", "Mark Chen", "Anita Gupta", "Robert Williams", "Maria Fernandez"), initiatives,
				topics, actions);
	}

}
