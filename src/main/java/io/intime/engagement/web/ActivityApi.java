package io.intime.engagement.web;

import java.util.Map;

import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
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
 * Calls, emails, meetings and notes over REST ({@link ActivityManagement}): everyone who
 * may see an account reads and logs its activities; whoever logged one, executives, sales
 * directors and admins change and delete it. {@code occurredAt} is an ISO-8601 instant
 * (UTC).
 */
@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Calls, emails, meetings and notes with client accounts")
class ActivityApi {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final ActivityManagement activities;

	private final JsonForms forms;

	ActivityApi(ActivityManagement activities, JsonForms forms) {
		this.activities = activities;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "List activities, newest first",
			description = "Optionally of one account (accountId) and one type.")
	PageResult<ActivityView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) ActivityType type, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return activities.search(accountId, type, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Log an activity at an account", description = "The body is accountId plus the activity's "
			+ "fields. Whether it is an executive touchpoint is decided on save. 201 with the activity and its Location.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "accountId plus the fields of the activity form",
			content = @Content(schema = @Schema(implementation = ActivityForm.class)))
	ResponseEntity<ActivityView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long accountId = forms.take(json, "accountId");
		ActivityForm form = forms.create(json, ActivityForm.class, Map.of());
		ActivityView created = activities.create(accountId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an activity")
	ActivityView get(@PathVariable long id, CurrentUser user) {
		return activities.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH })
	@Operation(summary = "Change an activity",
			description = "A JSON merge patch: the version you read (required) "
					+ "and only the fields to change. A stale version is a 409. An activity stays at its account.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = ActivityForm.class)))
	ActivityView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		if (patch.has("accountId")) {
			throw new InvalidInputException("accountId", "cannot be changed; an activity stays at its account");
		}
		ActivityForm form = forms.patch(activities.editable(id, user).form(), patch, ActivityForm.class);
		return activities.update(id, form, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an activity",
			description = "Whoever logged it, executives, sales directors and admins.")
	void delete(@PathVariable long id, CurrentUser user) {
		activities.delete(id, user);
	}

}
