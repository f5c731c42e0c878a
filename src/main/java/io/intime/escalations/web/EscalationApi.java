package io.intime.escalations.web;

import java.util.List;
import java.util.Map;

import io.intime.escalations.EscalationForm;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationQueue;
import io.intime.escalations.EscalationView;
import io.intime.escalations.IncidentLogEntry;
import io.intime.escalations.QueueFilter;
import io.intime.escalations.QueueRow;
import io.intime.escalations.ResolutionCategory;
import io.intime.escalations.Severity;
import io.intime.escalations.SeveritySuggestion;
import io.intime.escalations.SlaPerformance;
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
import org.springframework.web.bind.annotation.PutMapping;
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

	private final EscalationQueue queue;

	EscalationApi(EscalationManagement escalations, JsonForms forms, EscalationQueue queue) {
		this.queue = queue;
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
		var reasonNode = patch.remove("reopenReason");
		String reason = reasonNode == null || reasonNode.isNull() ? null : reasonNode.asString();
		EscalationForm current = escalations.editable(id, user).form();
		EscalationForm form = forms.patch(current, patch, EscalationForm.class);
		if (patch.has("status") && !patch.has("resolvedAt") && form.status() != null && form.status().ended()
				&& !current.status().ended()) {
			// Resolving now: the resolution time is now, not a left-over value.
			form = form.withStatus(form.status(), null, form.resolutionCategory());
		}
		return escalations.update(id, form, version, reason, user);
	}

	/** A move of status through the API. */
	record Transition(EscalationStatus status, ResolutionCategory resolutionCategory, String rootCause, String reason) {
	}

	/** An update for the incident log, or a post-mortem. */
	record Text(String text) {
	}

	@GetMapping("/queue")
	@Operation(summary = "The escalation queue",
			description = "Open escalations (ended=true: resolved and closed) the user may see with both clocks as of now, "
					+ "most urgent first; filters: severity, ownerId (0: nobody owns), accountId, accountManagerId. "
					+ "At most " + EscalationQueue.LIMIT + ".")
	List<QueueRow> queue(@RequestParam(required = false) Severity severity,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Long accountManagerId, @RequestParam(defaultValue = "false") boolean ended,
			CurrentUser user) {
		return queue.queue(new QueueFilter(severity, ownerId, accountId, accountManagerId, ended), user);
	}

	@GetMapping("/sla-performance")
	@Operation(summary = "Resolved within SLA",
			description = "Escalations resolved in the last `days` days (default 90) within their SLA, per account "
					+ "manager and per sales director's team: the scorecard's escalation resolution figure.")
	SlaPerformance performance(@RequestParam(defaultValue = "90") int days, CurrentUser user) {
		if (days < 1 || days > 730) {
			throw new InvalidInputException("days", "must be between 1 and 730");
		}
		return queue.performance(days, user);
	}

	@GetMapping("/severity-suggestion")
	@Operation(summary = "Suggest a severity",
			description = "The severity the escalation matrix suggests for a text, with the words that decided.")
	SeveritySuggestion suggestion(@RequestParam(required = false) String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("text", "is required");
		}
		return escalations.suggestSeverity(text);
	}

	@PostMapping(path = "/{id}/ownership", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Take ownership",
			description = "Body {\"version\": n}. The user owns it; an OPEN escalation is answered and in progress.")
	EscalationView takeOwnership(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		return escalations.takeOwnership(id, forms.take(json, "version"), user);
	}

	@PostMapping(path = "/{id}/transitions", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Move the status",
			description = "Body: version, status, and resolutionCategory (to resolve or close), rootCause, reason "
					+ "(required to reopen; else a note for the incident log). Guarded: nothing goes back to OPEN once "
					+ "answered; closing a P0 or P1 needs its post-mortem.")
	EscalationView transition(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		Transition t = forms.create(json, Transition.class, Map.of());
		if (t.status() == null) {
			throw new InvalidInputException("status", "is required");
		}
		EscalationForm moved = escalations.editable(id, user)
			.form()
			.moved(t.status(), null, t.resolutionCategory(), t.rootCause());
		return escalations.update(id, moved, version, t.reason(), user);
	}

	@GetMapping("/{id}/log")
	@Operation(summary = "The incident log", description = "Every update, oldest first.")
	List<IncidentLogEntry> log(@PathVariable long id, CurrentUser user) {
		return escalations.incidentLog(id, user);
	}

	@PostMapping(path = "/{id}/log", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an update to the incident log", description = "Body {\"text\": \"…\"}.")
	IncidentLogEntry addNote(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		Text text = forms.create(forms.object(body), Text.class, Map.of());
		try {
			return escalations.addNote(id, text.text(), user);
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException("text", e.errors().get(0).message());
		}
	}

	@PutMapping(path = "/{id}/post-mortem", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Write the post-mortem",
			description = "Body: version and text. P0 and P1 need one before closing.")
	EscalationView postMortem(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		Text text = forms.create(json, Text.class, Map.of());
		try {
			return escalations.savePostMortem(id, text.text(), version, user);
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException("text", e.errors().get(0).message());
		}
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an escalation", description = "Executives, sales directors and admins.")
	void delete(@PathVariable long id, CurrentUser user) {
		escalations.delete(id, user);
	}

}
