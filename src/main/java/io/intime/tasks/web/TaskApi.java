package io.intime.tasks.web;

import java.time.LocalDate;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.intime.tasks.TaskChange;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskQuery;
import io.intime.tasks.TaskStatus;
import io.intime.tasks.TaskView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.format.annotation.DateTimeFormat;
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
 * Tasks over REST ({@link TaskManagement}). Due dates are ISO dates in the assignee's
 * time zone, due times {@code HH:mm}; a recurring task is created with a
 * {@code recurrence} (an RFC 5545 rule) and answers with its first occurrence.
 */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "Tasks with due dates, reminders and recurrence")
class TaskApi {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final TaskManagement tasks;

	private final JsonForms forms;

	TaskApi(TaskManagement tasks, JsonForms forms) {
		this.tasks = tasks;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "List tasks",
			description = "Open first, then by due date; filters: assigneeId, accountId, status, dueAfter and "
					+ "dueBefore (inclusive ISO dates). Lists what the caller may see.")
	PageResult<TaskView> list(@RequestParam(required = false) Long assigneeId,
			@RequestParam(required = false) Long accountId, @RequestParam(required = false) TaskStatus status,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueAfter,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return tasks.search(new TaskQuery(assigneeId, accountId, status, dueAfter, dueBefore, page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a task",
			description = "assigneeId defaults to the caller, priority to NORMAL, remindBeforeMinutes to 0 (at "
					+ "the due time, or 9:00 on a day without time). A due date in the past, a recurrence that "
					+ "never occurs or an assignee who may not see the account is a 400 naming the field.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = TaskForm.class)))
	ResponseEntity<TaskView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		TaskForm form = forms.create(json, TaskForm.class, Map.of("priority", "NORMAL", "remindBeforeMinutes", 0));
		TaskView created = tasks.create(form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a task")
	TaskView get(@PathVariable long id, CurrentUser user) {
		return tasks.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH })
	@Operation(summary = "Change a task",
			description = "A JSON merge patch: the version you read (required) and the fields to change, e.g. "
					+ "{\"version\": 3, \"status\": \"DONE\"} or {\"version\": 3, \"dueDate\": \"2026-12-08\"}. "
					+ "A stale version is a 409.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = TaskChange.class)))
	TaskView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		for (String fixed : new String[] { "accountId", "recordType", "recordId", "recurrence" }) {
			if (patch.has(fixed)) {
				throw new InvalidInputException(fixed, "cannot be changed on a task; create another");
			}
		}
		TaskChange current = tasks.editable(id, user).form();
		TaskChange change = forms.patch(current, patch, TaskChange.class);
		return tasks.update(id, change, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a task",
			description = "Its creator, the account's manager, executives, sales directors and admins.")
	void delete(@PathVariable long id, CurrentUser user) {
		tasks.delete(id, user);
	}

}
