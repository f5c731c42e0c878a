package io.intime.identity.web;

import io.intime.identity.CurrentUser;
import io.intime.identity.InvitationForm;
import io.intime.identity.UserAdministration;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageResult;
import io.intime.shared.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The firm's users, read-only. Every signed-in user may read them: they are the
 * colleagues a record names as owner, sponsor or team member (names, titles, roles and
 * work emails; no secrets). Admins also invite, deactivate and reactivate users and reset
 * their passwords here; a link they get back is theirs to send (InTime sends no email
 * yet).
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The firm's users; admins invite, deactivate and reset passwords")
class UserApi {

	private final UserDirectory users;

	private final UserAdministration administration;

	UserApi(UserDirectory users, UserAdministration administration) {
		this.users = users;
		this.administration = administration;
	}

	@PostMapping("/invitations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite a person (admins)",
			description = "Creates a user who cannot sign in until they set a password through the returned link "
					+ "(one use, valid 7 days). Their email is their username.")
	UserAdministration.IssuedLink invite(@RequestBody InvitationForm form, CurrentUser me) {
		return administration.invite(form, me);
	}

	@PostMapping("/{id}/invitation")
	@Operation(summary = "Send an invited user a new link (admins)", description = "The previous link stops working.")
	UserAdministration.IssuedLink resendInvitation(@PathVariable long id, CurrentUser me) {
		return administration.resendInvitation(id, me);
	}

	@DeleteMapping("/{id}/invitation")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke an invited user's link (admins)")
	void revokeInvitation(@PathVariable long id, CurrentUser me) {
		administration.revokeInvitation(id, me);
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate a user (admins)",
			description = "Their sessions end and their API tokens and password stop working at once.")
	UserSummary deactivate(@PathVariable long id, CurrentUser me) {
		return administration.deactivate(id, me);
	}

	@PostMapping("/{id}/reactivate")
	@Operation(summary = "Reactivate a deactivated user (admins)")
	UserSummary reactivate(@PathVariable long id, CurrentUser me) {
		return administration.reactivate(id, me);
	}

	/** The body of a reports-to change: the manager's id, or null for nobody. */
	record ReportsTo(Long managerId) {
	}

	@org.springframework.web.bind.annotation.PutMapping("/{id}/reports-to")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set whom a user reports to (admins)",
			description = "The sales director (or executive) who receives the notices addressed to the owner's "
					+ "sales director; null for nobody.")
	void reportsTo(@PathVariable long id, @org.springframework.web.bind.annotation.RequestBody ReportsTo body,
			CurrentUser me) {
		users.changeReportsTo(id, body.managerId(), me);
	}

	@PostMapping("/{id}/password-reset")
	@Operation(summary = "Reset a user's password (admins)",
			description = "The old password stops working and their sessions end; the returned link (one use, "
					+ "valid 24 hours) lets them set a new one.")
	UserAdministration.IssuedLink resetPassword(@PathVariable long id, CurrentUser me) {
		return administration.resetPassword(id, me);
	}

	@GetMapping
	@Operation(summary = "List users by name", description = "Optionally only those with one role.")
	PageResult<UserSummary> list(@RequestParam(required = false) Role role, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return Pages.slice(role == null ? users.all() : users.withRoles(role), page, size);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a user")
	UserSummary get(@PathVariable long id, CurrentUser user) {
		return users.find(id).orElseThrow(() -> new NotFoundException("User", id));
	}

}
