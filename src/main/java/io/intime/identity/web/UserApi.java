package io.intime.identity.web;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageResult;
import io.intime.shared.web.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The firm's users, read-only. Every signed-in user may read them: they are the
 * colleagues a record names as owner, sponsor or team member (names, titles, roles and
 * work emails; no secrets). Users are created and changed by admins on the admin pages.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The firm's users (read-only)")
class UserApi {

	private final UserDirectory users;

	UserApi(UserDirectory users) {
		this.users = users;
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
