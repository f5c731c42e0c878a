package io.intime.staffing.web;

import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.intime.staffing.PlacementForm;
import io.intime.staffing.PlacementManagement;
import io.intime.staffing.PlacementStatus;
import io.intime.staffing.PlacementView;
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
 * Placements over REST: candidates placed on jobs, their falloffs
 * ({@link PlacementManagement}).
 */
@RestController
@RequestMapping("/api/v1/placements")
@Tag(name = "Placements", description = "Candidates placed on jobs")
class PlacementApi {

	private final PlacementManagement placements;

	private final JsonForms forms;

	PlacementApi(PlacementManagement placements, JsonForms forms) {
		this.placements = placements;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "Search placements",
			description = "Latest start first; optionally of one account (accountId), "
					+ "one job (jobId) or in one status.")
	PageResult<PlacementView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Long jobId, @RequestParam(required = false) PlacementStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return placements.search(accountId, jobId, status, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a placement on a job", description = "The body is jobId plus the placement's fields; "
			+ "status defaults to ACTIVE and the recruiter to the job's. 201 with the placement and its Location.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "jobId plus the fields of the placement form",
			content = @Content(schema = @Schema(implementation = PlacementForm.class)))
	ResponseEntity<PlacementView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long jobId = forms.take(json, "jobId");
		PlacementForm form = forms.create(json, PlacementForm.class, Map.of("status", "ACTIVE"));
		PlacementView created = placements.create(jobId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a placement")
	PlacementView get(@PathVariable long id, CurrentUser user) {
		return placements.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, JobApi.MERGE_PATCH })
	@Operation(summary = "Change a placement",
			description = "A JSON merge patch: the version you read (required) and only "
					+ "the fields to change, e.g. {\"version\": 3, \"status\": \"FALLOFF\", \"falloffDate\": \"2026-01-12\"}. "
					+ "A stale version is a 409. A placement stays on its job.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = PlacementForm.class)))
	PlacementView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		for (String fixed : new String[] { "jobId", "accountId" }) {
			if (patch.has(fixed)) {
				throw new InvalidInputException(fixed, "cannot be changed; a placement stays on its job");
			}
		}
		PlacementForm form = forms.patch(placements.editable(id, user).form(), patch, PlacementForm.class);
		return placements.update(id, form, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a placement recorded in error",
			description = "Executives, sales directors, admins and "
					+ "the account's recruiting manager; a failed placement is marked FALLOFF instead.")
	void delete(@PathVariable long id, CurrentUser user) {
		placements.delete(id, user);
	}

}
