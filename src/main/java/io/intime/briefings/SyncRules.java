package io.intime.briefings;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.accounts.AccountSummary;
import io.intime.accounts.HealthBand;
import io.intime.escalations.EscalationView;
import io.intime.revenue.OpportunityView;
import io.intime.shared.MoneyFormat;
import io.intime.staffing.JobPriority;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementView;

/**
 * The explicit rules that turn an account's recruiting facts into the points of the
 * weekly sync prep sheet and the actions to agree with its recruiter. Each action names
 * the rule that made it, so the sheet explains itself. Pure: the facts come in, the sheet
 * goes out.
 */
final class SyncRules {

	/** High or urgent roles open longer than this ask for a sourcing review. */
	static final int AGING_DAYS = 45;

	/** This many new roles in a week raise the question of the recruiter's capacity. */
	static final int CAPACITY_QUESTION = 3;

	private SyncRules() {
	}

	/** The facts of one account for the sync. */
	record AccountFacts(AccountSummary account, List<JobView> openJobs, List<JobView> newJobs,
			List<EscalationView> escalations, List<PlacementView> upcomingStarts,
			List<OpportunityView> movedOpportunities) {
	}

	/**
	 * One point of an account on the sheet; {@code warning} marks what needs discussion.
	 */
	record Point(String text, boolean warning) {
	}

	/**
	 * An action to agree in the meeting, with the rule that proposed it. A {@code topic}
	 * puts its account on the sheet (an escalation, a red account, a capacity question, a
	 * moved opportunity); routine ones (a start, a role or two, an aging search) are
	 * agreed only when the account is discussed anyway.
	 */
	record Action(String text, String rule, boolean topic) {
	}

	record AccountItem(long accountId, String accountName, HealthBand band, Integer healthScore, List<Point> points,
			List<Action> actions) {
	}

	/** A recruiter's accounts to discuss and their workload figures. */
	record RecruiterGroup(Long recruiterId, String recruiterName, int openRoles, int newRoles, int upcomingStarts,
			List<AccountItem> accounts) {
	}

	/**
	 * The sheet: accounts with at least one topic, grouped by the recruiter who carries
	 * most of their open roles (or of their upcoming starts), the busiest recruiter
	 * first; accounts nobody recruits for come last.
	 */
	static List<RecruiterGroup> sheet(List<AccountFacts> facts, LocalDate today) {
		Map<String, List<AccountFacts>> byRecruiter = new LinkedHashMap<>();
		Map<String, Long> recruiterIds = new LinkedHashMap<>();
		for (AccountFacts f : facts) {
			AccountItem item = item(f, today);
			if (item.actions().stream().noneMatch(Action::topic)) {
				continue;
			}
			Recruiter lead = lead(f);
			byRecruiter.computeIfAbsent(lead.name(), k -> new ArrayList<>()).add(f);
			recruiterIds.put(lead.name(), lead.id());
		}
		List<RecruiterGroup> groups = new ArrayList<>();
		byRecruiter.forEach((name, list) -> {
			List<AccountItem> items = list.stream()
				.map(f -> item(f, today))
				.sorted(Comparator.comparing((AccountItem i) -> -urgency(i)).thenComparing(AccountItem::accountName))
				.toList();
			groups.add(new RecruiterGroup(recruiterIds.get(name), name,
					list.stream().mapToInt(f -> f.openJobs().size()).sum(),
					list.stream().mapToInt(f -> f.newJobs().size()).sum(),
					list.stream().mapToInt(f -> f.upcomingStarts().size()).sum(), items));
		});
		groups.sort(Comparator.comparing((RecruiterGroup g) -> g.recruiterId() == null)
			.thenComparing(g -> -g.accounts().size())
			.thenComparing(RecruiterGroup::recruiterName));
		return groups;
	}

	static AccountItem item(AccountFacts f, LocalDate today) {
		String recruiter = lead(f).id() == null ? "the recruiting team" : firstName(lead(f).name());
		List<Point> points = new ArrayList<>();
		List<Action> actions = new ArrayList<>();
		for (EscalationView e : f.escalations()) {
			if (e.status().ended()) {
				points.add(new Point("Escalation " + e.key() + " " + e.title() + ": RESOLVED", false));
				actions.add(new Action("Share the resolution of " + e.key() + " with " + recruiter,
						"escalation resolved since the last sync", true));
			}
			else {
				points.add(new Point("Escalation " + e.key() + " (" + e.severity() + "): " + e.title() + " · "
						+ label(e.status().name()), true));
				actions.add(new Action("Agree the next step on " + e.key() + " with " + recruiter, "open escalation",
						true));
			}
		}
		if (!f.openJobs().isEmpty()) {
			long critical = f.openJobs()
				.stream()
				.filter(j -> j.priority() == JobPriority.URGENT || j.priority() == JobPriority.HIGH)
				.count();
			points.add(new Point("Active roles: " + f.openJobs().size()
					+ (critical > 0 ? " (" + critical + " high or urgent priority)" : ""), false));
		}
		if (!f.newJobs().isEmpty()) {
			points.add(new Point("New needs: " + f.newJobs().size() + " role" + (f.newJobs().size() == 1 ? "" : "s")
					+ " opened this week ("
					+ f.newJobs().stream().map(JobView::title).limit(3).collect(Collectors.joining(", "))
					+ (f.newJobs().size() > 3 ? ", …" : "") + ")", false));
			boolean many = f.newJobs().size() >= CAPACITY_QUESTION;
			actions.add(new Action(
					"Confirm " + recruiter + " has capacity for " + f.newJobs().size() + " new role"
							+ (f.newJobs().size() == 1 ? "" : "s") + " at " + f.account().name(),
					many ? CAPACITY_QUESTION + " or more new roles this week" : "new needs this week", many));
		}
		f.openJobs()
			.stream()
			.filter(j -> j.daysOpen() > AGING_DAYS
					&& (j.priority() == JobPriority.URGENT || j.priority() == JobPriority.HIGH))
			.max(Comparator.comparingInt(JobView::daysOpen))
			.ifPresent(j -> {
				points.add(new Point(j.title() + ": " + label(j.priority().name()).toLowerCase() + " priority, open "
						+ j.daysOpen() + " days", true));
				actions.add(new Action("Review sourcing for " + j.title() + " (open " + j.daysOpen() + " days)",
						"high-priority role open over " + AGING_DAYS + " days", false));
			});
		if (f.account().healthBand() == HealthBand.RED) {
			points.add(new Point(
					"Health: RED"
							+ (f.account().healthScore() == null ? "" : " (" + f.account().healthScore() + "/100)"),
					true));
			actions.add(new Action("Ask " + recruiter + " for any intel on changes at " + f.account().name(),
					"account health red", true));
		}
		for (PlacementView p : f.upcomingStarts()) {
			points.add(new Point("Starts " + p.startDate() + ": " + p.candidateName() + " as " + p.jobTitle(), false));
			actions.add(new Action("Confirm " + p.candidateName() + " is ready to start on " + p.startDate(),
					"placement starting within two weeks", false));
		}
		for (OpportunityView o : f.movedOpportunities()) {
			if (!o.open()) {
				continue;
			}
			points.add(new Point("Opportunity: " + o.title() + " (" + label(o.stage().name()) + ", "
					+ MoneyFormat.compact(o.value()) + ")", false));
			actions.add(new Action("Plan recruiting capacity for " + o.title(),
					"expansion opportunity new or moved this week", true));
		}
		return new AccountItem(f.account().id(), f.account().name(), f.account().healthBand(),
				f.account().healthScore(), points, actions);
	}

	private record Recruiter(Long id, String name) {
	}

	/** The recruiter carrying most of the account's open roles, else of its starts. */
	private static Recruiter lead(AccountFacts f) {
		Map<Long, String> names = new LinkedHashMap<>();
		f.openJobs()
			.stream()
			.filter(j -> j.recruiterId() != null)
			.forEach(j -> names.put(j.recruiterId(), j.recruiterName()));
		f.upcomingStarts()
			.stream()
			.filter(p -> p.recruiterId() != null)
			.forEach(p -> names.putIfAbsent(p.recruiterId(), p.recruiterName()));
		Map<Long, Long> load = f.openJobs()
			.stream()
			.map(JobView::recruiterId)
			.filter(Objects::nonNull)
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		if (load.isEmpty()) {
			load = f.upcomingStarts()
				.stream()
				.map(PlacementView::recruiterId)
				.filter(Objects::nonNull)
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
		}
		return load.entrySet()
			.stream()
			.max(Map.Entry.<Long, Long>comparingByValue()
				.thenComparing(e -> names.get(e.getKey()), Comparator.reverseOrder()))
			.map(e -> new Recruiter(e.getKey(), names.get(e.getKey())))
			.orElse(new Recruiter(null, "No recruiter assigned"));
	}

	private static int urgency(AccountItem item) {
		return (int) item.points().stream().filter(Point::warning).count() * 10 + item.actions().size();
	}

	private static String firstName(String name) {
		return name == null ? "the recruiter" : name.split(" ")[0];
	}

	private static String label(String constant) {
		String text = constant.replace('_', ' ').toLowerCase();
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
