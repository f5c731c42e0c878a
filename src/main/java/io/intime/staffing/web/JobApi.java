package io.intime.staffing.web;

import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.Today;
import io.intime.shared.web.JsonForms;
import io.intime.staffing.JobForm;
import io.intime.staffing.JobManagement;
import io.intime.staffing.JobQuery;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
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
 * Jobs (requisitions) over REST. Whoever may read an account reads its jobs; executives,
 * sales directors and admins, the account's manager and the recruiters on its team open
 * and change them; executives, sales directors, admins and the account's recruiting
 * manager delete them ({@link JobManagement}).
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Jobs", description = "Requisitions of client accounts")
class JobApi {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final JobManagement jobs;

	private final JsonForms forms;

	private final Today time;

	JobApi(JobManagement jobs, JsonForms forms, Today time) {
		this.jobs = jobs;
		this.forms = forms;
		this.time = time;
	}

	@GetMapping
	@Operation(summary = "Search jobs", description = "Open first, then on hold, then the latest closed; optionally of "
			+ "one account (accountId), in one status, of one recruiter (recruiterId) or matching a title or department (q).")
	PageResult<JobView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) JobStatus status, @RequestParam(required = false) Long recruiterId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return jobs.search(new JobQuery(accountId, status, recruiterId, q), new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Open a job at an account",
			description = "The body is accountId plus the job's fields; status "
					+ "defaults to OPEN, priority to MEDIUM, openedOn to today and submissions to 0. billRate is "
					+ "{\"amount\": \"85.00\", \"currency\": \"USD\"} per hour. 201 with the job and its Location.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "accountId plus the fields of the job form",
			content = @Content(schema = @Schema(implementation = JobForm.class)))
	ResponseEntity<JobView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long accountId = forms.take(json, "accountId");
		JobForm form = forms.create(json, JobForm.class, Map.of("status", "OPEN", "priority", "MEDIUM", "submissions",
				0, "openedOn", time.today(user.timeZone()).toString()));
		JobView created = jobs.create(accountId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a job")
	JobView get(@PathVariable long id, CurrentUser user) {
		return jobs.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH })
	@Operation(summary = "Change a job",
			description = "A JSON merge patch: the version you read (required) and only the "
					+ "fields to change. A stale version is a 409. Setting status FILLED or CANCELLED without filledOn or "
					+ "cancelledOn sets it to today. A job stays at its account.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = JobForm.class)))
	JobView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		if (patch.has("accountId")) {
			throw new InvalidInputException("accountId", "cannot be changed; a job stays at its account");
		}
		JobForm form = forms.patch(jobs.editable(id, user).form(), patch, JobForm.class);
		return jobs.update(id, form, version, user);
	}

	@PostMapping(path = "/{id}/submissions")
	@Operation(summary = "Record candidates submitted to the client",
			description = "Adds count (default 1, at most 100) "
					+ "to the job's submissions; no version needed, as counts add up. Returns the job.")
	JobView submit(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		int count = 1;
		if (body != null && body.length > 0) {
			ObjectNode json = forms.object(body);
			JsonNode value = json.remove("count");
			json.remove("version");
			if (!json.isEmpty()) {
				throw new InvalidInputException(json.propertyNames().iterator().next(), "is not a known field");
			}
			if (value != null && !value.isNull()) {
				if (!value.isIntegralNumber() || !value.canConvertToInt()) {
					throw new InvalidInputException("count", "'" + value + "' is not a whole number");
				}
				count = value.intValue();
			}
		}
		return jobs.addSubmissions(id, count, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a job",
			description = "Executives, sales directors, admins and the account's recruiting "
					+ "manager; a job with placements is cancelled instead (400 on status).")
	void delete(@PathVariable long id, CurrentUser user) {
		jobs.delete(id, user);
	}

}
