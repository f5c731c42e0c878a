package io.intime.escalations.web;

import java.util.Map;

import io.intime.escalations.EscalationForm;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationView;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Escalations over REST ({@link EscalationManagement}). The key (ESC-YYYY-NNNN) is given
 * on creation and never changes; {@code raisedAt} and {@code resolvedAt} are ISO-8601
 * instants (UTC).
 */
@RestController
@RequestMapping("/api/v1/escalations")
@Tag(name = "Escalations", description = "Client escalations: severity P0–P3, status, raised and resolved")
class EscalationApi {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final EscalationManagement escalations;

	private final JsonForms forms;

	EscalationApi(EscalationManagement escalations, JsonForms forms) {
		this.escalations = escalations;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "List escalations",
			description = "Open ones first, then newest raised first; optionally of one "
					+ "account (accountId) and in one status.")
	PageResult<EscalationView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) EscalationStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return escalations.search(accountId, status, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Raise an escalation",
			description = "The body is accountId plus the escalation's fields; status "
					+ "defaults to OPEN and raisedAt to now. 201 with the escalation (and its key) and its Location.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "accountId plus the fields of the escalation form",
			content = @Content(schema = @Schema(implementation = EscalationForm.class)))
	ResponseEntity<EscalationView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long accountId = forms.take(json, "accountId");
		if (json.has("key")) {
			throw new InvalidInputException("key", "is given by the system (ESC-YYYY-NNNN)");
		}
		EscalationForm form = forms.create(json, EscalationForm.class, Map.of("status", "OPEN"));
		EscalationView created = escalations.create(accountId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an escalation")
	EscalationView get(@PathVariable long id, CurrentUser user) {
		return escalations.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH })
	@Operation(summary = "Change an escalation",
			description = "A JSON merge patch: the version you read (required) and "
					+ "only the fields to change, e.g. {\"version\": 3, \"status\": \"RESOLVED\"} (resolvedAt defaults to now). "
					+ "A stale version is a 409.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = EscalationForm.class)))
	EscalationView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		if (patch.has("accountId")) {
			throw new InvalidInputException("accountId", "cannot be changed; an escalation stays at its account");
		}
		if (patch.has("key")) {
			throw new InvalidInputException("key", "cannot be changed");
		}
		EscalationForm current = escalations.editable(id, user).form();
		EscalationForm form = forms.patch(current, patch, EscalationForm.class);
		if (patch.has("status") && !patch.has("resolvedAt") && form.status() != null && form.status().ended()
				&& !current.status().ended()) {
			// Resolving now: the resolution time is now, not a left-over value.
			form = new EscalationForm(form.title(), form.description(), form.severity(), form.status(), form.raisedAt(),
					null);
		}
		return escalations.update(id, form, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an escalation", description = "Executives, sales directors and admins.")
	void delete(@PathVariable long id, CurrentUser user) {
		escalations.delete(id, user);
	}

}
