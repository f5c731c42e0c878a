package io.intime.qbr.deck;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.intime.qbr.QuarterReview;
import io.intime.qbr.QuarterReview.Count;
import io.intime.qbr.QuarterReview.Metric;
import io.intime.qbr.QuarterReview.Status;
import io.intime.qbr.QuarterReview.Story;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;

/**
 * What each slide says, shared by the PowerPoint deck and its PDF so that both show the
 * same titles, numbers and sentences.
 */
final class DeckFacts {

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	static final DateTimeFormatter SHORT_DAY_YEAR = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a z", Locale.US);

	/** The metrics an executive summary leads with, in this order when they have data. */
	private static final List<String> HEADLINE_ORDER = List.of("placements", "offerAcceptance", "timeToFill", "nps",
			"placementSuccess", "firstYearRetention", "submissionsToHire", "responsiveness");

	/** More bars than this and the smallest are summed as "Other", to stay readable. */
	static final int MAX_BARS = 7;

	private DeckFacts() {
	}

	static boolean hasSummary(QuarterReview review) {
		if (review.metrics().stream().anyMatch(m -> !m.missing())) {
			return true;
		}
		QuarterReview.YearToDate ytd = review.yearToDate();
		return ytd != null && (ytd.placements() > 0 || (ytd.revenue() != null && !ytd.revenue().isZero()));
	}

	static boolean hasHealth(QuarterReview review) {
		return review.health() != null && review.health().score() != null;
	}

	/** The quarter's placements: the sum by department, else by role type. */
	static int placements(QuarterReview review) {
		int byDepartment = review.byDepartment().stream().mapToInt(Count::count).sum();
		return byDepartment > 0 ? byDepartment : review.byRoleType().stream().mapToInt(Count::count).sum();
	}

	/** The story the success slide tells: the first placement with a note. */
	static Story spotlight(QuarterReview review) {
		return review.stories().stream().filter(s -> s.note() != null && !s.note().isBlank()).findFirst().orElse(null);
	}

	/** The other stories worth a line beside the spotlight, at most two. */
	static List<Story> otherStories(QuarterReview review) {
		Story spotlight = spotlight(review);
		return review.stories().stream().filter(s -> s != spotlight).limit(2).toList();
	}

	static String otherStoryLine(Story story) {
		StringBuilder line = new StringBuilder(story.title());
		if (story.daysToFill() != null) {
			line.append(": filled in ").append(days(story.daysToFill()));
			if (story.slaDays() != null) {
				line.append(" (").append(story.slaDays()).append("-day SLA)");
			}
		}
		return line.toString();
	}

	/**
	 * The metrics of the summary cards: up to four with data, the headline ones first.
	 */
	static List<Metric> headline(QuarterReview review) {
		return review.metrics().stream().filter(m -> !m.missing()).sorted(Comparator.comparingInt(m -> {
			int i = HEADLINE_ORDER.indexOf(m.key());
			return i < 0 ? HEADLINE_ORDER.size() : i;
		})).limit(4).toList();
	}

	/**
	 * Counts for a chart: the largest first, beyond {@link #MAX_BARS} summed as "Other".
	 */
	static List<Count> bars(List<Count> counts) {
		List<Count> sorted = counts.stream()
			.filter(c -> c.count() > 0)
			.sorted(Comparator.comparingInt(Count::count).reversed())
			.toList();
		if (sorted.size() <= MAX_BARS) {
			return sorted;
		}
		List<Count> bars = new ArrayList<>(sorted.subList(0, MAX_BARS - 1));
		int other = sorted.subList(MAX_BARS - 1, sorted.size()).stream().mapToInt(Count::count).sum();
		bars.add(new Count("Other", other));
		return bars;
	}

	static String title(DeckSlide slide, DeckContent content) {
		QuarterReview review = content.review();
		return switch (slide) {
			case TITLE -> review.accountName() + " Quarterly Business Review";
			case EXECUTIVE_SUMMARY -> review.quarter().label() + " performance highlights";
			case PLACEMENT_BREAKDOWN -> "Placement breakdown";
			case QUALITY_METRICS -> "Quality & efficiency";
			case SUCCESS_STORY -> "Spotlight: " + spotlight(review).title();
			case CHALLENGES -> "Challenges & resolutions";
			case INITIATIVES -> review.quarter().next().label() + " strategic initiatives";
			case HEALTH_SCORECARD -> "Account health scorecard";
			case DISCUSSION -> "Discussion & action items";
		};
	}

	/** The small line above a slide's title. */
	static String kicker(DeckSlide slide) {
		return switch (slide) {
			case TITLE -> "QUARTERLY BUSINESS REVIEW";
			case EXECUTIVE_SUMMARY -> "EXECUTIVE SUMMARY";
			case PLACEMENT_BREAKDOWN -> "PLACEMENTS";
			case QUALITY_METRICS -> "QUALITY METRICS";
			case SUCCESS_STORY -> "SUCCESS STORY";
			case CHALLENGES -> "CHALLENGES";
			case INITIATIVES -> "LOOKING AHEAD";
			case HEALTH_SCORECARD -> "ACCOUNT HEALTH";
			case DISCUSSION -> "NEXT STEPS";
		};
	}

	static String footer(DeckContent content, int page) {
		return content.review().accountName() + "  ·  " + content.review().quarter().label() + " QBR  ·  " + page;
	}

	/** "Presented by Jordan Lee, Account Manager", or null without a presenter. */
	static String presenter(DeckContent content) {
		if (content.presenterName() == null || content.presenterName().isBlank()) {
			return null;
		}
		String title = content.presenterTitle() == null || content.presenterTitle().isBlank() ? ""
				: ", " + content.presenterTitle().strip();
		return "Presented by " + content.presenterName().strip() + title;
	}

	/** "November 30, 2026 · 10:00 AM PST", or the day the review was prepared. */
	static String when(DeckContent content) {
		if (content.meetingDate() == null) {
			return "Prepared " + DAY.format(content.review().asOf());
		}
		String day = DAY.format(content.meetingDate());
		if (content.meetingTime() == null) {
			return day;
		}
		ZonedDateTime at = ZonedDateTime.of(content.meetingDate(), content.meetingTime(), content.timeZone());
		return day + "  ·  " + TIME.format(at);
	}

	/**
	 * "With Sarah Johnson and Mark Chen of MegaBank", or null without attendees; when
	 * that is longer than {@code room} characters the account is dropped and then names
	 * are counted instead ("With Sarah Johnson, Mark Chen and 3 others").
	 */
	static String attendees(DeckContent content, int room) {
		List<String> names = content.clientAttendees().stream().filter(n -> n != null && !n.isBlank()).toList();
		if (names.isEmpty()) {
			return null;
		}
		String full = "With " + joined(names) + " of " + content.review().accountName();
		if (full.length() <= room) {
			return full;
		}
		for (int shown = names.size(); shown > 0; shown--) {
			int others = names.size() - shown;
			String line = "With " + (others == 0 ? joined(names) : String.join(", ", names.subList(0, shown)) + " and "
					+ others + (others == 1 ? " other" : " others"));
			if (line.length() <= room) {
				return line;
			}
		}
		return "With " + names.size() + " attendees from " + content.review().accountName();
	}

	static String joined(List<String> items) {
		if (items.size() == 1) {
			return items.get(0);
		}
		return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
	}

	/** The sentences beside the summary cards. */
	static List<String> highlights(DeckContent content) {
		QuarterReview review = content.review();
		List<String> lines = new ArrayList<>();
		int placements = placements(review);
		List<Count> departments = review.byDepartment()
			.stream()
			.filter(c -> c.count() > 0)
			.sorted(Comparator.comparingInt(Count::count).reversed())
			.toList();
		if (placements > 0 && !departments.isEmpty()) {
			Count lead = departments.get(0);
			lines.add(placements + (placements == 1 ? " placement" : " placements")
					+ (departments.size() == 1 ? " in " + lead.label() : " across " + departments.size()
							+ " departments, led by " + lead.label() + " (" + lead.count() + ")"));
		}
		if (hasHealth(review)) {
			QuarterReview.HealthCard health = review.health();
			String line = "Health score " + health.score() + (health.band() == null ? "" : " (" + health.band() + ")");
			if (health.scoreAtQuarterStart() != null) {
				int change = health.score() - health.scoreAtQuarterStart();
				line += change == 0 ? ", steady this quarter" : change > 0 ? ", up " + change + " points this quarter"
						: ", down " + (-change) + " points this quarter";
			}
			lines.add(line);
		}
		if (!review.challenges().isEmpty()) {
			int all = review.challenges().size();
			long resolved = review.challenges().stream().filter(c -> c.resolvedOn() != null).count();
			lines.add(all + (all == 1 ? " escalation" : " escalations")
					+ (resolved == all ? (all == 1 ? ", resolved" : ", all resolved") : ", " + resolved + " resolved"));
		}
		if (!review.opportunities().isEmpty()) {
			int open = review.opportunities().size();
			Money total = total(review.opportunities().stream().map(QuarterReview.Opportunity::value).toList());
			lines.add(open + (open == 1 ? " open expansion opportunity" : " open expansion opportunities")
					+ (total == null || total.isZero() ? "" : " worth " + MoneyFormat.compact(total)));
		}
		return lines;
	}

	/** The sum of amounts in one currency, or null when there are none or they differ. */
	static Money total(List<Money> amounts) {
		Money total = null;
		for (Money amount : amounts) {
			if (amount == null) {
				continue;
			}
			if (total != null && !total.currency().equals(amount.currency())) {
				return null;
			}
			total = total == null ? amount : total.plus(amount);
		}
		return total;
	}

	/**
	 * One line per year-to-date figure: label, value and the change against last year.
	 */
	record YtdLine(String label, String value, String change, boolean up) {
	}

	static List<YtdLine> yearToDate(QuarterReview review) {
		QuarterReview.YearToDate ytd = review.yearToDate();
		if (ytd == null || (ytd.placements() == 0 && (ytd.revenue() == null || ytd.revenue().isZero()))) {
			return List.of();
		}
		String lastYear = String.valueOf(review.quarter().year() - 1);
		List<YtdLine> lines = new ArrayList<>();
		lines.add(new YtdLine("Placements", String.valueOf(ytd.placements()),
				change(ytd.placementsChangePercent(), lastYear), up(ytd.placementsChangePercent())));
		if (ytd.revenue() != null) {
			lines.add(new YtdLine("Revenue", MoneyFormat.compact(ytd.revenue()),
					change(ytd.revenueChangePercent(), lastYear), up(ytd.revenueChangePercent())));
		}
		return lines;
	}

	private static String change(Integer percent, String lastYear) {
		if (percent == null) {
			return "nothing in " + lastYear + " to compare";
		}
		if (percent == 0) {
			return "same as " + lastYear;
		}
		return (percent > 0 ? "↑ " : "↓ ") + Math.abs(percent) + "% vs " + lastYear;
	}

	private static boolean up(Integer percent) {
		return percent == null || percent >= 0;
	}

	/**
	 * The reasons a metric has no value this quarter, e.g. "no NPS response this
	 * quarter".
	 */
	static List<String> notMeasured(QuarterReview review) {
		List<String> reasons = new ArrayList<>();
		for (Metric metric : review.metrics()) {
			if (metric.missing() && metric.missingReason() != null && !reasons.contains(metric.missingReason())) {
				reasons.add(metric.missingReason());
			}
		}
		return reasons;
	}

	static String statusLabel(Metric metric) {
		if (metric.missing()) {
			return "No data";
		}
		return switch (status(metric)) {
			case MET -> "Met";
			case NEAR -> "Near";
			case MISSED -> "Missed";
			case NONE -> "No target";
		};
	}

	static Status status(Metric metric) {
		return metric.missing() || metric.status() == null ? Status.NONE : metric.status();
	}

	/** What the missing value cell says: the reason, never a zero. */
	static String missingText(Metric metric) {
		return metric.missingReason() == null || metric.missingReason().isBlank() ? "no data this quarter"
				: metric.missingReason();
	}

	/** "Target 15" style, or null. */
	static String target(Metric metric) {
		return metric.target() == null || metric.target().isBlank() ? null : metric.target();
	}

	/** The target as a table cell: the metric's target without a trailing " target". */
	static String targetCell(Metric metric) {
		String target = target(metric);
		if (target == null) {
			return "–";
		}
		return target.endsWith(" target") ? target.substring(0, target.length() - " target".length()) : target;
	}

	static String days(int days) {
		return days + (days == 1 ? " day" : " days");
	}

	/** The facts beside the spotlight story: a big figure and what it means. */
	record StoryFact(String figure, String caption) {
	}

	static List<StoryFact> storyFacts(Story story, LocalDate asOf) {
		List<StoryFact> facts = new ArrayList<>();
		if (story.daysToFill() != null) {
			facts.add(new StoryFact(days(story.daysToFill()), story.slaDays() == null ? "to fill the role"
					: "to fill, against a " + story.slaDays() + "-day SLA"));
		}
		if (story.startDate() != null) {
			facts.add(new StoryFact(SHORT_DAY_YEAR.format(story.startDate()), "start date"));
		}
		facts.add(story.stillPlaced() ? new StoryFact("Still placed", "as of " + SHORT_DAY_YEAR.format(asOf))
				: new StoryFact("Assignment ended", "as of " + SHORT_DAY_YEAR.format(asOf)));
		return facts;
	}

	/** "Resolved Nov 12, 2026" or "Open". */
	static String resolved(QuarterReview.Challenge challenge) {
		return challenge.resolvedOn() == null ? "Still open"
				: "Resolved " + SHORT_DAY_YEAR.format(challenge.resolvedOn());
	}

	static String due(DeckContent.ActionItem item) {
		return item.due() == null ? null : "by " + SHORT_DAY.format(item.due());
	}

	/** Health components below their maximum, with what held them back. */
	static List<String> healthNotes(QuarterReview.HealthCard health) {
		return health.components()
			.stream()
			.filter(c -> c.points() < c.maxPoints())
			.limit(2)
			.map(c -> c.label() + " " + c.points() + "/" + c.maxPoints()
					+ (c.detail() == null || c.detail().isBlank() ? "" : ": " + c.detail()))
			.toList();
	}

	/** "up 6 points since the start of the quarter", or null. */
	static String healthTrend(QuarterReview.HealthCard health) {
		if (health.scoreAtQuarterStart() == null) {
			return null;
		}
		int change = health.score() - health.scoreAtQuarterStart();
		if (change == 0) {
			return "Steady since the start of the quarter";
		}
		return (change > 0 ? "Up " : "Down ") + Math.abs(change) + (Math.abs(change) == 1 ? " point" : " points")
				+ " since the start of the quarter (" + health.scoreAtQuarterStart() + ")";
	}

	/** The band's name, from the score when the card has none (spec 03: 80 and 50). */
	static String band(QuarterReview.HealthCard health) {
		if (health.band() != null && !health.band().isBlank()) {
			return health.band();
		}
		return health.score() >= 80 ? "Green" : health.score() >= 50 ? "Yellow" : "Red";
	}

	/** The status a band stands for, to colour it like a metric. */
	static Status bandStatus(QuarterReview.HealthCard health) {
		return switch (band(health).toLowerCase(Locale.ROOT)) {
			case "green", "healthy" -> Status.MET;
			case "yellow", "at risk" -> Status.NEAR;
			case "red", "critical" -> Status.MISSED;
			default -> Status.NONE;
		};
	}

}
