package io.intime.escalations.web;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSections;
import io.intime.shared.Editable;
import io.intime.accounts.ContactManagement;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityView;
import io.intime.escalations.EscalationCategory;
import io.intime.escalations.EscalationFacts;
import io.intime.escalations.ResolutionCategory;
import io.intime.staffing.JobManagement;
import io.intime.staffing.PlacementManagement;
import io.intime.escalations.EscalationForm;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationView;
import io.intime.escalations.IssueFacts;
import io.intime.escalations.Severity;
import io.intime.escalations.SlaPolicies;
import io.intime.identity.CurrentUser;
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
 * Account 360's Escalations tab (open first with their age, then resolved with time to
 * resolve) and its forms.
 */
@Controller
class EscalationPages {

	private final AccountManagement accounts;

	private final AccountSections sections;

	private final EscalationManagement escalations;

	private final EscalationFacts facts;

	private final Today time;

	private final ContactManagement contacts;

	private final JobManagement jobs;

	private final ActivityManagement activities;

	private final PlacementManagement placements;

	private final SlaPolicies policies;

	EscalationPages(AccountManagement accounts, AccountSections sections, EscalationManagement escalations,
			EscalationFacts facts, Today time, ContactManagement contacts, JobManagement jobs,
			ActivityManagement activities, PlacementManagement placements, SlaPolicies policies) {
		this.policies = policies;
		this.placements = placements;
		this.contacts = contacts;
		this.jobs = jobs;
		this.activities = activities;
		this.accounts = accounts;
		this.sections = sections;
		this.escalations = escalations;
		this.facts = facts;
		this.time = time;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/accounts/{id}/escalations")
	String tab(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		sections.header(model, account, "escalations", me);
		PageResult<EscalationView> all = escalations.search(id, null, new PageRequest(0, PageRequest.MAX_SIZE), me);
		List<EscalationView> open = all.items().stream().filter(EscalationView::open).toList();
		List<EscalationView> resolved = all.items().stream().filter(e -> !e.open()).toList();
		IssueFacts issues = facts.issues(time.organizationToday(), 90, AccountScope.of(List.of(id))).get(id);
		Instant now = time.now();
		model.addAttribute("open", open);
		model.addAttribute("resolved", resolved);
		model.addAttribute("total", all.total());
		model.addAttribute("issues", issues);
		model.addAttribute("averageResolution", resolved.isEmpty() ? null : EscalationView.text(java.time.Duration
			.ofSeconds((long) resolved.stream().mapToLong(e -> e.duration(now).getSeconds()).average().orElse(0))));
		model.addAttribute("now", now);
		model.addAttribute("canRaise", escalations.canRaise(me));
		model.addAttribute("canChange", escalations.canChange(account, me));
		return "escalations/escalations";
	}

	/**
	 * The raise form; from an inbound email ({@code fromActivity}, spec 02 step 14) it is
	 * prefilled with its subject, text and sender, and the severity the matrix suggests
	 * for them; from a job ({@code jobId}) with the job.
	 */
	@GetMapping("/accounts/{id}/escalations/new")
	String newEscalation(@PathVariable long id, @RequestParam(required = false) Long fromActivity,
			@RequestParam(required = false) Long jobId, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		requireRaise(me);
		EscalationFormData data = EscalationFormData.blank(me.timeZone(), time.now());
		if (fromActivity != null) {
			ActivityView email = activities.get(fromActivity, me);
			if (email.accountId() != id) {
				throw new NotFoundException("Activity", fromActivity);
			}
			data.setTitle(email.subject());
			data.setDescription(email.notes());
			data.setContactId(email.contactIds().isEmpty() ? null : email.contactIds().get(0));
			data.setSeverity(escalations.suggestSeverity(email.subject() + "\n" + email.notes()).severity());
			data.setRaisedAt(EscalationFormData.LOCAL
				.format(java.time.LocalDateTime.ofInstant(email.occurredAt(), me.timeZone())));
			model.addAttribute("fromEmail", email);
		}
		if (jobId != null) {
			data.setJobId(jobId);
		}
		return form(account, null, data, FormErrors.none(), me, model);
	}

	/** The severity the matrix suggests while the person types (an htmx fragment). */
	@GetMapping("/escalations/severity-suggestion")
	String suggestion(@RequestParam(required = false) String title, @RequestParam(required = false) String description,
			Model model) {
		String text = (title == null ? "" : title) + "\n" + (description == null ? "" : description);
		model.addAttribute("suggestion", text.isBlank() ? null : escalations.suggestSeverity(text));
		return "escalations/escalation-form :: suggestion";
	}

	@PostMapping("/accounts/{id}/escalations/new")
	String create(@PathVariable long id, @ModelAttribute("form") EscalationFormData form, BindingResult binding,
			@RequestParam(required = false) String next, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		AccountDetails account = accounts.get(id, me);
		requireRaise(me);
		if (binding.hasErrors() || !form.parseErrors().isEmpty()) {
			response.setStatus(422);
			return form(account, null, form, FormErrors.of(binding).addAll(form.parseErrors()), me, model);
		}
		try {
			EscalationView created = escalations.create(id, form.toForm(me.timeZone()), me);
			flash.addFlashAttribute("toast", "Raised " + created.key() + " – " + created.title()
					+ (created.ownerName() != null ? " · owned by " + created.ownerName() : ""));
			// raised from an email: on to the escalation and its clocks; from the tab:
			// back
			// to the account's escalations
			return "detail".equals(next) ? "redirect:/escalations/" + created.id()
					: "redirect:/accounts/" + id + "/escalations#escalation-" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(account, null, form, FormErrors.none().addAll(e.errors()), me, model);
		}
	}

	@GetMapping("/accounts/{id}/escalations/{escalationId}/edit")
	String edit(@PathVariable long id, @PathVariable long escalationId, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		EscalationView escalation = changeable(account, escalationId, me);
		Editable<EscalationForm> editable = escalations.editable(escalationId, me);
		return form(account, escalation, EscalationFormData.of(editable.form(), editable.version(), me.timeZone()),
				FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/escalations/{escalationId}/edit")
	String update(@PathVariable long id, @PathVariable long escalationId,
			@ModelAttribute("form") EscalationFormData form, BindingResult binding, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = accounts.get(id, me);
		EscalationView escalation = changeable(account, escalationId, me);
		if (binding.hasErrors() || !form.parseErrors().isEmpty()) {
			response.setStatus(422);
			return form(account, escalation, form, FormErrors.of(binding).addAll(form.parseErrors()), me, model);
		}
		try {
			EscalationView saved = escalations.update(escalationId, form.toForm(me.timeZone()), form.getVersion(),
					form.getReopenReason(), me);
			flash.addFlashAttribute("toast", "Saved " + saved.key() + " (" + saved.status().label() + ")");
			return "redirect:/accounts/" + id + "/escalations#escalation-" + escalationId;
		}
		catch (StaleVersionException e) {
			Editable<EscalationForm> current = escalations.editable(escalationId, me);
			model.addAttribute("conflict",
					Conflict.between(Conflict.KEPT,
							EscalationFormData.of(current.form(), current.version(), me.timeZone()).comparable(),
							form.comparable(), Function.identity()));
			form.setVersion(current.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return form(account, escalation, form, FormErrors.none(), me, model);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(account, escalation, form, FormErrors.none().addAll(e.errors()), me, model);
		}
	}

	@PostMapping("/accounts/{id}/escalations/{escalationId}/delete")
	String delete(@PathVariable long id, @PathVariable long escalationId, CurrentUser me, RedirectAttributes flash) {
		EscalationView escalation = escalationOf(id, escalationId, me);
		escalations.delete(escalationId, me);
		flash.addFlashAttribute("toast", "Deleted " + escalation.key());
		return "redirect:/accounts/" + id + "/escalations";
	}

	private String form(AccountDetails account, EscalationView escalation, EscalationFormData form, FormErrors errors,
			CurrentUser me, Model model) {
		model.addAttribute("account", account);
		model.addAttribute("escalation", escalation);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("severities", Severity.values());
		// the targets a new escalation gets: the policy in force, not Appendix B's
		// defaults
		model.addAttribute("policy", escalation == null ? policies.current() : policies.inForce(escalation.raisedAt()));
		model.addAttribute("statuses", EscalationStatus.values());
		model.addAttribute("categories", EscalationCategory.values());
		model.addAttribute("resolutions", ResolutionCategory.values());
		model.addAttribute("contacts", contacts.forAccount(account.id(), me));
		model.addAttribute("jobs", jobs.forAccount(account.id(), me));
		model.addAttribute("placements", placements.forAccount(account.id(), me));
		if (!model.containsAttribute("suggestion") && form.getTitle() != null) {
			model.addAttribute("suggestion", escalations.suggestSeverity(
					form.getTitle() + "\n" + (form.getDescription() == null ? "" : form.getDescription())));
		}
		model.addAttribute("zone", me.timeZone());
		model.addAttribute("canDelete", escalation != null && escalations.canDelete(me));
		return "escalations/escalation-form";
	}

	private void requireRaise(CurrentUser me) {
		if (!escalations.canRaise(me)) {
			throw new AccessDeniedException("Only account managers, recruiters, recruiting managers, executives, sales "
					+ "directors and admins raise escalations");
		}
	}

	private EscalationView escalationOf(long accountId, long escalationId, CurrentUser me) {
		EscalationView escalation = escalations.get(escalationId, me);
		if (escalation.accountId() != accountId) {
			throw new NotFoundException("Escalation", escalationId);
		}
		return escalation;
	}

	private EscalationView changeable(AccountDetails account, long escalationId, CurrentUser me) {
		EscalationView escalation = escalationOf(account.id(), escalationId, me);
		if (!escalations.canChange(account, me)) {
			throw new AccessDeniedException(
					"Only the account's manager, executives, sales directors and admins change its escalations");
		}
		return escalation;
	}

}
