package io.intime.identity.web;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.intime.identity.CurrentUser;
import io.intime.identity.InvitationForm;
import io.intime.identity.UserAdministration;
import io.intime.identity.ManagedUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserForm;
import io.intime.identity.UserSummary;
import io.intime.shared.DuplicateException;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's users pages: the list with each user's sign-in state, create, edit
 * (optimistic locking with the version in a hidden field) and unlock. Only admins reach
 * them: the security configuration guards {@code /admin/**} and records every denied
 * request.
 */
@Controller
@RequestMapping("/admin/users")
class UsersAdminPage {

	private static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	private static final Map<String, String> LABELS = Map.of("username", "Username", "fullName", "Name", "email",
			"Email", "title", "Title", "role", "Role", "timeZone", "Time zone", "enabled", "Enabled");

	private final UserDirectory users;

	private final UserAdministration administration;

	UsersAdminPage(UserDirectory users, UserAdministration administration) {
		this.users = users;
		this.administration = administration;
	}

	/**
	 * What the form posted: the form to save, the raw values to show again, and what the
	 * page itself found wrong (a role it cannot read).
	 */
	private record Submission(UserForm form, Map<String, String> values, Map<String, String> errors) {

		/**
		 * The page's errors with the directory's; the page's message wins for a field
		 * both name.
		 */
		Map<String, String> with(InvalidInputException e) {
			Map<String, String> all = new LinkedHashMap<>(errors);
			PageErrors.of(e.errors()).forEach(all::putIfAbsent);
			return all;
		}
	}

	/** A field whose saved value someone else changed while the admin was editing. */
	record Conflict(String field, String theirs) {
	}

	@GetMapping
	String list(CurrentUser me, Model model) {
		List<ManagedUser> all = users.managed(me);
		model.addAttribute("users", all);
		model.addAttribute("zone", me.timeZone());
		model.addAttribute("lockedCount", all.stream().filter(ManagedUser::locked).count());
		Map<Long, UserAdministration.Invitation> invitations = administration.invitations(me);
		model.addAttribute("invitations", invitations);
		model.addAttribute("invitedCount", invitations.size());
		model.addAttribute("disabledCount",
				all.stream()
					.filter(user -> !user.user().enabled() && !invitations.containsKey(user.user().id()))
					.count());
		return "identity/users";
	}

	@GetMapping("/invite")
	String inviteForm(Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : List.of("fullName", "email", "title")) {
			values.put(field, "");
		}
		values.put("role", Role.ACCOUNT_MANAGER.name());
		values.put("timeZone", "America/Los_Angeles");
		return inviteForm(model, values, Map.of());
	}

	@PostMapping("/invite")
	String invite(CurrentUser me, @RequestParam Map<String, String> params, Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : List.of("fullName", "email", "title", "role", "timeZone")) {
			values.put(field, params.getOrDefault(field, "").trim());
		}
		Role role = null;
		try {
			role = Role.valueOf(values.get("role"));
		}
		catch (IllegalArgumentException e) {
			// the directory names the missing role
		}
		try {
			UserAdministration.IssuedLink link = administration.invite(new InvitationForm(values.get("fullName"),
					values.get("email"), role, values.get("title"), values.get("timeZone")), me);
			return linkPage(model, link);
		}
		catch (DuplicateException e) {
			model.addAttribute("existing", Map.of("label", e.existingLabel(), "href", e.existingLink()));
			return inviteForm(model, values, PageErrors.of(e.errors()));
		}
		catch (InvalidInputException e) {
			return inviteForm(model, values, PageErrors.of(e.errors()));
		}
	}

	@PostMapping("/{id}/invitation")
	String resendInvitation(CurrentUser me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			return linkPage(model, administration.resendInvitation(id, me));
		}
		catch (InvalidInputException e) {
			return refused(redirect, e);
		}
	}

	@PostMapping("/{id}/invitation/revoke")
	String revokeInvitation(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		UserSummary user = users.find(id).orElseThrow(() -> new NotFoundException("User", id));
		try {
			administration.revokeInvitation(id, me);
			redirect.addFlashAttribute("toast", "The invitation of " + user.fullName() + " no longer works");
			redirect.addFlashAttribute("highlight", id);
			return "redirect:/admin/users";
		}
		catch (InvalidInputException e) {
			return refused(redirect, e);
		}
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		try {
			UserSummary user = administration.deactivate(id, me);
			redirect.addFlashAttribute("toast",
					user.fullName() + " is deactivated: their sessions and API tokens stopped working");
			redirect.addFlashAttribute("highlight", id);
			return "redirect:/admin/users";
		}
		catch (InvalidInputException e) {
			return refused(redirect, e);
		}
	}

	@PostMapping("/{id}/reactivate")
	String reactivate(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		try {
			UserSummary user = administration.reactivate(id, me);
			redirect.addFlashAttribute("toast", user.fullName() + " can sign in again");
			redirect.addFlashAttribute("highlight", id);
			return "redirect:/admin/users";
		}
		catch (InvalidInputException e) {
			return refused(redirect, e);
		}
	}

	@PostMapping("/{id}/password-reset")
	String resetPassword(CurrentUser me, @PathVariable long id, Model model, RedirectAttributes redirect) {
		try {
			return linkPage(model, administration.resetPassword(id, me));
		}
		catch (InvalidInputException e) {
			return refused(redirect, e);
		}
	}

	private String inviteForm(Model model, Map<String, String> values, Map<String, String> errors) {
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Role.values());
		model.addAttribute("zones", ZONES);
		return "identity/users-invite";
	}

	private static String linkPage(Model model, UserAdministration.IssuedLink link) {
		model.addAttribute("issued", link);
		model.addAttribute("invitation", link.purpose() == UserAdministration.Purpose.INVITATION);
		return "identity/users-link";
	}

	private static String refused(RedirectAttributes redirect, InvalidInputException e) {
		redirect.addFlashAttribute("flashError", e.errors()
			.stream()
			.map(error -> Character.isUpperCase(error.message().charAt(0)) ? error.message()
					: LABELS.getOrDefault(error.field(), "This user's " + error.field()) + " " + error.message())
			.collect(java.util.stream.Collectors.joining("; ")));
		return "redirect:/admin/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		UserForm empty = UserForm.empty();
		return form(model, null, valuesOf(empty), Map.of(), null);
	}

	@PostMapping
	String create(CurrentUser me, @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		Submission submitted = read(params, params.getOrDefault("username", ""));
		try {
			UserSummary created = users.create(submitted.form(), me);
			redirect.addFlashAttribute("toast", created.fullName() + " (" + created.username() + ") can now sign in");
			redirect.addFlashAttribute("highlight", created.id());
			return "redirect:/admin/users";
		}
		catch (DuplicateException e) {
			model.addAttribute("existing", Map.of("label", e.existingLabel(), "href", e.existingLink()));
			return form(model, null, submitted.values(), submitted.with(e), null);
		}
		catch (InvalidInputException e) {
			return form(model, null, submitted.values(), submitted.with(e), null);
		}
	}

	@GetMapping("/{id}")
	String edit(CurrentUser me, @PathVariable long id, Model model) {
		model.addAttribute("invited", administration.invitations(me).containsKey(id));
		UserSummary user = users.find(id).orElseThrow(() -> new NotFoundException("User", id));
		Map<String, String> values = valuesOf(new UserForm(user.username(), user.fullName(), user.email(), user.title(),
				user.role(), user.timeZone(), user.enabled(), ""));
		values.put("version", Long.toString(users.versionOf(id)));
		return form(model, user, values, Map.of(), null);
	}

	@PostMapping("/{id}")
	String update(CurrentUser me, @PathVariable long id, @RequestParam Map<String, String> params,
			@RequestParam long version, Model model, RedirectAttributes redirect) {
		UserSummary user = users.find(id).orElseThrow(() -> new NotFoundException("User", id));
		Submission submitted = read(params, user.username());
		submitted.values().put("version", Long.toString(version));
		try {
			UserSummary saved = users.update(id, submitted.form(), version, me);
			redirect.addFlashAttribute("toast", "Saved " + saved.fullName());
			redirect.addFlashAttribute("highlight", saved.id());
			return "redirect:/admin/users";
		}
		catch (StaleVersionException e) {
			submitted.values().put("version", Long.toString(e.currentVersion()));
			model.addAttribute("conflictMessage", e.getMessage());
			return form(model, user, submitted.values(), Map.of(), conflicts(user, submitted.form()));
		}
		catch (InvalidInputException e) {
			return form(model, user, submitted.values(), submitted.with(e), null);
		}
	}

	@PostMapping("/{id}/reports-to")
	String reportsTo(CurrentUser me, @PathVariable long id, @RequestParam(required = false) Long managerId,
			RedirectAttributes redirect) {
		UserSummary user = users.find(id).orElseThrow(() -> new NotFoundException("User", id));
		try {
			users.changeReportsTo(id, managerId, me);
			redirect.addFlashAttribute("toast", user.fullName() + (managerId == null ? " reports to nobody"
					: " reports to " + users.reportsTo(id).map(UserSummary::fullName).orElse("")));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("toast", "Reports to " + e.errors().get(0).message());
		}
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		UserSummary user = users.find(id).orElseThrow(() -> new NotFoundException("User", id));
		users.unlock(id, me);
		redirect.addFlashAttribute("toast", user.fullName() + " can sign in again");
		return "redirect:/admin/users";
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private String form(Model model, UserSummary user, Map<String, String> values, Map<String, String> errors,
			List<Conflict> conflicts) {
		model.addAttribute("user", user);
		model.asMap().putIfAbsent("invited", false);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("conflicts", conflicts);
		model.addAttribute("roles", Role.values());
		model.addAttribute("zones", ZONES);
		if (user != null) {
			model.addAttribute("reportsTo", users.reportsTo(user.id()).map(UserSummary::id).orElse(null));
			model.addAttribute("managers",
					users.withRoles(Role.SALES_DIRECTOR, Role.EXECUTIVE)
						.stream()
						.filter(candidate -> candidate.enabled() && candidate.id() != user.id())
						.toList());
		}
		return "identity/users-form";
	}

	private Submission read(Map<String, String> params, String username) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : List.of("username", "fullName", "email", "title", "role", "timeZone")) {
			values.put(field, params.getOrDefault(field, "").trim());
		}
		values.put("username", username.trim());
		values.put("enabled", Boolean.toString(params.containsKey("enabled")));
		Map<String, String> errors = new LinkedHashMap<>();
		Role role = null;
		try {
			role = Role.valueOf(values.get("role"));
		}
		catch (IllegalArgumentException e) {
			errors.put("role", "choose one of the roles");
		}
		UserForm form = new UserForm(values.get("username"), values.get("fullName"), values.get("email"),
				values.get("title"), role, values.get("timeZone"), params.containsKey("enabled"),
				params.getOrDefault("password", ""));
		return new Submission(form, values, errors);
	}

	private static Map<String, String> valuesOf(UserForm form) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("username", Objects.toString(form.username(), ""));
		values.put("fullName", Objects.toString(form.fullName(), ""));
		values.put("email", Objects.toString(form.email(), ""));
		values.put("title", Objects.toString(form.title(), ""));
		values.put("role", form.role() == null ? "" : form.role().name());
		values.put("timeZone", Objects.toString(form.timeZone(), ""));
		values.put("enabled", Boolean.toString(form.enabled()));
		return values;
	}

	/** The fields where the saved user now differs from what the admin submitted. */
	private static List<Conflict> conflicts(UserSummary saved, UserForm mine) {
		List<Conflict> conflicts = new ArrayList<>();
		compare(conflicts, "fullName", saved.fullName(), mine.fullName());
		compare(conflicts, "email", saved.email(), mine.email());
		compare(conflicts, "title", Objects.toString(saved.title(), ""), Objects.toString(mine.title(), ""));
		compare(conflicts, "role", saved.role().label(), mine.role() == null ? "" : mine.role().label());
		compare(conflicts, "timeZone", saved.timeZone(), mine.timeZone());
		compare(conflicts, "enabled", saved.enabled() ? "yes" : "no", mine.enabled() ? "yes" : "no");
		return conflicts;
	}

	private static void compare(List<Conflict> conflicts, String field, String theirs, String mine) {
		if (!Objects.equals(theirs, mine)) {
			conflicts.add(new Conflict(LABELS.get(field), theirs.isEmpty() ? "(empty)" : theirs));
		}
	}

}
