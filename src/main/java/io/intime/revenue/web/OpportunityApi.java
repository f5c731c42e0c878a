package io.intime.revenue.web;

import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.revenue.OpportunityForm;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityStage;
import io.intime.revenue.OpportunityView;
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
 * Expansion opportunities over REST. Account managers add and change them at the accounts
 * they own; executives, sales directors and admins everywhere, and only they delete;
 * finance reads them ({@link OpportunityManagement}).
 */
@RestController
@RequestMapping("/api/v1/opportunities")
@Tag(name = "Opportunities", description = "The expansion pipeline of client accounts")
class OpportunityApi {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final OpportunityManagement opportunities;

	private final JsonForms forms;

	private final io.intime.revenue.ExpansionPipeline pipeline;

	OpportunityApi(OpportunityManagement opportunities, JsonForms forms, io.intime.revenue.ExpansionPipeline pipeline) {
		this.opportunities = opportunities;
		this.forms = forms;
		this.pipeline = pipeline;
	}

	@GetMapping("/board")
	@Operation(summary = "The expansion pipeline board",
			description = "Open opportunities by stage and those won or lost in the last 90 days, with count and "
					+ "value per stage in USD, and each account manager's pipeline coverage against the quarterly goal. "
					+ "A sales director sees their team's unless all=true.")
	io.intime.revenue.ExpansionBoard board(@RequestParam(defaultValue = "false") boolean all, CurrentUser user) {
		return pipeline.board(all, user);
	}

	/** A move's body. */
	record Move(OpportunityStage stage, String lostReason) {
	}

	@PostMapping(path = "/{id}/moves", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Move an opportunity to another stage",
			description = "{\"version\": 2, \"stage\": \"QUALIFIED\"}; LOST needs lostReason. Kept in the stage "
					+ "history; WON adds the expansion to the account's contract. A stale version is a 409.")
	OpportunityView move(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		Move move = forms.create(json, Move.class, Map.of());
		return opportunities.moveTo(id, move.stage(), move.lostReason(), version, user);
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "The stage history of an opportunity", description = "Oldest first.")
	java.util.List<OpportunityManagement.StageChange> history(@PathVariable long id, CurrentUser user) {
		return opportunities.stageHistory(id, user);
	}

	@GetMapping("/{id}/notes")
	@Operation(summary = "The notes on an opportunity", description = "Newest first.")
	java.util.List<OpportunityManagement.Note> notes(@PathVariable long id, CurrentUser user) {
		return opportunities.notes(id, user);
	}

	/** A note's body. */
	record NoteBody(String body) {
	}

	@PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a note to an opportunity", description = "{\"body\": \"…\"}")
	OpportunityManagement.Note addNote(@PathVariable long id, @RequestBody(required = false) byte[] body,
			CurrentUser user) {
		NoteBody note = forms.create(forms.object(body), NoteBody.class, Map.of());
		return opportunities.addNote(id, note.body(), user);
	}

	/** A quarterly goal. */
	record GoalBody(Long ownerId, String quarter, java.math.BigDecimal amount, Long version) {
	}

	@org.springframework.web.bind.annotation.PutMapping(path = "/goals", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set an account manager's quarterly expansion goal",
			description = "{\"ownerId\": 5, \"quarter\": \"2026-Q4\", \"amount\": \"50000\", \"version\": 0} in USD; "
					+ "version is the goal's version as the board shows it (absent when none was set). Sales directors and admins.")
	void setGoal(@RequestBody(required = false) byte[] body, CurrentUser user) {
		GoalBody goal = forms.create(forms.object(body), GoalBody.class, Map.of());
		if (goal.ownerId() == null) {
			throw new InvalidInputException("ownerId", "is required");
		}
		pipeline.setGoal(goal.ownerId(), goal.quarter(), goal.amount(), goal.version(), user);
	}

	@GetMapping
	@Operation(summary = "List opportunities",
			description = "Most recently identified first; optionally of one account "
					+ "(accountId) and in one stage (stage).")
	PageResult<OpportunityView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) OpportunityStage stage, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return opportunities.search(accountId, stage, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an opportunity to an account",
			description = "accountId plus the opportunity's fields; value "
					+ "is {\"amount\": \"300000.00\", \"currency\": \"USD\"} (currency defaults to the account's billing currency); "
					+ "stage defaults to IDENTIFIED, identifiedOn to today, ownerId to you; closedOn is set when the stage is WON or "
					+ "LOST (today unless given); LOST needs lostReason (why it was lost). 201 with the opportunity and its Location.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "accountId plus the opportunity form",
			content = @Content(schema = @Schema(implementation = OpportunityForm.class)))
	ResponseEntity<OpportunityView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long accountId = forms.take(json, "accountId");
		OpportunityForm form = forms.create(json, OpportunityForm.class, Map.of());
		OpportunityView created = opportunities.create(accountId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an opportunity")
	OpportunityView get(@PathVariable long id, CurrentUser user) {
		return opportunities.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH })
	@Operation(summary = "Change an opportunity",
			description = "A JSON merge patch: the version you read (required) and "
					+ "only the fields to change, e.g. {\"version\": 2, \"stage\": \"PROPOSAL\"}; an open stage clears closedOn, "
					+ "{\"stage\": \"LOST\", \"lostReason\": \"…\"} closes it as lost. A stale version is a 409.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = OpportunityForm.class)))
	OpportunityView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		if (patch.has("accountId")) {
			throw new InvalidInputException("accountId", "cannot be changed; an opportunity stays at its account");
		}
		OpportunityForm form = forms.patch(opportunities.editable(id, user).form(), patch, OpportunityForm.class);
		return opportunities.update(id, form, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an opportunity", description = "Executives, sales directors and admins.")
	void delete(@PathVariable long id, CurrentUser user) {
		opportunities.delete(id, user);
	}

}
