package io.intime.health.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSection;
import io.intime.accounts.AccountSections;
import io.intime.accounts.AccountTimeline;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.health.HealthReport;
import io.intime.health.Citations.Source;
import io.intime.health.HealthRules;
import io.intime.health.HealthScores;
import io.intime.health.alerts.AlertThresholds;
import io.intime.health.alerts.Alerts;
import io.intime.health.model.HealthModels;
import io.intime.health.scoring.AccountFacts;
import io.intime.health.scoring.FactsReader;
import io.intime.identity.CurrentUser;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's health page (spec 01 step 2, spec 02 step 2): score and band, a bar per
 * component with its explanation, key risk factors and recommended actions made by
 * explicit rules from the facts, what would move the score, its 12-month trend, the
 * account's alerts and its activity timeline.
 */
@Controller
class HealthPages {

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final AccountSections sections;

	private final AccountTimeline timeline;

	private final HealthScores scores;

	private final HealthModels models;

	private final FactsReader facts;

	private final Alerts alerts;

	private final Today time;

	private final HealthRules rules;

	HealthPages(AccountManagement accounts, ContactManagement contacts, AccountSections sections,
			AccountTimeline timeline, HealthScores scores, HealthModels models, FactsReader facts, Alerts alerts,
			Today time, HealthRules rules) {
		this.rules = rules;
		this.accounts = accounts;
		this.contacts = contacts;
		this.sections = sections;
		this.timeline = timeline;
		this.scores = scores;
		this.models = models;
		this.facts = facts;
		this.alerts = alerts;
		this.time = time;
	}

	/** The Health tab of Account 360, right after the account's own tabs. */
	@Bean
	static AccountSection healthSection() {
		return new AccountSection() {

			@Override
			public String id() {
				return "health";
			}

			@Override
			public String label() {
				return "Health";
			}

			@Override
			public int order() {
				return 5;
			}

			@Override
			public boolean visibleTo(AccountDetails account, CurrentUser user) {
				return account.access().viewHealth();
			}
		};
	}

	@GetMapping("/accounts/{id}/health")
	String show(@PathVariable long id, Model model, CurrentUser me) {
		HealthScores.Freshness freshness = scores.freshness(id, me);
		HealthReport report = scores.current(id, me);
		// An executive opening a strategic account's health is a review
		// (strategic_account.reviewed).
		AccountDetails account = accounts.open(id, report == null ? null : report.score(), me);
		sections.header(model, account, "health", me);
		body(model, account, report, freshness, me);
		return "health/show";
	}

	/**
	 * The health page's body again, once the score it shows is no longer the current one:
	 * the page asks with what it shows ({@code version}, the score's fingerprint, and
	 * whether it said "recomputing…") when it loads, and again every second while a
	 * recompute is pending. Nothing changed: 204, and the page stays as it is.
	 */
	@GetMapping("/accounts/{id}/health/live")
	String live(@PathVariable long id, @RequestParam(required = false) String version,
			@RequestParam(defaultValue = "false") boolean pending, Model model, CurrentUser me,
			HttpServletResponse response) {
		HealthScores.Freshness freshness = scores.freshness(id, me);
		if (!freshness.pending() && !pending && Objects.equals(version, freshness.version())) {
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return null;
		}
		AccountDetails account = accounts.get(id, me);
		model.addAttribute("account", account);
		body(model, account, scores.current(id, me), freshness, me);
		return "health/show :: live";
	}

	/**
	 * The health chip of the account header ({@code accounts/parts :: account-header}),
	 * asked for when a page of the account loads: the current score, and while a
	 * recompute is pending "recomputing…" and a new question a second later.
	 */
	@GetMapping("/accounts/{id}/health/chip")
	String chip(@PathVariable long id, Model model, CurrentUser me) {
		model.addAttribute("chip", scores.freshness(id, me));
		return "health/parts :: chip";
	}

	private void body(Model model, AccountDetails account, HealthReport report, HealthScores.Freshness freshness,
			CurrentUser me) {
		long id = account.id();
		LocalDate today = time.organizationToday();
		List<HealthReport.Point> history = scores.history(id, today.minusMonths(12), today, me);
		AlertThresholds thresholds = alerts.settings().thresholds();
		int touchpointDays = account.strategic() ? thresholds.touchpointDaysStrategic()
				: thresholds.touchpointDaysOther();
		HealthSnapshot snapshot = snapshot(account, today, me, rules.citable(account, me));
		model.addAttribute("health", report == null ? null : view(report, history));
		model.addAttribute("freshness", freshness);
		model.addAttribute("risks", HealthAdvice.risks(snapshot, touchpointDays));
		model.addAttribute("actions", HealthAdvice.actions(snapshot, touchpointDays));
		model.addAttribute("chart", chart(history, today, report == null ? 80 : report.greenFrom(),
				report == null ? 50 : report.yellowFrom()));
		model.addAttribute("alerts", alerts.forAccount(id, me));
		model.addAttribute("canRecompute", rules.canRecompute(account, me));
		model.addAttribute("timeline", timeline.of(id, time.now().minus(90, ChronoUnit.DAYS), 40, me));
	}

	@PostMapping("/accounts/{id}/health/recompute")
	String recompute(@PathVariable long id, CurrentUser me, RedirectAttributes redirect) {
		HealthReport before = scores.current(id, me);
		HealthReport report = scores.recompute(id, me);
		redirect.addFlashAttribute("toast", recomputedToast(before, report));
		return "redirect:/accounts/" + id + "/health";
	}

	/**
	 * What "Recompute now" says: the score it found, and whether anything changed (a
	 * recompute that finds the facts as they were leaves the score as it was, computed
	 * when it last changed).
	 */
	static String recomputedToast(HealthReport before, HealthReport after) {
		String score = after.score() + "/100, " + after.band().label();
		if (before != null && before.computedAt().equals(after.computedAt())) {
			return "Health checked just now against the latest facts: unchanged, " + score + ".";
		}
		return "Health recomputed from the latest facts: " + score
				+ (before == null || before.score() == after.score() ? "" : " (was " + before.score() + ")") + ".";
	}

	static HealthView view(HealthReport report, List<HealthReport.Point> history) {
		List<HealthView.Component> components = report.components()
			.stream()
			.map(c -> new HealthView.Component(c.key(), c.label(), c.points(), c.maximum(), c.percent(), c.reached(),
					inputs(c), c.explanation(), c.missing()))
			.toList();
		List<HealthView.Move> moves = report.moves()
			.stream()
			.map(m -> new HealthView.Move(m.component(), m.change(), m.gain(), m.newTotal(), m.newBand().name(),
					m.newBand().label(), m.bandChanges()))
			.toList();
		Integer change30 = null;
		LocalDate monthAgo = report.asOf().minusDays(30);
		HealthReport.Point before = history.stream()
			.filter(p -> !p.asOf().isAfter(monthAgo))
			.max(Comparator.comparing(HealthReport.Point::asOf).thenComparing(HealthReport.Point::computedAt))
			.orElse(null);
		if (before != null) {
			change30 = report.score() - before.score();
		}
		return new HealthView(report.score(), report.band().name(), report.band().label(), report.modelVersion(),
				report.computedAt(), report.checkedAt(), components, moves, change30, report.greenFrom(),
				report.yellowFrom());
	}

	private static String inputs(HealthReport.Component c) {
		return c.inputs()
			.entrySet()
			.stream()
			.map(e -> e.getKey() + ": " + e.getValue().stripTrailingZeros().toPlainString())
			.reduce((a, b) -> a + " · " + b)
			.orElse("");
	}

	/** The last computation of each day, as the chart's points. */
	static TrendChart chart(List<HealthReport.Point> history, LocalDate today, int green, int yellow) {
		Map<LocalDate, HealthReport.Point> lastOfDay = new LinkedHashMap<>();
		history.forEach(p -> lastOfDay.put(p.asOf(), p));
		List<TrendChart.Point> points = new ArrayList<>();
		lastOfDay.values().forEach(p -> points.add(new TrendChart.Point(p.asOf(), p.score(), p.modelVersion())));
		return TrendChart.of(points, today.minusMonths(12), today, green, yellow);
	}

	/**
	 * The facts the risk factors and actions read, without the details of other modules'
	 * records the reader may not see ({@link HealthRules#citable}): an overdue invoice is
	 * then "an invoice", an escalation or an opportunity is counted but not named.
	 */
	private HealthSnapshot snapshot(AccountDetails account, LocalDate today, CurrentUser me, Set<Source> citable) {
		boolean staffing = citable.contains(Source.STAFFING);
		boolean billing = citable.contains(Source.BILLING);
		boolean engagement = citable.contains(Source.ENGAGEMENT);
		boolean escalations = citable.contains(Source.ESCALATIONS);
		boolean revenue = citable.contains(Source.REVENUE);
		AccountFacts f = facts
			.read(models.current(), today, List.of(account.id()), AccountScope.of(List.of(account.id())))
			.get(account.id());
		List<ContactView> people = contacts.forAccount(account.id(), me);
		List<HealthSnapshot.Person> persons = people.stream()
			.map(c -> new HealthSnapshot.Person(c.id(), c.name(), c.title(), c.stakeholderRole().name(), c.active()))
			.toList();
		Long unresponsiveId = f.executive() == null ? null : f.executive().unresponsiveContactId();
		String unresponsiveName = people.stream()
			.filter(c -> unresponsiveId != null && c.id() == unresponsiveId)
			.map(ContactView::name)
			.findFirst()
			.orElse(null);
		return new HealthSnapshot(account.id(), account.strategic(), account.executiveSponsorName(), today,
				f.hiring() == null ? 0 : f.hiring().openJobs(), f.hiring() == null ? 0 : f.hiring().hires(),
				f.hiring() == null ? null : f.hiring().lastHireDate(),
				f.hiring() == null || !staffing ? null : f.hiring().lastHireTitle(),
				f.hiring() == null ? 0 : f.hiring().falloffs60(),
				f.payment() == null ? null : f.payment().averageDaysToPay(),
				f.payment() == null ? null : f.payment().maxDaysOverdue(),
				f.payment() == null || !billing ? null : f.payment().mostOverdueNumber(),
				f.payment() == null || !billing ? null : f.payment().mostOverdueId(),
				f.nps() == null ? null : f.nps().latestScore(), f.nps() == null ? null : f.nps().latestDate(),
				f.nps() == null || !engagement ? null : f.nps().latestComment(),
				f.nps() == null ? null : f.nps().accountNps(), f.nps() == null ? null : f.nps().accountNpsPrevious(),
				f.executive() == null ? null : f.executive().lastTouchpoint(),
				f.executive() == null ? null : f.executive().touchpoints(), unresponsiveId, unresponsiveName,
				f.executive() == null ? null : f.executive().unansweredEmails(),
				f.issues() == null ? 0 : f.issues().last30(), f.issues() == null ? 0 : f.issues().inWindow(),
				f.issues() == null ? 0 : f.issues().open(),
				f.issues() == null || !escalations ? null : f.issues().latestTitle(),
				f.pipeline() == null ? 0 : f.pipeline().open(),
				f.pipeline() == null || !revenue ? null : f.pipeline().largestOpenUsd(),
				f.pipeline() == null || !revenue ? null : f.pipeline().largestTitle(), persons);
	}

}
