package io.intime.staffing.web;

import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.intime.staffing.RecruiterForm;
import io.intime.staffing.RecruiterManagement;
import io.intime.staffing.RecruiterView;
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
 * Recruiter profiles over REST: everyone signed in reads them (with workload and record);
 * recruiting managers, executives and admins create, change and delete them.
 */
@RestController
@RequestMapping("/api/v1/recruiters")
@Tag(name = "Recruiters", description = "Recruiters: specialties, capacity, workload and record")
class RecruiterApi {

	private final RecruiterManagement recruiters;

	private final JsonForms forms;

	RecruiterApi(RecruiterManagement recruiters, JsonForms forms) {
		this.recruiters = recruiters;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "List recruiters",
			description = "By name; optionally only active (or inactive) ones and matching "
					+ "a name, specialty or industry (q).")
	PageResult<RecruiterView> list(@RequestParam(required = false) Boolean active,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return recruiters.search(active, q, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a recruiter profile", description = "userId names a user with the role RECRUITER or "
			+ "RECRUITING_MANAGER; active defaults to true, specialties and industries to empty lists. 409 naming userId "
			+ "when the user has a profile already.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "the fields of the recruiter form",
			content = @Content(schema = @Schema(implementation = RecruiterForm.class)))
	ResponseEntity<RecruiterView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		RecruiterForm form = forms.create(json, RecruiterForm.class,
				Map.of("active", true, "specialties", java.util.List.of(), "industries", java.util.List.of()));
		RecruiterView created = recruiters.create(form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a recruiter")
	RecruiterView get(@PathVariable long id, CurrentUser user) {
		return recruiters.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, JobApi.MERGE_PATCH })
	@Operation(summary = "Change a recruiter profile",
			description = "A JSON merge patch: the version you read (required) "
					+ "and only the fields to change; a list replaces the whole list. A stale version is a 409.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = RecruiterForm.class)))
	RecruiterView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		RecruiterForm form = forms.patch(recruiters.editable(id, user).form(), patch, RecruiterForm.class);
		return recruiters.update(id, form, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a recruiter profile",
			description = "Only one that no job or placement names; otherwise " + "set active to false.")
	void delete(@PathVariable long id, CurrentUser user) {
		recruiters.delete(id, user);
	}

}
