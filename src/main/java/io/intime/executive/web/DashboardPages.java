package io.intime.executive.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountManagement;
import io.intime.billing.ServiceCredits;
import io.intime.executive.AccountDashboard;
import io.intime.executive.DashboardView;
import io.intime.executive.ExecutiveNotes;
import io.intime.executive.RecoveryMeasure;
import io.intime.executive.RecoveryPlans;
import io.intime.executive.TaskForces;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account health dashboard (spec 01 step 2) and what is done from it: executive
 * notes, Acknowledge, Escalate Further (flow A1), a service credit, a recovery plan. A
 * refused form comes back with its message on the field and what was typed kept.
 */
@Controller
class DashboardPages {

	private final AccountDashboard dashboard;

	private final ExecutiveNotes notes;

	private final AccountManagement accounts;

	private final TaskForces taskForces;

	private final ServiceCredits credits;

	private final RecoveryPlans plans;

	private final UserDirectory users;

	private final Today time;

	DashboardPages(AccountDashboard dashboard, ExecutiveNotes notes, AccountManagement accounts, TaskForces taskForces,
			ServiceCredits credits, RecoveryPlans plans, UserDirectory users, Today time) {
		this.dashboard = dashboard;
		this.notes = notes;
		this.accounts = accounts;
		this.taskForces = taskForces;
		this.credits = credits;
		this.plans = plans;
		this.users = users;
		this.time = time;
	}

	@GetMapping("/executive/strategic-accounts/{id}")
	String show(@PathVariable long id, CurrentUser me, Model model) {
		DashboardView view = dashboard.open(id, me);
		model.addAttribute("d", view);
		if (!model.containsAttribute("noteText")) {
			model.addAttribute("noteText", view.latestNote() == null ? "" : view.latestNote().body());
			model.addAttribute("noteVersion", view.notesVersion());
		}
		if (!model.containsAttribute("creditAmount")) {
			Money suggested = new Money(view.account()
				.arrUsd()
				.amount()
				.multiply(new BigDecimal("0.10"))
				.setScale(-3, java.math.RoundingMode.HALF_UP)
				.setScale(0), "USD");
			model.addAttribute("creditAmount", suggested.amount().toPlainString());
			model.addAttribute("creditReason", "Goodwill for the recent service issues at " + view.account().name());
		}
		if (!model.containsAttribute("followUpAt")) {
			LocalDateTime follow = time.now()
				.plus(20, ChronoUnit.HOURS)
				.atZone(me.timeZone())
				.toLocalDateTime()
				.truncatedTo(ChronoUnit.HOURS);
			model.addAttribute("followUpAt", follow.toString());
		}
		// a refused form's messages come along the redirect as a plain map (the session
		// that carries them is stored in the database, so it holds serializable values)
		FormErrors errors = FormErrors.none();
		Object flashed = model.getAttribute("fieldErrors");
		if (flashed instanceof Map<?, ?> map) {
			map.forEach((field, message) -> errors.add(String.valueOf(field), String.valueOf(message)));
		}
		model.addAttribute("errors", errors);
		model.addAttribute("people", taskForceOptions(view, me));
		return "executive/dashboard";
	}

	/** The health part again: the refresh every minute and the Refresh shortcut. */
	@GetMapping("/executive/strategic-accounts/{id}/live")
	String live(@PathVariable long id, CurrentUser me, Model model) {
		model.addAttribute("d", dashboard.refresh(id, me));
		return "executive/dashboard :: live";
	}

	@PostMapping("/executive/strategic-accounts/{id}/notes")
	String saveNotes(@PathVariable long id, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "0") long version, CurrentUser me, RedirectAttributes redirect) {
		try {
			ExecutiveNotes.Note note = notes.save(id, body, version, me);
			redirect.addFlashAttribute("toast", "Executive notes saved (version " + note.version() + ").");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("fieldErrors", messages(FormErrors.none().addAll(e.errors())));
			redirect.addFlashAttribute("noteText", body);
			redirect.addFlashAttribute("noteVersion", version);
		}
		catch (StaleVersionException e) {
			redirect.addFlashAttribute("errors",
					FormErrors.none()
						.add("body", e.getMessage()
								+ " Your text is kept here; the saved version is listed under Earlier versions."));
			redirect.addFlashAttribute("noteText", body);
			redirect.addFlashAttribute("noteVersion", e.currentVersion());
		}
		return "redirect:/executive/strategic-accounts/" + id + "#notes";
	}

	@PostMapping("/executive/strategic-accounts/{id}/acknowledge")
	String acknowledge(@PathVariable long id, CurrentUser me, RedirectAttributes redirect) {
		DashboardView view = dashboard.refresh(id, me);
		Integer score = view.health() == null ? null : view.health().score();
		accounts.acknowledge(id, score, me);
		redirect.addFlashAttribute("toast", "Reviewed: " + view.account().name()
				+ (score == null ? "" : " at " + score + "/100") + ". Recorded as your review.");
		return "redirect:/executive/strategic-accounts/" + id;
	}

	@PostMapping("/executive/strategic-accounts/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) List<Long> members, @RequestParam(required = false) String followUpAt,
			CurrentUser me, RedirectAttributes redirect) {
		Instant follow = null;
		FormErrors errors = FormErrors.none();
		try {
			follow = followUpAt == null || followUpAt.isBlank() ? null
					: LocalDateTime.parse(followUpAt).atZone(me.timeZone()).toInstant();
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.add("followUpAt", "is not a date and time");
		}
		if (!errors.any()) {
			try {
				int created = taskForces.escalate(id, new TaskForces.Escalation(reason, members, follow), me);
				redirect.addFlashAttribute("toast", "Flagged critical; you own the recovery. " + created
						+ " tasks created, the task force notified, follow-up due within 24 hours.");
				return "redirect:/executive/strategic-accounts/" + id;
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
		}
		redirect.addFlashAttribute("fieldErrors", messages(errors));
		redirect.addFlashAttribute("escalateReason", reason);
		redirect.addFlashAttribute("escalateMembers", members == null ? List.of() : members);
		redirect.addFlashAttribute("followUpAt", followUpAt);
		redirect.addFlashAttribute("openDialog", "escalate-dialog");
		return "redirect:/executive/strategic-accounts/" + id;
	}

	@PostMapping("/executive/strategic-accounts/{id}/credits")
	String offerCredit(@PathVariable long id, @RequestParam(defaultValue = "") String amount,
			@RequestParam(defaultValue = "USD") String currency, @RequestParam(defaultValue = "") String reason,
			CurrentUser me, RedirectAttributes redirect) {
		FormErrors errors = FormErrors.none();
		BigDecimal value = null;
		try {
			value = amount.isBlank() ? null : new BigDecimal(amount.replace(",", "").replace("$", "").trim());
		}
		catch (NumberFormatException e) {
			errors.add("amount", "must be a number, e.g. 50000");
		}
		if (!errors.any()) {
			try {
				ServiceCredits.Credit credit = credits.offer(id, value == null ? null : new Money(value, currency),
						reason, me);
				redirect.addFlashAttribute("toast", "Service credit of " + credit.amount().display()
						+ " offered; finance approves it before it is on the account's billing.");
				return "redirect:/executive/strategic-accounts/" + id;
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
		}
		redirect.addFlashAttribute("fieldErrors", messages(errors));
		redirect.addFlashAttribute("creditAmount", amount);
		redirect.addFlashAttribute("creditReason", reason);
		redirect.addFlashAttribute("openDialog", "credit-dialog");
		return "redirect:/executive/strategic-accounts/" + id;
	}

	@GetMapping("/executive/strategic-accounts/{id}/plan")
	String planForm(@PathVariable long id, CurrentUser me, Model model) {
		DashboardView view = dashboard.refresh(id, me);
		model.addAttribute("d", view);
		if (!model.containsAttribute("planForm")) {
			List<Map<String, String>> goals = new ArrayList<>();
			view.successMetrics().forEach(m -> {
				Map<String, String> g = new LinkedHashMap<>();
				g.put("measure", m.measure().name());
				g.put("target", m.target().stripTrailingZeros().toPlainString());
				g.put("dueOn", m.dueOn().toString());
				goals.add(g);
			});
			List<Map<String, String>> actions = new ArrayList<>();
			LocalDate today = time.today(me.timeZone());
			view.recommendations().stream().limit(5).forEach(r -> {
				Map<String, String> a = new LinkedHashMap<>();
				a.put("title", r.title());
				a.put("assigneeId",
						String.valueOf(view.account().ownerId() == null ? me.id() : view.account().ownerId()));
				a.put("dueDate", today.plusDays(switch (r.horizon()) {
					case IMMEDIATE -> 2;
					case SHORT_TERM -> 14;
					case LONG_TERM -> 90;
				}).toString());
				actions.add(a);
			});
			model.addAttribute("planTitle", "90-day recovery plan: " + view.account().name());
			model.addAttribute("planEnds", today.plusDays(90).toString());
			model.addAttribute("goals", goals);
			model.addAttribute("actions", actions);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		model.addAttribute("measures", RecoveryMeasure.values());
		model.addAttribute("people", taskForceOptions(view, me));
		return "executive/plan-form";
	}

	@PostMapping("/executive/strategic-accounts/{id}/plan")
	String createPlan(@PathVariable long id, @RequestParam(defaultValue = "") String title,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) List<String> measure,
			@RequestParam(required = false) List<String> target, @RequestParam(required = false) List<String> dueOn,
			@RequestParam(required = false) List<String> actionTitle,
			@RequestParam(required = false) List<String> actionAssignee,
			@RequestParam(required = false) List<String> actionDue, CurrentUser me, Model model,
			RedirectAttributes redirect) {
		FormErrors errors = FormErrors.none();
		List<RecoveryPlans.GoalForm> goals = new ArrayList<>();
		List<Map<String, String>> goalRows = new ArrayList<>();
		for (int i = 0; measure != null && i < measure.size(); i++) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("measure", measure.get(i));
			row.put("target", at(target, i));
			row.put("dueOn", at(dueOn, i));
			goalRows.add(row);
			if (measure.get(i).isBlank()) {
				continue;
			}
			RecoveryMeasure m = RecoveryMeasure.valueOf(measure.get(i));
			BigDecimal t = null;
			try {
				t = at(target, i).isBlank() ? null : new BigDecimal(at(target, i).trim());
			}
			catch (NumberFormatException e) {
				errors.add("goals[" + goals.size() + "].target", "must be a number");
			}
			goals
				.add(new RecoveryPlans.GoalForm(m, t, date(at(dueOn, i), "goals[" + goals.size() + "].dueOn", errors)));
		}
		List<RecoveryPlans.ActionForm> actions = new ArrayList<>();
		List<Map<String, String>> actionRows = new ArrayList<>();
		for (int i = 0; actionTitle != null && i < actionTitle.size(); i++) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("title", actionTitle.get(i));
			row.put("assigneeId", at(actionAssignee, i));
			row.put("dueDate", at(actionDue, i));
			actionRows.add(row);
			if (actionTitle.get(i).isBlank()) {
				continue;
			}
			String assignee = at(actionAssignee, i);
			actions.add(
					new RecoveryPlans.ActionForm(actionTitle.get(i), assignee.isBlank() ? null : Long.valueOf(assignee),
							date(at(actionDue, i), "actions[" + actions.size() + "].dueDate", errors)));
		}
		LocalDate ends = date(endsOn, "endsOn", errors);
		if (!errors.any()) {
			try {
				plans.create(id, new RecoveryPlans.PlanForm(title, ends, goals, actions), me);
				redirect.addFlashAttribute("toast", "Recovery plan created: " + goals.size()
						+ " goals tracked from the live facts, " + actions.size() + " actions as tasks.");
				return "redirect:/executive/strategic-accounts/" + id + "#plan";
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("planForm", true);
		model.addAttribute("planTitle", title);
		model.addAttribute("planEnds", endsOn);
		model.addAttribute("goals", goalRows);
		model.addAttribute("actions", actionRows);
		return planForm(id, me, model);
	}

	@PostMapping("/executive/strategic-accounts/{id}/plan/{planId}/close")
	String closePlan(@PathVariable long id, @PathVariable long planId,
			@RequestParam(defaultValue = "false") boolean achieved, @RequestParam long version, CurrentUser me,
			RedirectAttributes redirect) {
		try {
			plans.close(planId, achieved, version, me);
			redirect.addFlashAttribute("toast", achieved ? "Recovery plan marked achieved." : "Recovery plan closed.");
		}
		catch (StaleVersionException e) {
			redirect.addFlashAttribute("flashError", e.getMessage());
		}
		return "redirect:/executive/strategic-accounts/" + id + "#plan";
	}

	/** The people who can be put on a task force or given a plan's action. */
	private List<UserSummary> taskForceOptions(DashboardView view, CurrentUser me) {
		List<Long> ids = new ArrayList<>();
		if (view.account().ownerId() != null) {
			ids.add(view.account().ownerId());
		}
		accounts.team(view.account().id()).forEach(m -> ids.add(m.userId()));
		List<UserSummary> people = new ArrayList<>(users.findAll(ids).values());
		users
			.withRoles(io.intime.identity.Role.RECRUITING_MANAGER, io.intime.identity.Role.SALES_DIRECTOR,
					io.intime.identity.Role.FINANCE)
			.stream()
			.filter(u -> people.stream().noneMatch(p -> p.id() == u.id()))
			.forEach(people::add);
		people.removeIf(u -> u.id() == me.id() || !u.enabled());
		people.sort(java.util.Comparator.comparing(UserSummary::fullName));
		return people;
	}

	private static LinkedHashMap<String, String> messages(FormErrors errors) {
		return new LinkedHashMap<>(errors.all());
	}

	private static String at(List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i);
	}

	private static LocalDate date(String value, String field, FormErrors errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.add(field, "is not a date (YYYY-MM-DD)");
			return null;
		}
	}

}
