package io.intime.automation.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.intime.automation.AutomationFiring;
import io.intime.automation.AutomationRule;
import io.intime.automation.AutomationRules;
import io.intime.automation.AutomationScan;
import io.intime.automation.RuleForm;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The automation rules over REST: read (admins, executives, sales directors), add and
 * change (admins, with the version read), their firings, the scan on demand (admins), and
 * the firings about an account (whoever sees the account).
 */
@RestController
@Tag(name = "Automation", description = "Rules that start workflows and send alerts, and their firings (issue 17)")
class AutomationApi {

	private final AutomationRules rules;

	private final AutomationScan scan;

	private final JsonForms forms;

	AutomationApi(AutomationRules rules, AutomationScan scan, JsonForms forms) {
		this.rules = rules;
		this.scan = scan;
		this.forms = forms;
	}

	@GetMapping("/api/v1/automation-rules")
	@Operation(summary = "The automation rules",
			description = "Each with its condition (and its days, threshold or tiers), action, template, owner, whether it "
					+ "is enabled, its latest firing and how many. Admins, executives and sales directors.")
	PageResult<AutomationRule> list(@RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		PageRequest request = new PageRequest(page, size);
		List<AutomationRule> all = rules.list(user);
		List<AutomationRule> items = all.stream().skip(request.offset()).limit(request.size()).toList();
		return new PageResult<>(items, all.size(), page, size);
	}

	@GetMapping("/api/v1/automation-rules/{id}")
	@Operation(summary = "One automation rule")
	AutomationRule get(@PathVariable long id, CurrentUser user) {
		return rules.get(id, user);
	}

	@PostMapping(path = "/api/v1/automation-rules", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Add an automation rule (admins)",
			description = "Body: name, condition (CONTRACT_ENDING with days, HEALTH_BELOW with threshold, KEY_CONTACT_LEFT, "
					+ "QUARTERLY with tiers, BILLING_DISPUTE, FIRST_CONTRACT_SIGNED), action (START_WORKFLOW with "
					+ "templateId, or SMS_ALERT for CONTRACT_ENDING within 30 days), ownerKind (ACCOUNT_MANAGER, "
					+ "EXECUTIVE_SPONSOR, USER with ownerUserId), enabled.")
	ResponseEntity<AutomationRule> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		RuleForm form = forms.create(forms.object(body), RuleForm.class, Map.of("enabled", true));
		AutomationRule created = rules.create(form, user);
		return ResponseEntity.created(URI.create("/api/v1/automation-rules/" + created.id())).body(created);
	}

	@PatchMapping(path = "/api/v1/automation-rules/{id}",
			consumes = { MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json" })
	@Operation(summary = "Change an automation rule (admins)",
			description = "Body: version (the one read) and any of name, days, threshold, tiers, action, templateId, "
					+ "ownerKind, ownerUserId, enabled. A stale version gets 409.")
	AutomationRule change(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		AutomationRule current = rules.get(id, user);
		RuleForm form = forms.patch(current.form(), patch, RuleForm.class);
		return rules.update(id, form, version, user);
	}

	@GetMapping("/api/v1/automation-rules/{id}/firings")
	@Operation(summary = "A rule's firings, newest first",
			description = "Each with its occasion, account, time, result and the run it started.")
	PageResult<AutomationFiring> firings(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return rules.firings(id, new PageRequest(page, size), user);
	}

	@PostMapping("/api/v1/automation-rules/scan")
	@Operation(summary = "Run the scan now (admins)",
			description = "Looks for the occasions of the rules on contracts ending, health below a threshold and the "
					+ "quarterly cadence over every account, and fires the new ones; answers what it found and how long it took.")
	AutomationScan.Result scan(CurrentUser user) {
		return scan.scanNow(user);
	}

	@GetMapping("/api/v1/automation-firings")
	@Operation(summary = "The firings about an account, newest first", description = "For whoever sees the account.")
	PageResult<AutomationFiring> ofAccount(@RequestParam(required = false) Long accountId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		if (accountId == null) {
			throw new InvalidInputException("accountId", "Give the account whose firings to list");
		}
		return rules.firingsOfAccount(accountId, new PageRequest(page, size), user);
	}

}
