package io.intime.engagement.web;

import java.util.Map;

import io.intime.engagement.NpsForm;
import io.intime.engagement.NpsManagement;
import io.intime.engagement.NpsView;
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
 * NPS responses over REST ({@link NpsManagement}): everyone who may see an account reads
 * them; account managers, executives, sales directors and admins record and correct them;
 * the last three delete them. {@code respondedOn} is an ISO date.
 */
@RestController
@RequestMapping("/api/v1/nps-responses")
@Tag(name = "NPS responses", description = "Clients' answers to the NPS survey (0–10)")
class NpsApi {

	private final NpsManagement responses;

	private final JsonForms forms;

	NpsApi(NpsManagement responses, JsonForms forms) {
		this.responses = responses;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "List NPS responses, newest first", description = "Optionally of one account (accountId).")
	PageResult<NpsView> list(@RequestParam(required = false) Long accountId, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return responses.search(accountId, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record an NPS response",
			description = "The body is accountId plus the response's fields; "
					+ "surveyType defaults to TRANSACTIONAL. 201 with the response and its Location.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "accountId plus the fields of the NPS form",
			content = @Content(schema = @Schema(implementation = NpsForm.class)))
	ResponseEntity<NpsView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long accountId = forms.take(json, "accountId");
		NpsForm form = forms.create(json, NpsForm.class, Map.of("surveyType", "TRANSACTIONAL"));
		NpsView created = responses.create(accountId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an NPS response")
	NpsView get(@PathVariable long id, CurrentUser user) {
		return responses.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, ActivityApi.MERGE_PATCH })
	@Operation(summary = "Correct an NPS response",
			description = "A JSON merge patch: the version you read (required) "
					+ "and only the fields to change. A stale version is a 409.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = NpsForm.class)))
	NpsView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		if (patch.has("accountId")) {
			throw new InvalidInputException("accountId", "cannot be changed; a response stays at its account");
		}
		NpsForm form = forms.patch(responses.editable(id, user).form(), patch, NpsForm.class);
		return responses.update(id, form, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an NPS response", description = "Executives, sales directors and admins.")
	void delete(@PathVariable long id, CurrentUser user) {
		responses.delete(id, user);
	}

}
