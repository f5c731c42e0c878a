package io.intime.health.web;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The health page's key risk factors and recommended actions, each made by an explicit
 * rule from the account's facts (no guessing, no model behind it): a rule states when it
 * applies, what it says with the figures, and what to do — with the link that does it.
 */
public final class HealthAdvice {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	private HealthAdvice() {
	}

	/**
	 * A risk: {@code level} HIGH or MEDIUM, the sentence, and the page with the evidence.
	 */
	public record Risk(String level, String text, String href) {
	}

	/** An action: priority HIGH/MEDIUM/LOW, what and why, and the button that does it. */
	public record Action(String priority, String text, String why, String button, String href) {
	}

	public static List<Risk> risks(HealthSnapshot s, int touchpointDays) {
		List<Risk> risks = new ArrayList<>();
		String account = "/accounts/" + s.accountId();
		if (s.openJobs() != null && s.openJobs() == 0) {
			risks.add(new Risk("HIGH",
					"No open jobs" + (s.lastHireDate() == null ? ""
							: " — last hire " + DAY.format(s.lastHireDate())
									+ (s.lastHireTitle() == null ? "" : " (" + s.lastHireTitle() + ")") + ", "
									+ days(s, s.lastHireDate()) + " days ago"),
					account + "/jobs"));
		}
		if (s.falloffs60() != null && s.falloffs60() >= 2) {
			risks.add(new Risk("HIGH", s.falloffs60() + " placements fell off in the last 60 days", account + "/jobs"));
		}
		if (s.latestNpsScore() != null && s.latestNpsScore() <= 6) {
			risks.add(new Risk(s.latestNpsScore() <= 4 ? "HIGH" : "MEDIUM",
					"Recent NPS score: " + s.latestNpsScore() + "/10 (detractor)"
							+ (s.latestNpsDate() == null ? "" : " — survey " + DAY.format(s.latestNpsDate()))
							+ (s.latestNpsComment() == null || s.latestNpsComment().isBlank() ? ""
									: ": “" + s.latestNpsComment() + "”"),
					account + "/activities#nps"));
		}
		if (s.accountNps() != null && s.accountNpsPrevious() != null && s.accountNpsPrevious() - s.accountNps() >= 20) {
			risks.add(new Risk("HIGH", "NPS fell from " + s.accountNpsPrevious() + " to " + s.accountNps()
					+ " (last 90 days against the 90 before)", account + "/activities#nps"));
		}
		if (s.unansweredEmails() != null && s.unansweredEmails() >= 2 && s.unresponsiveContactName() != null) {
			risks
				.add(new Risk("HIGH", s.unresponsiveContactName() + " has not answered the last " + s.unansweredEmails()
						+ " emails: no reply, call or meeting with them since", account + "/activities"));
		}
		if (s.escalations90() != null && s.escalations90() > 0) {
			boolean surge = s.escalations30() != null && s.escalations30() >= 3;
			int open = s.openEscalations() == null ? 0 : s.openEscalations();
			risks.add(new Risk(surge || open > 0 ? "HIGH" : "MEDIUM",
					(surge ? s.escalations30() + " escalations in the last 30 days"
							: s.escalations90() + (s.escalations90() == 1 ? " escalation" : " escalations")
									+ " in the last 90 days")
							+ (open > 0 ? ", " + open + " still open" : ", all resolved")
							+ (s.lastEscalationTitle() == null ? "" : " — latest: " + s.lastEscalationTitle()),
					account + "/escalations"));
		}
		if (s.maxDaysOverdue() != null && s.maxDaysOverdue() >= 30) {
			risks.add(new Risk(s.maxDaysOverdue() >= 45 ? "HIGH" : "MEDIUM",
					(s.overdueInvoice() == null ? "An invoice " : "Invoice " + s.overdueInvoice() + " ") + "is "
							+ s.maxDaysOverdue() + " days overdue",
					account + "/invoices" + (s.overdueInvoiceId() == null ? "" : "#invoice-" + s.overdueInvoiceId())));
		}
		Integer sinceTouchpoint = s.lastExecutiveTouchpoint() == null ? null : days(s, s.lastExecutiveTouchpoint());
		if (sinceTouchpoint == null ? s.executiveTouchpoints90() != null : sinceTouchpoint >= touchpointDays) {
			risks.add(new Risk(s.strategic() ? "HIGH" : "MEDIUM", sinceTouchpoint == null
					? "No executive call or meeting on record"
					: "Last executive call or meeting " + sinceTouchpoint + " days ago ("
							+ DAY.format(s.lastExecutiveTouchpoint()) + "); " + (s.strategic() ? "strategic" : "other")
							+ " accounts need one every " + touchpointDays + " days",
					account + "/activities"));
		}
		risks.sort(Comparator.comparing(risk -> risk.level().equals("HIGH") ? 0 : 1));
		return risks;
	}

	public static List<Action> actions(HealthSnapshot s, int touchpointDays) {
		List<Action> actions = new ArrayList<>();
		long id = s.accountId();
		Optional<HealthSnapshot.Person> unresponsive = s.contacts()
			.stream()
			.filter(p -> s.unresponsiveContactId() != null && p.id() == s.unresponsiveContactId())
			.findFirst();
		boolean detractor = s.latestNpsScore() != null && s.latestNpsScore() <= 6;
		boolean silent = s.unansweredEmails() != null && s.unansweredEmails() >= 2;
		if (silent || detractor) {
			Optional<HealthSnapshot.Person> who = unresponsive.isPresent() ? unresponsive : champion(s);
			actions
				.add(new Action("HIGH",
						"Schedule an emergency check-in call" + who.map(p -> " with " + p.name()).orElse(""),
						silent ? s.unansweredEmails() + " emails without an answer"
								: "NPS " + s.latestNpsScore() + "/10",
						"Schedule call",
						activity(id, "CALL", who.map(HealthSnapshot.Person::id).orElse(null), "Check-in call", true)));
		}
		if (s.escalations90() != null && s.escalations90() > 0) {
			boolean pressing = s.escalations90() >= 2 || s.openEscalations() != null && s.openEscalations() > 0;
			actions.add(new Action(pressing ? "HIGH" : "MEDIUM",
					"Review the last " + (s.escalations90() == 1 ? "escalation" : s.escalations90() + " escalations")
							+ " — identify the root cause",
					s.escalations90() + " in 90 days", "View escalations", "/accounts/" + id + "/escalations"));
		}
		if (silent) {
			s.contacts()
				.stream()
				.filter(HealthSnapshot.Person::active)
				.filter(p -> s.unresponsiveContactId() == null || p.id() != s.unresponsiveContactId())
				.filter(p -> p.role().equals("EXECUTIVE") || p.role().equals("ECONOMIC_BUYER")
						|| p.role().equals("CHAMPION"))
				.findFirst()
				.ifPresent(p -> actions.add(new Action("HIGH",
						"Reach out to a secondary contact (" + p.name() + (p.title() == null ? "" : ", " + p.title())
								+ ")",
						s.unresponsiveContactName() + " is not answering", "Draft email",
						activity(id, "EMAIL", p.id(), "Checking in", false))));
		}
		if (s.openJobs() != null && s.openJobs() == 0) {
			actions.add(new Action("HIGH", "Review hiring plans — understand what changed in their business",
					"no open jobs", "View account notes", "/accounts/" + id + "/activities"));
		}
		if (s.maxDaysOverdue() != null && s.maxDaysOverdue() >= 30) {
			Optional<HealthSnapshot.Person> finance = s.contacts()
				.stream()
				.filter(HealthSnapshot.Person::active)
				.filter(p -> p.role().equals("FINANCE") || p.role().equals("ECONOMIC_BUYER"))
				.findFirst();
			actions.add(new Action(s.maxDaysOverdue() >= 45 ? "HIGH" : "MEDIUM",
					"Call " + finance.map(p -> p.name() + (p.title() == null ? "" : " (" + p.title() + ")"))
						.orElse("their finance contact") + " about "
							+ (s.overdueInvoice() == null ? "the overdue invoice" : "invoice " + s.overdueInvoice()),
					s.maxDaysOverdue() + " days overdue", "Log call",
					activity(id, "CALL", finance.map(HealthSnapshot.Person::id).orElse(null),
							"Payment of " + (s.overdueInvoice() == null ? "overdue invoice" : s.overdueInvoice()),
							false)));
		}
		Integer sinceTouchpoint = s.lastExecutiveTouchpoint() == null ? null : days(s, s.lastExecutiveTouchpoint());
		if (sinceTouchpoint != null && sinceTouchpoint >= touchpointDays || sinceTouchpoint == null && s.strategic()) {
			Optional<HealthSnapshot.Person> executive = s.contacts()
				.stream()
				.filter(HealthSnapshot.Person::active)
				.filter(p -> p.role().equals("EXECUTIVE"))
				.findFirst();
			actions.add(new Action(s.strategic() ? "HIGH" : "MEDIUM",
					"Schedule an executive call" + (s.sponsorName() == null ? "" : " (" + s.sponsorName())
							+ executive.map(p -> (s.sponsorName() == null ? " (with " : " with ") + p.name() + ")")
								.orElse(s.sponsorName() == null ? "" : ")"),
					sinceTouchpoint == null ? "none on record" : "last one " + sinceTouchpoint + " days ago",
					"Schedule call", activity(id, "MEETING", executive.map(HealthSnapshot.Person::id).orElse(null),
							"Executive sponsor call", true)));
		}
		if (s.falloffs60() != null && s.falloffs60() >= 2) {
			actions.add(new Action("MEDIUM", "Put a top-performing recruiter on the account's open jobs",
					s.falloffs60() + " falloffs in 60 days", "View jobs", "/accounts/" + id + "/jobs"));
		}
		if (s.latestNpsScore() == null) {
			actions.add(new Action("MEDIUM", "Ask for an NPS response — the score has no satisfaction input",
					"no response in 180 days", "Record NPS", "/accounts/" + id + "/activities#nps"));
		}
		if (s.openOpportunities() != null && s.openOpportunities() == 0) {
			actions.add(new Action("LOW", "Look for an expansion opportunity at the next check-in",
					"no open opportunity", "View expansion", "/accounts/" + id + "/opportunities"));
		}
		return actions;
	}

	private static Optional<HealthSnapshot.Person> champion(HealthSnapshot s) {
		return s.contacts()
			.stream()
			.filter(HealthSnapshot.Person::active)
			.filter(p -> p.role().equals("CHAMPION") || p.role().equals("EXECUTIVE"))
			.findFirst();
	}

	private static String activity(long accountId, String type, Long contactId, String subject, boolean planned) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/accounts/{id}/activities/new")
			.queryParam("type", type);
		if (contactId != null) {
			url.queryParam("contactId", contactId);
		}
		url.queryParam("subject", subject);
		if (planned) {
			url.queryParam("planned", "true");
		}
		return url.buildAndExpand(accountId).encode().toUriString();
	}

	private static int days(HealthSnapshot s, java.time.LocalDate date) {
		return (int) ChronoUnit.DAYS.between(date, s.today());
	}

}
