package io.intime.revenue.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSections;
import io.intime.shared.Editable;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.revenue.OpportunityAccess;
import io.intime.revenue.OpportunityForm;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityStage;
import io.intime.revenue.OpportunityView;
import io.intime.revenue.PipelineSummary;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.Conflict;
import io.intime.shared.web.FormErrors;
import io.intime.shared.Today;
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
 * The Opportunities tab of Account 360 (the open pipeline by stage, then what was won and
 * lost), the opportunity form, and moving an opportunity to another stage.
 */
@Controller
class OpportunityPages {

	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "Title"),
			Map.entry("stage", "Stage"), Map.entry("value", "Value"), Map.entry("currency", "Currency"),
			Map.entry("source", "Source"), Map.entry("nextStep", "Next step"),
			Map.entry("identifiedOn", "Identified on"), Map.entry("closedOn", "Closed on"),
			Map.entry("ownerId", "Owner"), Map.entry("lostReason", "Why it was lost"),
			Map.entry("championId", "Champion"), Map.entry("nextStepDue", "Next step due"));

	/**
	 * The form's flat value and currency fields stand for the facade's
	 * {@code value.amount} and {@code value.currency}.
	 */
	private static final Map<String, String> PAGE_FIELDS = Map.of("value.amount", "value", "value.currency",
			"currency");

	private static final String AMOUNT_EXAMPLE = "300000";

	private final AccountManagement accounts;

	private final AccountSections sections;

	private final OpportunityManagement opportunities;

	private final UserDirectory users;

	private final Today time;

	private final io.intime.accounts.ContactManagement contacts;

	OpportunityPages(AccountManagement accounts, AccountSections sections, OpportunityManagement opportunities,
			UserDirectory users, Today time, io.intime.accounts.ContactManagement contacts) {
		this.contacts = contacts;
		this.accounts = accounts;
		this.sections = sections;
		this.opportunities = opportunities;
		this.users = users;
		this.time = time;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/accounts/{id}/opportunities")
	String tab(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		OpportunityAccess access = opportunities.access(account, me);
		if (!access.view()) {
			throw new AccessDeniedException("You may not see the opportunities of " + account.name());
		}
		sections.header(model, account, "opportunities", me);
		List<OpportunityView> all = opportunities.forAccount(id, me);
		PipelineSummary pipeline = opportunities.pipeline(id, me);
		model.addAttribute("opportunityAccess", access);
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("columns",
				pipeline.stages()
					.stream()
					.map(stage -> new Column(stage, all.stream().filter(o -> o.stage() == stage.stage()).toList()))
					.toList());
		model.addAttribute("closed",
				all.stream()
					.filter(o -> !o.open())
					.sorted(java.util.Comparator.comparing(OpportunityView::closedOn).reversed())
					.toList());
		model.addAttribute("largest",
				all.stream()
					.filter(OpportunityView::open)
					.max(java.util.Comparator.comparing(o -> o.valueUsd().amount()))
					.orElse(null));
		model.addAttribute("stages", Arrays.asList(OpportunityStage.values()));
		model.addAttribute("allCount", all.size());
		return "revenue/opportunities";
	}

	/** One stage of the board with its opportunities. */
	record Column(PipelineSummary.Stage stage, List<OpportunityView> items) {
	}

	@GetMapping("/accounts/{id}/opportunities/new")
	String newOpportunity(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = editable(id, me);
		return form(account, null,
				OpportunityFormData
					.of(OpportunityForm.blank(account.billingCurrency(), time.organizationToday(), me.id()), 0),
				FormErrors.none(), model, me);
	}

	@PostMapping("/accounts/{id}/opportunities/new")
	String create(@PathVariable long id, @ModelAttribute("form") OpportunityFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = editable(id, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return form(account, null, form, FormErrors.of(binding, AMOUNT_EXAMPLE), model, me);
		}
		try {
			OpportunityView created = opportunities.create(id, form.toForm(), me);
			flash.addFlashAttribute("toast", "Added " + created.title());
			return "redirect:/accounts/" + id + "/opportunities#opportunity-" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(account, null, form, FormErrors.none().renaming(PAGE_FIELDS).addAll(e.errors()), model, me);
		}
	}

	@GetMapping("/accounts/{id}/opportunities/{opportunityId}/edit")
	String edit(@PathVariable long id, @PathVariable long opportunityId, CurrentUser me, Model model) {
		AccountDetails account = editable(id, me);
		OpportunityView opportunity = opportunityOf(id, opportunityId, me);
		Editable<OpportunityForm> editable = opportunities.editable(opportunityId, me);
		return form(account, opportunity, OpportunityFormData.of(editable.form(), editable.version()),
				FormErrors.none(), model, me);
	}

	@PostMapping("/accounts/{id}/opportunities/{opportunityId}/edit")
	String update(@PathVariable long id, @PathVariable long opportunityId,
			@ModelAttribute("form") OpportunityFormData form, BindingResult binding, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = editable(id, me);
		OpportunityView opportunity = opportunityOf(id, opportunityId, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return form(account, opportunity, form, FormErrors.of(binding, AMOUNT_EXAMPLE), model, me);
		}
		try {
			OpportunityView saved = opportunities.update(opportunityId, form.toForm(), form.getVersion(), me);
			flash.addFlashAttribute("toast", "Saved " + saved.title());
			return "redirect:/accounts/" + id + "/opportunities#opportunity-" + opportunityId;
		}
		catch (StaleVersionException e) {
			Editable<OpportunityForm> current = opportunities.editable(opportunityId, me);
			model.addAttribute("conflict",
					Conflict.between(Conflict.KEPT,
							OpportunityFormData.of(current.form(), current.version()).comparable(), form.comparable(),
							field -> LABELS.getOrDefault(field, field), (field, value) -> Conflict.plain(value)));
			form.setVersion(current.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return form(account, opportunities.get(opportunityId, me), form, FormErrors.none(), model, me);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(account, opportunity, form, FormErrors.none().renaming(PAGE_FIELDS).addAll(e.errors()), model,
					me);
		}
	}

	/**
	 * The board card's buttons: the next stage, Won, and Lost with its reason. A refusal
	 * (no reason, a stale version) shows the board again with the message on the card:
	 * 422 and 409, as the edit form answers.
	 */
	@PostMapping("/accounts/{id}/opportunities/{opportunityId}/stage")
	String moveTo(@PathVariable long id, @PathVariable long opportunityId, @RequestParam OpportunityStage stage,
			@RequestParam long version, @RequestParam(required = false) String lostReason, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		OpportunityView opportunity = opportunityOf(id, opportunityId, me);
		try {
			OpportunityView moved = opportunities.moveTo(opportunityId, stage, lostReason, version, me);
			flash.addFlashAttribute("toast", moved.title() + ": " + moved.stage().label());
			return "redirect:/accounts/" + id + "/opportunities#opportunity-" + opportunityId;
		}
		catch (StaleVersionException e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("flashError", "Someone else changed " + opportunity.title()
					+ " while you were looking at it; nothing was changed. Its current stage is shown below.");
			model.addAttribute("cardError", new CardError(opportunityId, null, null, lostReason));
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			FieldError first = e.errors().isEmpty() ? null : e.errors().get(0);
			String field = first == null ? null : first.field();
			String message = first == null ? e.getMessage() : first.message();
			if ("lostReason".equals(field)) {
				model.addAttribute("cardError", new CardError(opportunityId, field, message, lostReason));
			}
			else {
				model.addAttribute("flashError",
						opportunity.title() + " was not moved: " + (first == null ? message : first.message()));
				model.addAttribute("cardError", new CardError(opportunityId, field, null, lostReason));
			}
		}
		return tab(id, me, model);
	}

	/**
	 * A card's refused move: the card, the field the message is about (null for the whole
	 * card), the message shown on the card (null when it is shown above the board), and
	 * the reason as typed.
	 */
	record CardError(long opportunityId, String field, String message, String lostReason) {
	}

	@PostMapping("/accounts/{id}/opportunities/{opportunityId}/delete")
	String delete(@PathVariable long id, @PathVariable long opportunityId, CurrentUser me, RedirectAttributes flash) {
		OpportunityView opportunity = opportunityOf(id, opportunityId, me);
		opportunities.delete(opportunityId, me);
		flash.addFlashAttribute("toast", "Deleted " + opportunity.title());
		return "redirect:/accounts/" + id + "/opportunities";
	}

	private String form(AccountDetails account, OpportunityView opportunity, OpportunityFormData form,
			FormErrors errors, Model model, CurrentUser me) {
		model.addAttribute("account", account);
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("stages", Arrays.asList(OpportunityStage.values()));
		model.addAttribute("owners", users.withRoles(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR, Role.EXECUTIVE));
		model.addAttribute("canDelete", opportunity != null && opportunities.access(account, me).delete());
		model.addAttribute("champions", contacts.forAccount(account.id(), me));
		return "revenue/opportunity-form";
	}

	private AccountDetails editable(long id, CurrentUser me) {
		AccountDetails account = accounts.get(id, me);
		if (!opportunities.access(account, me).edit()) {
			throw new AccessDeniedException("You may add and change opportunities only at the accounts you own");
		}
		return account;
	}

	private OpportunityView opportunityOf(long accountId, long opportunityId, CurrentUser me) {
		OpportunityView opportunity = opportunities.get(opportunityId, me);
		if (opportunity.accountId() != accountId) {
			throw new NotFoundException("Opportunity", opportunityId);
		}
		return opportunity;
	}

}
