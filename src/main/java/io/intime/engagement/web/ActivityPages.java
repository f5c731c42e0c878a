package io.intime.engagement.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSections;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.shared.Editable;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
import io.intime.engagement.EngagementFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.engagement.NpsForm;
import io.intime.engagement.NpsManagement;
import io.intime.engagement.NpsView;
import io.intime.engagement.Party;
import io.intime.engagement.Sentiment;
import io.intime.engagement.SurveyType;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.shared.web.Conflict;
import io.intime.shared.web.FormErrors;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account 360's Activities tab (activities newest first, executive engagement, NPS) and
 * the forms that log, plan and change activities and record NPS responses. The activity
 * form takes {@code type}, {@code contactId}, {@code subject} and {@code planned=true} to
 * prefill it (the health page's "Schedule call" links here).
 */
@Controller
class ActivityPages {

	static final int PAGE_SIZE = 25;

	private final AccountManagement accounts;

	private final AccountSections sections;

	private final ActivityManagement activities;

	private final NpsManagement nps;

	private final EngagementFacts facts;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final Today time;

	ActivityPages(AccountManagement accounts, AccountSections sections, ActivityManagement activities,
			NpsManagement nps, EngagementFacts facts, ContactManagement contacts, UserDirectory users, Today time) {
		this.accounts = accounts;
		this.sections = sections;
		this.activities = activities;
		this.nps = nps;
		this.facts = facts;
		this.contacts = contacts;
		this.users = users;
		this.time = time;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	// ------------------------------------------------------------------ the tab

	@GetMapping("/accounts/{id}/activities")
	String tab(@PathVariable long id, @RequestParam(required = false) ActivityType type,
			@RequestParam(defaultValue = "0") int page, CurrentUser me, Model model) {
		AccountDetails account = visible(id, me);
		sections.header(model, account, "activities", me);
		PageResult<ActivityView> list = activities.search(id, type, new PageRequest(page, PAGE_SIZE), me);
		LocalDate today = time.organizationToday();
		AccountScope scope = AccountScope.of(List.of(id));
		ExecutiveFacts engagement = facts.executive(today, 90, scope).get(id);
		NpsFacts satisfaction = facts.nps(today, 180, scope).get(id);
		Map<Long, String> contactNames = new LinkedHashMap<>();
		contacts.forAccount(id, me).forEach(c -> contactNames.put(c.id(), c.name()));
		Set<Long> changeable = new LinkedHashSet<>();
		list.items().stream().filter(a -> activities.canChange(a, me)).forEach(a -> changeable.add(a.id()));
		model.addAttribute("activities", list);
		model.addAttribute("changeable", changeable);
		model.addAttribute("counts", activities.countsByType(id, me));
		model.addAttribute("filter", type);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("engagement", engagement);
		model.addAttribute("touchpointDaysAgo", engagement == null || engagement.lastTouchpoint() == null ? null
				: java.time.temporal.ChronoUnit.DAYS.between(engagement.lastTouchpoint(), today));
		model.addAttribute("unresponsiveName", engagement == null || engagement.unresponsiveContactId() == null ? null
				: contactNames.get(engagement.unresponsiveContactId()));
		model.addAttribute("satisfaction", satisfaction);
		model.addAttribute("responses", nps.search(id, new PageRequest(0, 50), me));
		model.addAttribute("canRecordNps", nps.canRecord(me));
		model.addAttribute("today", today);
		model.addAttribute("now", time.now());
		return "engagement/activities";
	}

	// ------------------------------------------------------------------ activities

	@GetMapping("/accounts/{id}/activities/new")
	String newActivity(@PathVariable long id, @RequestParam(required = false) String type,
			@RequestParam(required = false) String contactId, @RequestParam(required = false) String subject,
			@RequestParam(defaultValue = "false") String planned, CurrentUser me, Model model) {
		AccountDetails account = visible(id, me);
		List<ContactView> people = contacts.forAccount(id, me);
		ActivityType chosen = parse(type);
		Long contact = contactOf(contactId, people);
		if (contact == null && (contactId == null || contactId.isBlank()) && chosen != ActivityType.NOTE) {
			contact = activities.primaryContact(id, me).orElse(null);
		}
		ActivityFormData form = ActivityFormData.blank(chosen, contact, subject, "true".equalsIgnoreCase(planned),
				me.id(), me.timeZone(), time.now());
		return activityForm(account, people, null, form, FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/activities/new")
	String create(@PathVariable long id, @ModelAttribute("form") ActivityFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = visible(id, me);
		List<ContactView> people = contacts.forAccount(id, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return activityForm(account, people, null, form, FormErrors.of(binding).addAll(form.parseErrors()), me,
					model);
		}
		try {
			ActivityView created = activities.create(id, form.toForm(me.timeZone()), me);
			flash.addFlashAttribute("toast", (created.planned(time.now()) ? "Planned " : "Logged ")
					+ created.type().label().toLowerCase() + " “" + created.subject() + "”");
			return "redirect:/accounts/" + id + "/activities#activity-" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return activityForm(account, people, null, form,
					FormErrors.none().addAll(form.parseErrors()).addAll(e.errors()), me, model);
		}
	}

	@GetMapping("/accounts/{id}/activities/{activityId}/edit")
	String edit(@PathVariable long id, @PathVariable long activityId, CurrentUser me, Model model) {
		AccountDetails account = visible(id, me);
		ActivityView activity = changeableActivity(id, activityId, me);
		Editable<ActivityForm> editable = activities.editable(activityId, me);
		return activityForm(account, contacts.forAccount(id, me), activity,
				ActivityFormData.of(editable.form(), editable.version(), me.timeZone()), FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/activities/{activityId}/edit")
	String update(@PathVariable long id, @PathVariable long activityId, @ModelAttribute("form") ActivityFormData form,
			BindingResult binding, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		AccountDetails account = visible(id, me);
		ActivityView activity = changeableActivity(id, activityId, me);
		List<ContactView> people = contacts.forAccount(id, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return activityForm(account, people, activity, form, FormErrors.of(binding).addAll(form.parseErrors()), me,
					model);
		}
		try {
			ActivityView saved = activities.update(activityId, form.toForm(me.timeZone()), form.getVersion(), me);
			flash.addFlashAttribute("toast",
					"Saved " + saved.type().label().toLowerCase() + " “" + saved.subject() + "”");
			return "redirect:/accounts/" + id + "/activities#activity-" + activityId;
		}
		catch (StaleVersionException e) {
			Editable<ActivityForm> current = activities.editable(activityId, me);
			ActivityFormData theirs = ActivityFormData.of(current.form(), current.version(), me.timeZone());
			Map<Long, String> contactNames = new LinkedHashMap<>();
			people.forEach(c -> contactNames.put(c.id(), c.name()));
			Set<Long> userIds = new LinkedHashSet<>(theirs.getParticipantIds());
			userIds.addAll(form.getParticipantIds());
			Map<Long, UserSummary> names = users.findAll(userIds);
			model.addAttribute("conflict", Conflict.between(Conflict.KEPT,
					theirs.comparable(c -> contactNames.getOrDefault(c, "#" + c),
							u -> names.containsKey(u) ? names.get(u).fullName() : "#" + u),
					form.comparable(c -> contactNames.getOrDefault(c, "#" + c),
							u -> names.containsKey(u) ? names.get(u).fullName() : "#" + u),
					Function.identity()));
			form.setVersion(current.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return activityForm(account, people, activity, form, FormErrors.none(), me, model);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return activityForm(account, people, activity, form,
					FormErrors.none().addAll(form.parseErrors()).addAll(e.errors()), me, model);
		}
	}

	@PostMapping("/accounts/{id}/activities/{activityId}/delete")
	String delete(@PathVariable long id, @PathVariable long activityId, CurrentUser me, RedirectAttributes flash) {
		ActivityView activity = activityOf(id, activityId, me);
		activities.delete(activityId, me);
		flash.addFlashAttribute("toast",
				"Removed " + activity.type().label().toLowerCase() + " “" + activity.subject() + "”");
		return "redirect:/accounts/" + id + "/activities";
	}

	// ------------------------------------------------------------------ NPS responses

	@GetMapping("/accounts/{id}/activities/nps/new")
	String newResponse(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = visible(id, me);
		requireNps(me);
		return npsForm(account, null, NpsFormData.blank(time.today(me.timeZone())), FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/activities/nps/new")
	String createResponse(@PathVariable long id, @ModelAttribute("form") NpsFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = visible(id, me);
		requireNps(me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return npsForm(account, null, form, FormErrors.of(binding), me, model);
		}
		try {
			NpsView created = nps.create(id, form.toForm(), me);
			flash.addFlashAttribute("toast", "Recorded NPS " + created.score() + "/10");
			return "redirect:/accounts/" + id + "/activities#nps-" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return npsForm(account, null, form, FormErrors.none().addAll(e.errors()), me, model);
		}
	}

	@GetMapping("/accounts/{id}/activities/nps/{responseId}/edit")
	String editResponse(@PathVariable long id, @PathVariable long responseId, CurrentUser me, Model model) {
		AccountDetails account = visible(id, me);
		requireNps(me);
		NpsView current = responseOf(id, responseId, me);
		Editable<NpsForm> editable = nps.editable(responseId, me);
		return npsForm(account, current, NpsFormData.of(editable.form(), editable.version()), FormErrors.none(), me,
				model);
	}

	@PostMapping("/accounts/{id}/activities/nps/{responseId}/edit")
	String updateResponse(@PathVariable long id, @PathVariable long responseId,
			@ModelAttribute("form") NpsFormData form, BindingResult binding, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = visible(id, me);
		requireNps(me);
		NpsView current = responseOf(id, responseId, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return npsForm(account, current, form, FormErrors.of(binding), me, model);
		}
		try {
			NpsView saved = nps.update(responseId, form.toForm(), form.getVersion(), me);
			flash.addFlashAttribute("toast", "Saved NPS " + saved.score() + "/10");
			return "redirect:/accounts/" + id + "/activities#nps-" + responseId;
		}
		catch (StaleVersionException e) {
			Editable<NpsForm> now = nps.editable(responseId, me);
			Map<Long, String> names = new LinkedHashMap<>();
			contacts.forAccount(id, me).forEach(c -> names.put(c.id(), c.name()));
			model.addAttribute("conflict",
					Conflict.between(Conflict.KEPT,
							NpsFormData.of(now.form(), now.version()).comparable(c -> names.getOrDefault(c, "#" + c)),
							form.comparable(c -> names.getOrDefault(c, "#" + c)), Function.identity()));
			form.setVersion(now.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return npsForm(account, current, form, FormErrors.none(), me, model);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return npsForm(account, current, form, FormErrors.none().addAll(e.errors()), me, model);
		}
	}

	@PostMapping("/accounts/{id}/activities/nps/{responseId}/delete")
	String deleteResponse(@PathVariable long id, @PathVariable long responseId, CurrentUser me,
			RedirectAttributes flash) {
		NpsView current = responseOf(id, responseId, me);
		nps.delete(responseId, me);
		flash.addFlashAttribute("toast", "Removed NPS " + current.score() + "/10 of " + current.respondedOn());
		return "redirect:/accounts/" + id + "/activities#nps";
	}

	// ------------------------------------------------------------------ helpers

	private String activityForm(AccountDetails account, List<ContactView> people, ActivityView activity,
			ActivityFormData form, FormErrors errors, CurrentUser me, Model model) {
		String now = ActivityFormData.LOCAL.format(LocalDateTime.ofInstant(time.now(), me.timeZone()));
		form.setPlanned(form.lies(now, form.isPlanned()));
		Map<ActivityType, List<String>> headings = new LinkedHashMap<>();
		for (ActivityType t : ActivityType.values()) {
			headings.put(t, List.of(heading(activity, t, false), heading(activity, t, true)));
		}
		model.addAttribute("account", account);
		model.addAttribute("activity", activity);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("heading", heading(activity, form));
		model.addAttribute("headings", headings);
		model.addAttribute("typesWith", Map.of("direction", typesWhere(ActivityType::hasDirection), "duration",
				typesWhere(ActivityType::hasDuration)));
		model.addAttribute("nowLocal", now);
		model.addAttribute("primaryContactId",
				activity == null ? activities.primaryContact(account.id(), me).orElse(null) : null);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("directions", ActivityDirection.values());
		model.addAttribute("sentiments", Sentiment.values());
		model.addAttribute("contacts", people);
		model.addAttribute("participants", participantChoices(account, form, me));
		model.addAttribute("zone", me.timeZone());
		return "engagement/activity-form";
	}

	static String heading(ActivityView activity, ActivityFormData form) {
		return heading(activity, form.getType() == null ? ActivityType.CALL : form.getType(), form.isPlanned());
	}

	/**
	 * The types of which {@code test} holds, as the form's {@code data-types} names them.
	 */
	private static String typesWhere(java.util.function.Predicate<ActivityType> test) {
		return java.util.Arrays.stream(ActivityType.values())
			.filter(test)
			.map(ActivityType::name)
			.collect(java.util.stream.Collectors.joining(" "));
	}

	/**
	 * The form's heading for a type and tense: "Log a call", "Plan a call", "Add a note";
	 * "Edit call" for an activity already saved.
	 */
	static String heading(ActivityView activity, ActivityType type, boolean planned) {
		if (activity != null) {
			return "Edit " + type.label().toLowerCase();
		}
		if (type == ActivityType.NOTE) {
			return "Add a note";
		}
		return (planned ? "Plan " : "Log ") + type.withArticle();
	}

	/**
	 * The firm's people one may name as participants: me, the owner, the sponsor, the
	 * team, and whoever is chosen.
	 */
	private List<Party> participantChoices(AccountDetails account, ActivityFormData form, CurrentUser me) {
		Map<Long, Party> choices = new LinkedHashMap<>();
		choices.put(me.id(), new Party(me.id(), me.fullName(), "You", me.role().name()));
		if (account.ownerId() != null) {
			choices.putIfAbsent(account.ownerId(),
					new Party(account.ownerId(), account.ownerName(), "Account manager", null));
		}
		if (account.executiveSponsorId() != null) {
			choices.putIfAbsent(account.executiveSponsorId(),
					new Party(account.executiveSponsorId(), account.executiveSponsorName(), "Executive sponsor", null));
		}
		accounts.team(account.id())
			.forEach(m -> choices.putIfAbsent(m.userId(), new Party(m.userId(), m.name(), m.teamRole(), null)));
		List<Long> missing = new ArrayList<>();
		for (Long id : form.getParticipantIds()) {
			if (id != null && !choices.containsKey(id)) {
				missing.add(id);
			}
		}
		if (!missing.isEmpty()) {
			users.findAll(missing)
				.values()
				.forEach(u -> choices.put(u.id(), new Party(u.id(), u.fullName(), u.title(), null)));
		}
		return List.copyOf(choices.values());
	}

	private String npsForm(AccountDetails account, NpsView response, NpsFormData form, FormErrors errors,
			CurrentUser me, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("response", response);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("contacts", contacts.forAccount(account.id(), me));
		model.addAttribute("surveyTypes", SurveyType.values());
		model.addAttribute("canDelete", response != null && nps.canDelete(me));
		return "engagement/nps-form";
	}

	private void requireNps(CurrentUser me) {
		if (!nps.canRecord(me)) {
			throw new AccessDeniedException(
					"Only account managers, executives, sales directors and admins record NPS responses");
		}
	}

	private static ActivityType parse(String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		try {
			return ActivityType.valueOf(type.trim().toUpperCase());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/**
	 * A contact of this account named in the link, or none (a stale link must not break
	 * the form).
	 */
	private static Long contactOf(String contactId, List<ContactView> people) {
		if (contactId == null || !contactId.trim().matches("\\d{1,18}")) {
			return null;
		}
		long id = Long.parseLong(contactId.trim());
		return people.stream().anyMatch(c -> c.id() == id) ? id : null;
	}

	private ActivityView activityOf(long accountId, long activityId, CurrentUser me) {
		ActivityView activity = activities.get(activityId, me);
		if (activity.accountId() != accountId) {
			throw new NotFoundException("Activity", activityId);
		}
		return activity;
	}

	private ActivityView changeableActivity(long accountId, long activityId, CurrentUser me) {
		ActivityView activity = activityOf(accountId, activityId, me);
		if (!activities.canChange(activity, me)) {
			throw new AccessDeniedException(
					"Only whoever logged an activity, executives, sales directors and admins change it");
		}
		return activity;
	}

	private NpsView responseOf(long accountId, long responseId, CurrentUser me) {
		NpsView response = nps.get(responseId, me);
		if (response.accountId() != accountId) {
			throw new NotFoundException("NPS response", responseId);
		}
		return response;
	}

	/**
	 * The account, when the user may see its activities (the facade refuses the rest the
	 * same way).
	 */
	private AccountDetails visible(long id, CurrentUser me) {
		AccountDetails account = accounts.get(id, me);
		if (!activities.canView(account, me)) {
			throw new AccessDeniedException("Account managers see the activities of the accounts they own only");
		}
		return account;
	}

}
