package io.intime.accounts.web;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement.TeamMember;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountQuery;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.AccountTimeline;
import io.intime.accounts.HealthBand;
import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.shared.FieldError;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageResult;
import io.intime.shared.TimelineEntry;
import io.intime.shared.Today;
import io.intime.shared.web.JsonForms;
import io.intime.shared.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
 * Client accounts over REST. Who may do what is decided by {@link AccountManagement}
 * (spec 03's permissions matrix): everyone but recruiters lists and reads every account
 * (recruiters only those whose team they are on); account managers change only the
 * accounts they own; executives, sales directors and admins create, delete and change
 * teams.
 */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Client accounts, their tiers, ownership and teams")
class AccountApi {

	/**
	 * The columns the list sorts by; anything else is a 400 rather than a silent default.
	 */
	static final Set<String> SORTS = new TreeSet<>(
			Set.of("name", "key", "arr", "tier", "status", "updated", "region", "health"));

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final AccountManagement management;

	private final JsonForms forms;

	private final AccountTimeline timeline;

	private final Today time;

	AccountApi(AccountManagement management, JsonForms forms, AccountTimeline timeline, Today time) {
		this.management = management;
		this.forms = forms;
		this.timeline = timeline;
		this.time = time;
	}

	@GetMapping
	@Operation(summary = "Search accounts", description = "Filters are optional; sort is one of name, key, arr, tier, "
			+ "status, updated, region, health; direction is asc or desc. band, healthMin and healthMax (0–100) filter "
			+ "by the latest health score; accounts without a score yet match none of them. Archived accounts are left "
			+ "out; archived=true lists only them (executives and admins).")
	PageResult<AccountSummary> list(@RequestParam(required = false) String q, @RequestParam(required = false) Tier tier,
			@RequestParam(required = false) AccountStatus status, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) Boolean strategic, @RequestParam(required = false) HealthBand band,
			@RequestParam(required = false) Integer healthMin, @RequestParam(required = false) Integer healthMax,
			@RequestParam(defaultValue = "name") String sort, @RequestParam(defaultValue = "asc") String direction,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
			@RequestParam(defaultValue = "false") boolean archived, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		if (healthMin != null && (healthMin < 0 || healthMin > 100)) {
			errors.add(new FieldError("healthMin", "must be between 0 and 100"));
		}
		if (healthMax != null && (healthMax < 0 || healthMax > 100)) {
			errors.add(new FieldError("healthMax", "must be between 0 and 100"));
		}
		if (healthMin != null && healthMax != null && healthMin > healthMax) {
			errors.add(new FieldError("healthMax", "must not be below healthMin (" + healthMin + ")"));
		}
		if (!SORTS.contains(sort)) {
			errors.add(new FieldError("sort", "'" + sort + "' is not one of " + String.join(", ", SORTS)));
		}
		if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
			errors.add(new FieldError("direction", "'" + direction + "' is not one of asc, desc"));
		}
		JsonForms.throwIfAny(errors);
		return management.search(new AccountQuery(q, tier, status, ownerId, strategic, band, healthMin, healthMax, sort,
				direction.equalsIgnoreCase("desc"), page, size, archived), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an account",
			description = "Executives, sales directors and admins. "
					+ "Only executives set tierOverride or strategic. Answers 201 with the account and its Location.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = AccountForm.class)))
	ResponseEntity<AccountDetails> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		AccountForm form = forms.create(forms.object(body), AccountForm.class, Map.of("strategic", false));
		AccountDetails created = management.create(form, user);
		return ResponseEntity.created(locationOf(created.id())).body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an account (Account 360)")
	AccountDetails get(@PathVariable long id, CurrentUser user) {
		return management.get(id, user);
	}

	@GetMapping("/{id}/timeline")
	@Operation(summary = "The account's timeline", description = "Activities, NPS responses, placements, invoices, "
			+ "escalations and the other dated facts of the account, newest first; since defaults to 90 days ago, "
			+ "limit (1–500) to 100.")
	List<TimelineEntry> timeline(@PathVariable long id, @RequestParam(required = false) Instant since,
			@RequestParam(defaultValue = "100") int limit, CurrentUser user) {
		if (limit < 1 || limit > AccountTimeline.MAX_LIMIT) {
			JsonForms
				.throwIfAny(List.of(new FieldError("limit", "must be between 1 and " + AccountTimeline.MAX_LIMIT)));
		}
		return timeline.of(id, since == null ? time.now().minus(Duration.ofDays(90)) : since, limit, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH })
	@Operation(summary = "Change an account", description = "A JSON merge patch: the version you read "
			+ "(required) and only the fields to change. A stale version is a 409; account managers change only "
			+ "the accounts they own and never owner, sponsor, tier or the strategic flag.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "{\"version\": 3, \"status\": \"ACTIVE\"}: the version read plus the fields to change",
			content = @Content(schema = @Schema(implementation = AccountForm.class)))
	AccountDetails update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		AccountForm form = forms.patch(management.editable(id, user).form(), patch, AccountForm.class);
		return management.update(id, form, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete (archive) an account", description = "Executives, sales directors and admins. The "
			+ "account is archived: it leaves lists, searches, exports and health scores, every record of every module "
			+ "stays, and GET still reads it (with archivedAt). Logged as account.archived; a second delete changes "
			+ "nothing. POST /restore brings it back; POST /purge removes it for good.")
	void delete(@PathVariable long id, CurrentUser user) {
		management.archive(id, user);
	}

	@PostMapping("/{id}/restore")
	@Operation(summary = "Restore an archived account", description = "Executives and admins. Logged as "
			+ "account.restored; restoring a live account changes nothing.")
	AccountDetails restore(@PathVariable long id, CurrentUser user) {
		return management.restore(id, user);
	}

	@PostMapping(path = "/{id}/purge", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Purge an archived account", description = "Admins only; the only real delete: removes the "
			+ "account with every record of every module that belongs to it. confirm must be the account's name. A live "
			+ "account is a 400 (archive it first), so is a wrong confirm. The audit entry stays.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = PurgeForm.class)))
	void purge(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		if (!management.canPurge(user)) {
			throw new AccessDeniedException("Only admins purge accounts");
		}
		PurgeForm form = forms.create(forms.object(body), PurgeForm.class, Map.of());
		management.purge(id, form.confirm(), user);
	}

	/** The typed confirmation of a purge: the account's name. */
	record PurgeForm(@Schema(description = "the account's name, typed to confirm",
			requiredMode = Schema.RequiredMode.REQUIRED) String confirm) {
	}

	@GetMapping("/{id}/team")
	@Operation(summary = "The account's team besides its owner",
			description = "Readable by whoever may read the account.")
	PageResult<TeamMember> team(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		management.get(id, user);
		return Pages.slice(management.team(id), page, size);
	}

	@GetMapping("/{id}/team/{userId}")
	@Operation(summary = "One member of the account's team")
	TeamMember teamMember(@PathVariable long id, @PathVariable long userId, CurrentUser user) {
		management.get(id, user);
		return memberOf(id, userId);
	}

	@PostMapping(path = "/{id}/team", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ApiResponse(responseCode = "201", description = "Put on the team")
	@ApiResponse(responseCode = "200", description = "Was on the team already; the team role is updated")
	@Operation(summary = "Put a user on the account's team",
			description = "Executives, sales directors and admins. "
					+ "201 for a new member, 200 when the user was on the team already (their team role is updated).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(schema = @Schema(implementation = TeamMemberForm.class)))
	ResponseEntity<TeamMember> addTeamMember(@PathVariable long id, @RequestBody(required = false) byte[] body,
			CurrentUser user) {
		TeamMemberForm form = forms.create(forms.object(body), TeamMemberForm.class, Map.of());
		JsonForms.throwIfAny(form.errors());
		boolean existed = management.team(id).stream().anyMatch(member -> member.userId() == form.userId());
		management.addTeamMember(id, form.userId(), form.teamRole().trim(), user);
		TeamMember member = memberOf(id, form.userId());
		if (existed) {
			return ResponseEntity.ok(member);
		}
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{userId}")
				.buildAndExpand(member.userId())
				.toUri())
			.body(member);
	}

	private TeamMember memberOf(long accountId, long userId) {
		return management.team(accountId)
			.stream()
			.filter(member -> member.userId() == userId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Team member " + userId + " of account", accountId));
	}

	private static URI locationOf(long id) {
		return ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(id).toUri();
	}

	/** What a user is added to a team with. */
	record TeamMemberForm(Long userId, String teamRole) {

		List<FieldError> errors() {
			List<FieldError> errors = new ArrayList<>();
			if (userId == null) {
				errors.add(new FieldError("userId", "is required"));
			}
			if (teamRole == null || teamRole.isBlank()) {
				errors.add(new FieldError("teamRole", "is required (e.g. Dedicated Recruiter)"));
			}
			else if (teamRole.trim().length() > 40) {
				errors.add(new FieldError("teamRole", "must be at most 40 characters"));
			}
			return errors;
		}
	}

}
