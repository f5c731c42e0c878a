package io.intime.automation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.Tier;
import io.intime.automation.ActionKind;
import io.intime.automation.AutomationRule;
import io.intime.automation.AutomationRules;
import io.intime.automation.AutomationScan;
import io.intime.automation.ConditionKind;
import io.intime.automation.OwnerKind;
import io.intime.automation.RuleForm;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.Conflict;
import io.intime.shared.web.FieldLabels;
import io.intime.shared.web.FormErrors;
import io.intime.shared.web.NavigationItem;
import io.intime.shared.web.Stylesheet;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The automation rules (admins change them and run the scan; executives and sales
 * directors read them): the list with each rule's condition in words, what it starts, who
 * owns it and how often it fired; a rule's page with its form and its firings.
 */
@Controller
class AutomationPages {

	static final int FIRINGS_PER_PAGE = 25;

	/** How the rule form's fields are named in error summaries and conflicts. */
	static final Map<String, String> LABELS = Map.of("name", "Name", "condition", "Condition", "days",
			"Days before the end", "threshold", "Health score below", "tiers", "Tiers", "action", "Action",
			"templateId", "Workflow", "ownerKind", "Owner", "ownerUserId", "Owner (person)", "enabled", "Enabled");

	private final AutomationRules rules;

	private final AutomationScan scan;

	AutomationPages(AutomationRules rules, AutomationScan scan) {
		this.rules = rules;
		this.scan = scan;
	}

	@Bean
	static NavigationItem automationNavigationItem() {
		return new NavigationItem("Automation", "/automation", "repeat", 94, Set.of(Role.ADMIN.name()));
	}

	@Bean
	static Stylesheet automationStylesheet() {
		return new Stylesheet("/css/automation.css", 75);
	}

	@Bean
	static FieldLabels automationFieldLabels() {
		return new FieldLabels(LABELS);
	}

	/**
	 * The page's form: the service's {@link RuleForm} and the version the person read.
	 * Enabled is a pair of radio buttons, so an unchecked box never reads as "on".
	 */
	record RuleFormData(String name, ConditionKind condition, Integer days, Integer threshold, List<Tier> tiers,
			ActionKind action, Long templateId, OwnerKind ownerKind, Long ownerUserId, Boolean enabled, Long version) {

		static RuleFormData of(RuleForm form, Long version) {
			return new RuleFormData(form.name(), form.condition(), form.days(), form.threshold(), form.tiers(),
					form.action(), form.templateId(), form.ownerKind(), form.ownerUserId(), form.enabled(), version);
		}

		RuleForm toForm() {
			return new RuleForm(name, condition, days, threshold, tiers == null ? List.of() : tiers, action, templateId,
					ownerKind, ownerUserId, enabled == null ? Boolean.FALSE : enabled);
		}

		RuleFormData withVersion(long version) {
			return new RuleFormData(name, condition, days, threshold, tiers, action, templateId, ownerKind, ownerUserId,
					enabled, version);
		}

		public boolean has(Tier tier) {
			return tiers != null && tiers.contains(tier);
		}

		public boolean sms() {
			return action == ActionKind.SMS_ALERT;
		}

		/** What a conflict compares. */
		Map<String, Object> comparable() {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("name", name);
			values.put("days", days);
			values.put("threshold", threshold);
			values.put("tiers", tiers == null || tiers.isEmpty() ? null : tiers);
			values.put("action", action);
			values.put("templateId", templateId);
			values.put("ownerKind", ownerKind);
			values.put("ownerUserId", ownerUserId);
			values.put("enabled", enabled);
			return values;
		}

	}

	// ------------------------------------------------------------------ the list

	@GetMapping("/automation")
	String list(CurrentUser me, Model model) {
		model.addAttribute("rules", rules.list(me));
		model.addAttribute("canEdit", AutomationRules.mayEdit(me));
		model.addAttribute("conditions", ConditionKind.values());
		return "automation/rules";
	}

	@PostMapping("/automation/scan")
	String scanNow(CurrentUser me, RedirectAttributes redirect) {
		AutomationScan.Result result = scan.scanNow(me);
		redirect.addFlashAttribute("toast", "Scan done in " + result.millis() + " ms: " + result.summary());
		return "redirect:/automation";
	}

	// ------------------------------------------------------------------ a new rule

	@GetMapping("/automation/rules/new")
	String newRule(@RequestParam(required = false) ConditionKind condition, CurrentUser me, Model model) {
		if (!AutomationRules.mayEdit(me)) {
			throw new org.springframework.security.access.AccessDeniedException("Only admins add automation rules");
		}
		ConditionKind kind = condition == null ? ConditionKind.CONTRACT_ENDING : condition;
		RuleForm blank = new RuleForm("", kind, kind.takesDays() ? 90 : null, kind.takesThreshold() ? 60 : null,
				kind.takesTiers() ? List.of(Tier.STRATEGIC, Tier.GROWTH) : List.of(), ActionKind.START_WORKFLOW, null,
				OwnerKind.ACCOUNT_MANAGER, null, true);
		return creating(RuleFormData.of(blank, null), FormErrors.none(), me, model);
	}

	@PostMapping("/automation/rules")
	String create(@ModelAttribute("form") RuleFormData form, BindingResult binding, CurrentUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		FormErrors errors = FormErrors.of(binding);
		if (!errors.any()) {
			try {
				AutomationRule created = rules.create(form.toForm(), me);
				redirect.addFlashAttribute("toast", "Added the rule “" + created.name() + "”");
				return "redirect:/automation/rules/" + created.id();
			}
			catch (InvalidInputException e) {
				errors = FormErrors.of(e.errors());
			}
		}
		response.setStatus(422);
		return creating(form, errors, me, model);
	}

	private String creating(RuleFormData form, FormErrors errors, CurrentUser me, Model model) {
		if (!AutomationRules.mayEdit(me)) {
			throw new org.springframework.security.access.AccessDeniedException("Only admins add automation rules");
		}
		model.addAttribute("rule", null);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", null);
		model.addAttribute("canEdit", true);
		model.addAttribute("kind", form.condition() == null ? ConditionKind.CONTRACT_ENDING : form.condition());
		choices(model);
		return "automation/rule";
	}

	// ------------------------------------------------------------------ a rule

	@GetMapping("/automation/rules/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "0") int page, CurrentUser me, Model model) {
		AutomationRule rule = rules.get(id, me);
		return page(rule, RuleFormData.of(rule.form(), rule.version()), FormErrors.none(), null, page, me, model);
	}

	@PostMapping("/automation/rules/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") RuleFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		AutomationRule rule = rules.get(id, me);
		FormErrors errors = FormErrors.of(binding);
		if (!errors.any() && form.version() == null) {
			errors.add("version", "The form lost the version it was read at; reload the page");
		}
		if (!errors.any()) {
			try {
				AutomationRule saved = rules.update(id, form.toForm(), form.version(), me);
				redirect.addFlashAttribute("toast", "Saved “" + saved.name() + "”");
				return "redirect:/automation/rules/" + id;
			}
			catch (InvalidInputException e) {
				errors = FormErrors.of(e.errors());
			}
			catch (StaleVersionException e) {
				AutomationRule current = rules.get(id, me);
				Conflict conflict = Conflict.between(Conflict.KEPT,
						RuleFormData.of(current.form(), current.version()).comparable(), form.comparable(),
						field -> LABELS.getOrDefault(field, field));
				response.setStatus(HttpServletResponse.SC_CONFLICT);
				return page(current, form.withVersion(current.version()), FormErrors.none(), conflict, 0, me, model);
			}
		}
		response.setStatus(422);
		return page(rule, form, errors, null, 0, me, model);
	}

	private String page(AutomationRule rule, RuleFormData form, FormErrors errors, Conflict conflict, int page,
			CurrentUser me, Model model) {
		model.addAttribute("rule", rule);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		model.addAttribute("canEdit", AutomationRules.mayEdit(me));
		model.addAttribute("kind", rule.condition());
		model.addAttribute("firings",
				rules.firings(rule.id(), new PageRequest(Math.max(0, page), FIRINGS_PER_PAGE), me));
		choices(model);
		return "automation/rule";
	}

	private void choices(Model model) {
		model.addAttribute("templates", rules.templateChoices());
		model.addAttribute("owners", rules.ownerChoices());
		model.addAttribute("tierChoices", Tier.values());
		model.addAttribute("ownerKinds", OwnerKind.values());
		model.addAttribute("smsDays", io.intime.automation.ExpiryAlerts.WITHIN_DAYS);
		model.addAttribute("conditions", ConditionKind.values());
	}

}
