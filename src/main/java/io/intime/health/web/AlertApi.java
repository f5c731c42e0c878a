package io.intime.health.web;

import java.util.List;
import java.util.Map;

import io.intime.health.alerts.AlertStatus;
import io.intime.health.alerts.AlertThresholds;
import io.intime.health.alerts.AlertView;
import io.intime.health.alerts.Alerts;
import io.intime.identity.CurrentUser;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.intime.shared.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Health alerts: the signed-in user's, an account's, acknowledging and resolving them,
 * and the rules' thresholds.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Alerts")
class AlertApi {

	private final Alerts alerts;

	private final JsonForms forms;

	AlertApi(Alerts alerts, JsonForms forms) {
		this.alerts = alerts;
		this.forms = forms;
	}

	@GetMapping("/alerts")
	@Operation(summary = "Alerts",
			description = "With accountId: that account's alerts (unresolved, then those resolved "
					+ "in the last 90 days). Without: the alerts addressed to you; status OPEN, ACKNOWLEDGED or RESOLVED "
					+ "(default: the unresolved ones).")
	PageResult<AlertView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) AlertStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		PageRequest request = new PageRequest(page, size);
		if (accountId != null) {
			List<AlertView> all = alerts.forAccount(accountId, user)
				.stream()
				.filter(alert -> status == null || alert.status() == status)
				.toList();
			return Pages.slice(all, request.page(), request.size());
		}
		return alerts.mine(status, request, user);
	}

	@GetMapping("/alerts/{id}")
	@Operation(summary = "One alert")
	AlertView get(@PathVariable long id, CurrentUser user) {
		return alerts.get(id, user);
	}

	@PostMapping("/alerts/{id}/acknowledge")
	@Operation(summary = "Acknowledge an alert", description = "Body: {\"version\": n}, the version you read. "
			+ "Its recipients, executives, sales directors and admins may.")
	AlertView acknowledge(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		return alerts.acknowledge(id, forms.take(json, "version"), user);
	}

	@PostMapping("/alerts/{id}/resolve")
	@Operation(summary = "Resolve an alert", description = "Body: {\"version\": n}. If its condition still holds, "
			+ "the next evaluation raises a new alert.")
	AlertView resolve(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		return alerts.resolve(id, forms.take(json, "version"), user);
	}

	@GetMapping("/alert-settings")
	@Operation(summary = "The alert rules' thresholds")
	Alerts.Settings settings() {
		return alerts.settings();
	}

	@PutMapping("/alert-settings")
	@Operation(summary = "Change the alert rules' thresholds (admins)",
			description = "Body: every threshold and the " + "version read.")
	Alerts.Settings update(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		AlertThresholds thresholds = forms.create(json, AlertThresholds.class, Map.of());
		return alerts.updateSettings(thresholds, version, user);
	}

}
