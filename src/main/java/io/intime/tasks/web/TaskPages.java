package io.intime.tasks.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountQuery;
import io.intime.accounts.AccountSections;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.web.Conflict;
import io.intime.shared.web.FormErrors;
import io.intime.tasks.BusinessDayShift;
import io.intime.tasks.MyTasks;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPlanning;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.TaskStatus;
import io.intime.tasks.TaskView;
import io.intime.tasks.WorkCalendar;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My tasks (overdue, today, upcoming, done; quick add; complete, snooze and reassign in
 * place), the task form, the account's Tasks tab, the team view of sales directors, the
 * plan for tomorrow and the working days.
 */
@Controller
class TaskPages {

	private final TaskManagement tasks;

	private final TaskPlanning planning;

	private final WorkCalendar calendar;

	private final AccountManagement accounts;

	private final AccountSections sections;

	private final UserDirectory users;

	private final Today time;

	TaskPages(TaskManagement tasks, TaskPlanning planning, WorkCalendar calendar, AccountManagement accounts,
			AccountSections sections, UserDirectory users, Today time) {
		this.tasks = tasks;
		this.planning = planning;
		this.calendar = calendar;
		this.accounts = accounts;
		this.sections = sections;
		this.users = users;
		this.time = time;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	// ---------------------------------------------------------------- My tasks

	@GetMapping("/tasks")
	String mine(@RequestParam(required = false) Long account, @RequestParam(defaultValue = "false") boolean all,
			CurrentUser me, Model model) {
		return myTasks(account, all, TaskFormData.blank(account, time.today(me.timeZone())), FormErrors.none(), me,
				model);
	}

	private String myTasks(Long account, boolean all, TaskFormData quick, FormErrors errors, CurrentUser me,
			Model model) {
		MyTasks mine = tasks.mine(me, account, all ? TaskManagement.LIST_LIMIT_ALL : TaskManagement.LIST_LIMIT);
		model.addAttribute("all", all);
		model.addAttribute("mine", mine);
		model.addAttribute("account", account);
		// the filter offers the accounts of the tasks shown (no query for it)
		Map<Long, String> accountChoices = new LinkedHashMap<>();
		List<TaskView> shown = new ArrayList<>();
		shown.addAll(mine.overdue());
		shown.addAll(mine.dueToday());
		shown.addAll(mine.upcoming());
		shown.addAll(mine.done());
		shown.stream()
			.filter(t -> t.accountId() != null)
			.sorted(java.util.Comparator.comparing(TaskView::accountName,
					java.util.Comparator.nullsLast(String::compareTo)))
			.forEach(t -> accountChoices.putIfAbsent(t.accountId(), t.accountName()));
		model.addAttribute("accountChoices", accountChoices);
		model.addAttribute("accountName", account == null ? null : accountChoices.get(account));
		model.addAttribute("quick", quick);
		model.addAttribute("errors", errors);
		model.addAttribute("priorities", TaskPriority.values());
		model.addAttribute("tomorrow", mine.today().plusDays(1));
		model.addAttribute("team", me.seesEverything());
		return "tasks/my-tasks";
	}

	/** The accounts the quick add offers, fetched after the page loads. */
	@GetMapping("/tasks/account-options")
	String accountOptions(@RequestParam(required = false) Long selected, CurrentUser me, Model model) {
		model.addAttribute("options", accountsFor(me));
		model.addAttribute("selected", selected);
		return "tasks/parts :: account-options";
	}

	/** The count beside "My tasks" in the navigation: overdue and due today. */
	@GetMapping("/tasks/count")
	String count(CurrentUser me, Model model) {
		model.addAttribute("count", tasks.dueNow(me));
		return "tasks/parts :: count";
	}

	@PostMapping("/tasks")
	String quickAdd(@ModelAttribute("quick") TaskFormData quick, BindingResult binding, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		FormErrors errors = FormErrors.of(binding).addAll(quick.parseErrors());
		if (!errors.any()) {
			try {
				TaskView created = tasks.create(quick.toForm(), me);
				flash.addFlashAttribute("toast", "Added “" + created.title() + "” for " + day(created, me));
				return "redirect:/tasks#task-" + created.id();
			}
			catch (InvalidInputException e) {
				errors = FormErrors.none().renaming(TaskFormData.PAGE_FIELDS).addAll(e.errors());
			}
		}
		response.setStatus(422);
		return myTasks(null, false, quick, errors, me, model);
	}

	// ---------------------------------------------------------------- the form

	@GetMapping("/tasks/new")
	String newTask(@RequestParam(required = false) Long accountId, CurrentUser me, Model model) {
		if (accountId != null) {
			AccountDetails account = accounts.get(accountId, me);
			requireCreate(account, me);
		}
		return form(null, TaskFormData.blank(accountId, time.today(me.timeZone())), FormErrors.none(), me, model);
	}

	@PostMapping("/tasks/new")
	String create(@ModelAttribute("form") TaskFormData form, BindingResult binding, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		FormErrors errors = FormErrors.of(binding).addAll(form.parseErrors());
		if (!errors.any()) {
			try {
				TaskView created = tasks.create(form.toForm(), me);
				flash.addFlashAttribute("toast", "Added “" + created.title() + "” for " + day(created, me)
						+ (created.recurrence() != null ? " · " + created.recurrence() : ""));
				return "redirect:" + (created.accountId() != null && form.getAccountId() != null ? created.link()
						: "/tasks#task-" + created.id());
			}
			catch (InvalidInputException e) {
				errors = FormErrors.none().renaming(TaskFormData.PAGE_FIELDS).addAll(e.errors());
			}
		}
		response.setStatus(422);
		return form(null, form, errors, me, model);
	}

	@GetMapping("/tasks/{id}/edit")
	String edit(@PathVariable long id, CurrentUser me, Model model) {
		TaskView task = tasks.get(id, me);
		requireChange(task, me);
		return form(task, TaskFormData.of(task), FormErrors.none(), me, model);
	}

	@PostMapping("/tasks/{id}/edit")
	String update(@PathVariable long id, @ModelAttribute("form") TaskFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		TaskView task = tasks.get(id, me);
		requireChange(task, me);
		form.setAccountId(task.accountId());
		FormErrors errors = FormErrors.of(binding).addAll(form.parseErrors());
		if (!errors.any()) {
			try {
				TaskView saved = tasks.update(id, form.toChange(), form.getVersion(), me);
				flash.addFlashAttribute("toast", "Saved “" + saved.title() + "”");
				return "redirect:" + saved.link();
			}
			catch (StaleVersionException e) {
				TaskView current = tasks.get(id, me);
				model.addAttribute("conflict", Conflict.between(Conflict.KEPT, TaskFormData.of(current).comparable(),
						form.comparable(), Function.identity()));
				form.setVersion(current.version());
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				return form(current, form, FormErrors.none(), me, model);
			}
			catch (InvalidInputException e) {
				errors = FormErrors.none().renaming(TaskFormData.PAGE_FIELDS).addAll(e.errors());
			}
		}
		response.setStatus(422);
		return form(task, form, errors, me, model);
	}

	@PostMapping("/tasks/{id}/delete")
	String delete(@PathVariable long id, CurrentUser me, RedirectAttributes flash) {
		TaskView task = tasks.get(id, me);
		tasks.delete(id, me);
		flash.addFlashAttribute("toast", "Deleted “" + task.title() + "”");
		return "redirect:" + (task.accountId() != null ? "/accounts/" + task.accountId() + "/tasks" : "/tasks");
	}

	private String form(TaskView task, TaskFormData form, FormErrors errors, CurrentUser me, Model model) {
		model.addAttribute("task", task);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("priorities", TaskPriority.values());
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("repeats", TaskFormData.REPEATS);
		model.addAttribute("reminders", TaskFormData.REMINDERS);
		model.addAttribute("shifts", BusinessDayShift.values());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("accountOptions", task != null ? List.of() : accountsFor(me));
		model.addAttribute("assignees", assignees());
		model.addAttribute("zone", me.timeZone());
		model.addAttribute("canDelete", task != null && tasks.canDelete(task, me));
		return "tasks/task-form";
	}

	// ---------------------------------------------------------------- one-click actions

	@PostMapping("/tasks/{id}/complete")
	String complete(@PathVariable long id, @RequestParam long version, CurrentUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		return act(id, me, htmx, model, response, flash, () -> tasks.complete(id, version, me), "Done: ");
	}

	@PostMapping("/tasks/{id}/reopen")
	String reopen(@PathVariable long id, @RequestParam long version, CurrentUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		return act(id, me, htmx, model, response, flash, () -> tasks.reopen(id, version, me), "Open again: ");
	}

	/**
	 * Snoozes to "hour" (an hour from now, today), "tomorrow" (same time), "next-week"
	 * (Monday) or a date ({@code until=2026-12-08}).
	 */
	@PostMapping("/tasks/{id}/snooze")
	String snooze(@PathVariable long id, @RequestParam String until, @RequestParam long version, CurrentUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		TaskView task = tasks.get(id, me);
		ZoneId zone = ZoneId.of(task.timeZone());
		ZonedDateTime now = time.now(zone);
		LocalDate today = now.toLocalDate();
		LocalDate from = task.dueDate().isBefore(today) ? today : task.dueDate();
		LocalDate day;
		LocalTime at = task.dueTime();
		switch (until) {
			case "hour" -> {
				ZonedDateTime later = now.plusHours(1).withSecond(0).withNano(0);
				day = later.toLocalDate();
				at = later.toLocalTime().withMinute(later.getMinute() < 30 ? 30 : 0);
				if (later.getMinute() >= 30) {
					at = at.plusHours(1);
					if (at.equals(LocalTime.MIDNIGHT)) {
						day = day.plusDays(1);
					}
				}
			}
			case "tomorrow" ->
				day = from.equals(today) || task.dueDate().isBefore(today) ? today.plusDays(1) : from.plusDays(1);
			case "next-week" -> day = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
			default -> {
				day = TaskFormData.date(until);
				if (day == null) {
					throw new InvalidInputException("until",
							"'" + until + "' is not hour, tomorrow, next-week or a date");
				}
			}
		}
		LocalDate snoozeDay = day;
		LocalTime snoozeAt = at;
		return act(id, me, htmx, model, response, flash, () -> tasks.snooze(id, snoozeDay, snoozeAt, version, me),
				"Snoozed to " + io.intime.shared.web.PageFormat.dateOf(snoozeDay)
						+ (snoozeAt == null ? "" : " at " + snoozeAt) + ": ");
	}

	@PostMapping("/tasks/{id}/reassign")
	String reassign(@PathVariable long id, @RequestParam long assigneeId, @RequestParam long version, CurrentUser me,
			@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response, RedirectAttributes flash) {
		return act(id, me, htmx, model, response, flash, () -> tasks.reassign(id, assigneeId, version, me),
				"Reassigned: ");
	}

	/**
	 * Runs a one-click change: with htmx the task's row comes back in its new state (and
	 * the navigation count refreshes), else the page reloads with a toast; a stale
	 * version or bad input is said in place.
	 */
	private String act(long id, CurrentUser me, String htmx, Model model, HttpServletResponse response,
			RedirectAttributes flash, java.util.function.Supplier<TaskView> change, String done) {
		try {
			TaskView task = change.get();
			if (htmx != null) {
				response.setHeader("HX-Trigger",
						"{\"tasks-changed\": true, \"toast\": " + json(done + task.title()) + "}");
				model.addAttribute("t", task);
				model.addAttribute("today", time.today(me.timeZone()));
				model.addAttribute("changed", true);
				model.addAttribute("canChange", true);
				return "tasks/parts :: row";
			}
			flash.addFlashAttribute("toast", done + task.title());
			return "redirect:" + (task.accountId() != null ? task.link() : "/tasks#task-" + id);
		}
		catch (StaleVersionException e) {
			return refused(id, me, htmx, model, response, flash,
					"Someone changed this task meanwhile; it is shown as it is now.");
		}
		catch (InvalidInputException e) {
			return refused(id, me, htmx, model, response, flash,
					e.errors().get(0).field() + " " + e.errors().get(0).message());
		}
	}

	private String refused(long id, CurrentUser me, String htmx, Model model, HttpServletResponse response,
			RedirectAttributes flash, String message) {
		TaskView current = tasks.get(id, me);
		if (htmx != null) {
			response.setStatus(HttpServletResponse.SC_OK);
			response.setHeader("HX-Trigger", "{\"toast\": " + json(message) + "}");
			model.addAttribute("t", current);
			model.addAttribute("today", time.today(me.timeZone()));
			model.addAttribute("refusal", message);
			model.addAttribute("canChange", tasks.canChange(current, me));
			return "tasks/parts :: row";
		}
		flash.addFlashAttribute("flashError", message);
		return "redirect:/tasks#task-" + id;
	}

	// ---------------------------------------------------------------- account tab, team,
	// plan

	@GetMapping("/accounts/{id}/tasks")
	String accountTasks(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		sections.header(model, account, "tasks", me);
		List<TaskView> all = tasks.ofAccount(id, me);
		model.addAttribute("open", all.stream().filter(TaskView::open).toList());
		model.addAttribute("closed", all.stream().filter(t -> !t.open()).toList());
		model.addAttribute("today", time.today(me.timeZone()));
		model.addAttribute("canCreate", tasks.canCreateAt(account, me));
		return "tasks/account-tasks";
	}

	@GetMapping("/tasks/team")
	String team(CurrentUser me, Model model) {
		model.addAttribute("members", tasks.team(me));
		model.addAttribute("today", time.today(me.timeZone()));
		return "tasks/team";
	}

	@GetMapping("/tasks/tomorrow")
	String tomorrow(CurrentUser me, Model model) {
		LocalDate day = planning.tomorrow(me);
		model.addAttribute("plan", planning.plan(me, day));
		return "tasks/tomorrow";
	}

	@PostMapping("/tasks/tomorrow")
	String confirm(@RequestParam(name = "keep", required = false) List<String> keep,
			@RequestParam Map<String, String> params, CurrentUser me, RedirectAttributes flash) {
		LocalDate day = planning.tomorrow(me);
		Map<String, Long> versions = new LinkedHashMap<>();
		Map<String, Integer> order = new LinkedHashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("version-")) {
				versions.put(name.substring(8), Long.valueOf(value));
			}
			if (name.startsWith("order-")) {
				try {
					order.put(name.substring(6), Integer.valueOf(value.trim()));
				}
				catch (NumberFormatException e) {
					throw new InvalidInputException(name, "'" + value + "' is not a position");
				}
			}
		});
		List<String> kept = new ArrayList<>(keep == null ? List.of() : keep);
		kept.sort(java.util.Comparator.comparing(key -> order.getOrDefault(key, Integer.MAX_VALUE)));
		try {
			planning.confirm(me, day, kept, versions);
			flash.addFlashAttribute("toast", "Plan for " + day + " confirmed: " + kept.size() + " priorities");
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError",
					"A task of the plan changed meanwhile (" + e.getMessage() + "); the plan is shown as it is now.");
		}
		return "redirect:/tasks/tomorrow";
	}

	// ---------------------------------------------------------------- working days

	@GetMapping("/tasks/working-days")
	String workingDays(CurrentUser me, Model model) {
		model.addAttribute("weekend", calendar.weekend(me.id()));
		model.addAttribute("days", DayOfWeek.values());
		model.addAttribute("holidays", calendar.holidays());
		model.addAttribute("admin", me.hasRole(Role.ADMIN));
		model.addAttribute("errors", FormErrors.none());
		return "tasks/working-days";
	}

	@PostMapping("/tasks/working-days/weekend")
	String weekend(@RequestParam(name = "weekend", required = false) List<DayOfWeek> weekend, CurrentUser me,
			RedirectAttributes flash) {
		Set<DayOfWeek> days = weekend == null ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekend);
		try {
			calendar.changeWeekend(days, me);
			flash.addFlashAttribute("toast", "Your weekend is saved");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", "Weekend " + e.errors().get(0).message());
		}
		return "redirect:/tasks/working-days";
	}

	@PostMapping("/tasks/working-days/holidays")
	String holiday(@RequestParam(required = false) String day, @RequestParam(required = false) String name,
			CurrentUser me, RedirectAttributes flash) {
		LocalDate date = TaskFormData.date(day);
		try {
			if (date == null) {
				throw new InvalidInputException("day", "'" + (day == null ? "" : day) + "' is not a date (YYYY-MM-DD)");
			}
			calendar.putHoliday(date, name, me);
			flash.addFlashAttribute("toast", "Holiday saved: " + date);
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError",
					(e.errors().get(0).field().equals("day") ? "Day " : "Name ") + e.errors().get(0).message());
		}
		return "redirect:/tasks/working-days";
	}

	@PostMapping("/tasks/working-days/holidays/{day}/delete")
	String removeHoliday(@PathVariable String day, CurrentUser me, RedirectAttributes flash) {
		LocalDate date = TaskFormData.date(day);
		if (date == null) {
			throw new NotFoundException("Holiday", day);
		}
		calendar.removeHoliday(date, me);
		flash.addFlashAttribute("toast", "Holiday removed: " + date);
		return "redirect:/tasks/working-days";
	}

	// ---------------------------------------------------------------- helpers

	private List<AccountSummary> accountsFor(CurrentUser me) {
		return accounts
			.search(new AccountQuery(null, null, null, me.hasRole(Role.ACCOUNT_MANAGER) ? me.id() : null, null, null,
					null, null, "name", false, 0, 200), me)
			.items();
	}

	private List<UserSummary> assignees() {
		return users
			.withRoles(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.RECRUITING_MANAGER,
					Role.RECRUITER, Role.FINANCE, Role.LEGAL)
			.stream()
			.filter(UserSummary::enabled)
			.toList();
	}

	private void requireCreate(AccountDetails account, CurrentUser me) {
		if (!tasks.canCreateAt(account, me)) {
			throw new AccessDeniedException("Account managers create tasks only at the accounts they own");
		}
	}

	private void requireChange(TaskView task, CurrentUser me) {
		if (!tasks.canChange(task, me)) {
			throw new AccessDeniedException(
					"Only the task's assignee and creator, the account's manager, executives, sales directors and admins change it");
		}
	}

	private String day(TaskView task, CurrentUser me) {
		return task.dueText(time.today(task.zone())).replace(" · ", " at ");
	}

	/**
	 * A JSON string for a header: HTTP headers are ASCII, so anything else is escaped.
	 */
	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20 || c > 0x7e) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.append('"').toString();
	}

}
