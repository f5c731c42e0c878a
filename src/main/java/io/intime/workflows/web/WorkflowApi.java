package io.intime.workflows.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageResult;
import io.intime.workflows.RunView;
import io.intime.workflows.StartRun;
import io.intime.workflows.TemplateDefinition;
import io.intime.workflows.WorkflowRuns;
import io.intime.workflows.WorkflowRuns.RunSummary;
import io.intime.workflows.WorkflowTemplates;
import io.intime.workflows.WorkflowTemplates.TemplateSummary;
import io.intime.workflows.WorkflowTemplates.VersionSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Workflows over REST: templates (read by everyone who works runs, changed by admins in
 * versions) and runs (start, read, act on a step, resume, cancel).
 */
@RestController
@Tag(name = "Workflows", description = "Workflow templates and runs (spec 05, issue 17)")
class WorkflowApi {

	private final WorkflowTemplates templates;

	private final WorkflowRuns runs;

	WorkflowApi(WorkflowTemplates templates, WorkflowRuns runs) {
		this.templates = templates;
		this.runs = runs;
	}

	/** A template with its current definition and its versions. */
	record TemplateDetail(TemplateSummary template, TemplateDefinition definition, List<VersionSummary> versions) {
	}

	record CopyRequest(String name) {
	}

	record VersionRequest(String name, String description, TemplateDefinition definition, String note, Long version) {
	}

	record StartRequest(String templateKey, Long templateId, Long accountId, Long contractId, Long qbrId,
			Long renewalId, Long invoiceId, Long ownerId, Map<String, Long> contacts, Map<String, Long> users,
			String title) {
	}

	record StepRequest(Map<String, String> values, String option, Boolean approve, String comment, Long version) {
	}

	record CancelRequest(String reason, Long version) {
	}

	@GetMapping("/api/v1/workflow-templates")
	@Operation(summary = "The workflow templates", description = "Each with its current version and number of steps.")
	List<TemplateSummary> templates() {
		return templates.list();
	}

	@GetMapping("/api/v1/workflow-templates/{id}")
	@Operation(summary = "A workflow template",
			description = "Its current definition (roles and steps) and its versions.")
	TemplateDetail template(@PathVariable long id) {
		TemplateSummary template = templates.get(id);
		return new TemplateDetail(template, templates.definition(template.currentVersionId()), templates.versions(id));
	}

	@PostMapping("/api/v1/workflow-templates/{id}/copy")
	@Operation(summary = "Copy a template (admins)",
			description = "The copy starts at version 1 of the source's current definition.")
	ResponseEntity<TemplateSummary> copy(@PathVariable long id, @RequestBody CopyRequest request, CurrentUser user) {
		TemplateSummary copy = templates.copy(id, request.name(), user);
		return ResponseEntity.created(URI.create("/api/v1/workflow-templates/" + copy.id())).body(copy);
	}

	@PutMapping("/api/v1/workflow-templates/{id}")
	@Operation(summary = "Save a new version of a template (admins)",
			description = "Runs already started keep their version. A wrong definition is a 400 naming the place, "
					+ "e.g. `steps[3].next`; a stale `version` is a 409.")
	TemplateSummary saveVersion(@PathVariable long id, @RequestBody VersionRequest request, CurrentUser user) {
		if (request.version() == null) {
			throw new InvalidInputException("version", "is required: the version you read");
		}
		if (request.definition() == null) {
			throw new InvalidInputException("definition", "is required");
		}
		return templates.saveVersion(id, request.name(), request.description(), request.definition(), request.note(),
				request.version(), user);
	}

	@GetMapping("/api/v1/workflow-runs")
	@Operation(summary = "Workflow runs",
			description = "Newest first, of the accounts you may see; `accountId` for one account, `mine` for the runs "
					+ "you own or must act on, `active` (default true) for the running ones.")
	PageResult<RunSummary> list(@RequestParam(required = false) Long accountId,
			@RequestParam(defaultValue = "true") boolean active, @RequestParam(defaultValue = "false") boolean mine,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		List<RunSummary> all = accountId != null ? runs.ofAccount(accountId, user)
			.stream()
			.filter(r -> !active || r.status() == io.intime.workflows.RunStatus.ACTIVE)
			.toList() : runs.list(user, active, mine);
		int from = Math.min(all.size(), Math.max(0, page) * Math.max(1, size));
		int to = Math.min(all.size(), from + Math.max(1, Math.min(size, 200)));
		return new PageResult<>(all.subList(from, to), all.size(), page, size);
	}

	@PostMapping("/api/v1/workflow-runs")
	@Operation(summary = "Start a workflow run",
			description = "By `templateKey` (e.g. `annual-renewal`) or `templateId`, on `accountId`; optional contract, "
					+ "QBR, renewal or invoice, who plays which role (`contacts`, `users` by role key), a title.")
	ResponseEntity<RunView> start(@RequestBody StartRequest request, CurrentUser user) {
		if (request.accountId() == null) {
			throw new InvalidInputException("accountId", "is required");
		}
		if (request.templateKey() == null && request.templateId() == null) {
			throw new InvalidInputException("templateKey", "is required (or templateId)");
		}
		RunView run = runs.start(new StartRun(request.templateKey(), request.templateId(), request.accountId(),
				request.contractId(), request.qbrId(), request.renewalId(), request.invoiceId(), request.ownerId(),
				request.contacts(), request.users(), request.title()), user);
		return ResponseEntity.created(URI.create("/api/v1/workflow-runs/" + run.id())).body(run);
	}

	@GetMapping("/api/v1/workflow-runs/{id}")
	@Operation(summary = "A workflow run", description = "Its steps with their state and data, and its timeline.")
	RunView run(@PathVariable long id, CurrentUser user) {
		return runs.get(id, user);
	}

	@PostMapping("/api/v1/workflow-runs/{id}/steps/{key}")
	@Operation(summary = "Act on the run's active step",
			description = "A form or to-do: `values` (by field key); a decision: `option`; an approval: `approve` "
					+ "(true/false) and `comment` (required to reject). Always the step's `version` you read; a stale "
					+ "one is a 409.")
	RunView act(@PathVariable long id, @PathVariable String key, @RequestBody StepRequest request, CurrentUser user) {
		RunView run = runs.get(id, user);
		RunView.StepView step = run.steps()
			.stream()
			.filter(s -> s.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("key", "is not a step of this run"));
		if (request.version() == null) {
			throw new InvalidInputException("version", "is required: the step's version you read");
		}
		Map<String, String> values = request.values() == null ? Map.of() : request.values();
		return switch (runs.definitionOf(id).step(key).orElseThrow().type()) {
			case DECISION -> runs.decide(step.id(), request.option(), values, request.version(), user);
			case APPROVAL -> {
				if (request.approve() == null) {
					throw new InvalidInputException("approve", "is required: true or false");
				}
				yield runs.approve(step.id(), request.approve(), request.comment(), values, request.version(), user);
			}
			default -> runs.submit(step.id(), values, request.version(), user);
		};
	}

	@PostMapping("/api/v1/workflow-runs/{id}/resume")
	@Operation(summary = "Resume a run from its failed step")
	RunView resume(@PathVariable long id, CurrentUser user) {
		return runs.resume(id, user);
	}

	@PostMapping("/api/v1/workflow-runs/{id}/cancel")
	@Operation(summary = "Cancel a run", description = "With a `reason` and the run's `version`.")
	RunView cancel(@PathVariable long id, @RequestBody CancelRequest request, CurrentUser user) {
		if (request.version() == null) {
			throw new InvalidInputException("version", "is required: the run's version you read");
		}
		return runs.cancel(id, request.reason(), request.version(), user);
	}

}
