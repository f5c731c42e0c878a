package io.intime.identity;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.identity.security.User;
import io.intime.identity.security.UserSessions;
import io.intime.identity.security.Users;
import io.intime.shared.DuplicateException;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** The users of InTime Accounts: look-ups for every module, management for admins. */
@Service
public class UserDirectory {

	static final int MIN_PASSWORD_LENGTH = 8;
	static final int MAX_PASSWORD_BYTES = 72;

	private final Users users;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final Validator validator;

	private final int maxFailures;

	private final Duration lockout;

	private final Today time;

	private final ActiveAdmins admins;

	private final UserSessions sessions;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	UserDirectory(Users users, PasswordEncoder passwords, AuditTrail audit, Validator validator, Today time,
			ActiveAdmins admins, UserSessions sessions, org.springframework.jdbc.core.simple.JdbcClient jdbc,
			@Value("${intime.security.max-failed-logins:5}") int maxFailures,
			@Value("${intime.security.lockout-minutes:15}") long lockoutMinutes) {
		this.admins = admins;
		this.sessions = sessions;
		this.jdbc = jdbc;
		this.users = users;
		this.passwords = passwords;
		this.audit = audit;
		this.validator = validator;
		this.maxFailures = maxFailures;
		this.lockout = Duration.ofMinutes(lockoutMinutes);
		this.time = time;
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> find(long id) {
		return users.findById(id).map(User::toSummary);
	}

	@Transactional(readOnly = true)
	public Optional<UserSummary> findByUsername(String username) {
		return users.findByUsername(username).map(User::toSummary);
	}

	/**
	 * The users with these ids, in one query; unknown ids are absent from the map, and
	 * looking up a null id (an account without owner) gives null.
	 */
	@Transactional(readOnly = true)
	public Map<Long, UserSummary> findAll(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return java.util.Collections.emptyMap();
		}
		return users.findByIdIn(ids)
			.stream()
			.map(User::toSummary)
			.collect(Collectors.toMap(UserSummary::id, Function.identity()));
	}

	/** Users with any of the roles, by name. */
	@Transactional(readOnly = true)
	public List<UserSummary> withRoles(Role... roles) {
		return users.findByRoleInOrderByFullName(Arrays.asList(roles)).stream().map(User::toSummary).toList();
	}

	@Transactional(readOnly = true)
	public List<UserSummary> all() {
		return users.findAllByOrderByFullName().stream().map(User::toSummary).toList();
	}

	@Transactional(readOnly = true)
	public long versionOf(long id) {
		return users.findById(id).map(User::getVersion).orElseThrow(() -> new NotFoundException("User", id));
	}

	/** Creates a user; admins only. Publishes nothing; writes the audit trail. */
	@Transactional
	public UserSummary create(UserForm form, CurrentUser actor) {
		requireAdmin(actor, "create users");
		List<FieldError> errors = check(form, true);
		passwordError("password", form.password()).ifPresent(errors::add);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		users.findByUsername(form.username()).ifPresent(existing -> {
			throw new DuplicateException("username", "The username " + form.username() + " is taken",
					existing.toSummary().fullName(), "/admin/users/" + existing.getId());
		});
		User user = users.save(
				new User(form.username().trim(), form.fullName().trim(), form.email().trim(), blankToNull(form.title()),
						form.role(), passwords.encode(form.password()), form.timeZone(), actor.username(), time.now()));
		audit.recordCreated("user", user.getId(), user.auditState(), actor);
		return user.toSummary();
	}

	/** Changes a user; admins only. A stale {@code expectedVersion} is refused. */
	@Transactional
	public UserSummary update(long id, UserForm form, long expectedVersion, CurrentUser actor) {
		requireAdmin(actor, "change users");
		List<FieldError> errors = check(form, false);
		if (StringUtils.hasText(form.password())) {
			passwordError("password", form.password()).ifPresent(errors::add);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		User user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
		if (user.getVersion() != expectedVersion) {
			throw new StaleVersionException("User", id, expectedVersion, user.getVersion());
		}
		if (user.getId() == actor.id() && (!form.enabled() || form.role() != Role.ADMIN)) {
			throw new InvalidInputException("role", "You cannot remove your own admin rights or disable yourself");
		}
		// A session keeps the role it signed in with: a changed role signs the user in
		// afresh.
		boolean endSessions = user.isEnabled() && (!form.enabled() || user.getRole() != form.role());
		if (user.getRole() == Role.ADMIN && user.isEnabled() && (!form.enabled() || form.role() != Role.ADMIN)) {
			admins.requireAnotherBesides(id, form.role() != Role.ADMIN ? "role" : "enabled");
		}
		if (user.isInvited() && form.enabled()) {
			throw new InvalidInputException("enabled",
					"cannot be switched on before the invitation is accepted: resend the invitation instead");
		}
		var before = user.auditState();
		user.update(form.fullName().trim(), form.email().trim(), blankToNull(form.title()), form.role(),
				form.timeZone(), form.enabled(), actor.username(), time.now());
		List<FieldChange> changes = new ArrayList<>(FieldChange.between(before, user.auditState()));
		if (StringUtils.hasText(form.password())) {
			user.changePassword(passwords.encode(form.password()), actor.username(), time.now());
			changes.add(new FieldChange("password", null, "(changed)"));
		}
		audit.recordChanges("user", id, changes, actor);
		users.flush();
		if (endSessions) {
			sessions.endOtherSessions(user.toCurrentUser(), null);
		}
		return user.toSummary();
	}

	/**
	 * Changes the signed-in user's own password after checking their current one. A wrong
	 * current password is recorded in the audit trail (it may be someone guessing at an
	 * unattended session) and counts as a failed sign-in: after
	 * {@code intime.security.max-failed-logins} of them the user is locked out (sign-in
	 * and this change alike) for {@code intime.security.lockout-minutes}. A change is
	 * recorded too. Publishes nothing; ending the user's other sessions is the caller's
	 * part.
	 * @param confirmation the new password typed a second time, or null when the caller
	 * has no such field (the API)
	 * @throws InvalidInputException naming {@code currentPassword}, {@code newPassword}
	 * and {@code confirmPassword}, all that are wrong at once
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public void changeOwnPassword(CurrentUser me, String currentPassword, String newPassword, String confirmation) {
		User user = users.findById(me.id()).orElseThrow(() -> new NotFoundException("User", me.id()));
		Instant now = time.now();
		if (user.isLocked(now)) {
			audit.recordSecurityEvent(user.getId(), "PASSWORD_REFUSED", "password change while locked out");
			throw new InvalidInputException(List.of(new FieldError("currentPassword",
					"was wrong too many times; changing your password is locked for a while, try again later")));
		}
		List<FieldError> errors = new ArrayList<>();
		if (!StringUtils.hasLength(currentPassword) || !passwords.matches(currentPassword, user.getPasswordHash())) {
			audit.recordSecurityEvent(user.getId(), "PASSWORD_REFUSED", "wrong current password when changing it");
			if (user.recordFailedLogin(maxFailures, now.plus(lockout))) {
				audit.recordSecurityEvent(user.getId(), "LOCKED",
						maxFailures + " wrong current passwords; locked until " + user.getLockedUntil());
				throw new InvalidInputException(List.of(new FieldError("currentPassword",
						"was wrong too many times; changing your password is locked for a while, try again later")));
			}
			errors.add(new FieldError("currentPassword", "is not your current password"));
		}
		passwordError("newPassword", newPassword).ifPresent(errors::add);
		if (errors.isEmpty() && newPassword.equals(currentPassword)) {
			errors.add(new FieldError("newPassword", "must differ from your current password"));
		}
		if (confirmation != null && !confirmation.equals(newPassword)) {
			errors.add(new FieldError("confirmPassword", "does not match the new password"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		user.changePassword(passwords.encode(newPassword), me.username(), time.now());
		audit.recordChanges("user", user.getId(), List.of(new FieldChange("password", null, "(changed)")), me);
		users.flush();
	}

	/** Every user with their sign-in state, by name; admins only. */
	@Transactional(readOnly = true)
	public List<ManagedUser> managed(CurrentUser actor) {
		requireAdmin(actor, "manage users");
		Instant now = time.now();
		return users.findAllByOrderByFullName()
			.stream()
			.map(user -> new ManagedUser(user.toSummary(), user.isLocked(now) ? user.getLockedUntil() : null,
					user.getVersion()))
			.toList();
	}

	/**
	 * Lifts a lock-out after repeated failed sign-ins; admins only. Does nothing when the
	 * user is not locked; writes the audit trail otherwise.
	 */
	@Transactional
	public void unlock(long id, CurrentUser actor) {
		requireAdmin(actor, "unlock users");
		User user = users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
		if (user.isLocked(time.now())) {
			String until = user.getLockedUntil().toString();
			user.recordSuccessfulLogin();
			audit.recordChanges("user", id, List.of(new FieldChange("lockedUntil", until, null)), actor);
		}
	}

	/**
	 * Creates the user unless one with the username exists (used to seed the demo world);
	 * returns the user either way.
	 */
	@Transactional
	public UserSummary ensure(String username, String fullName, String email, String title, Role role, String timeZone,
			String rawPassword) {
		return users.findByUsername(username)
			.map(User::toSummary)
			.orElseGet(() -> users
				.save(new User(username, fullName, email, title, role, passwords.encode(rawPassword), timeZone,
						"system", time.now()))
				.toSummary());
	}

	/**
	 * {@link #ensure} for many users at once (the demo world): each distinct password is
	 * hashed once, since a password hash is deliberately slow. {@code enabled} is ignored
	 * (new users are enabled); returns the users in the order given.
	 */
	@Transactional
	public List<UserSummary> ensureAll(List<UserForm> forms) {
		Map<String, String> hashes = new java.util.HashMap<>();
		return forms.stream()
			.map(form -> users.findByUsername(form.username())
				.map(User::toSummary)
				.orElseGet(() -> users
					.save(new User(form.username(), form.fullName(), form.email(), blankToNull(form.title()),
							form.role(), hashes.computeIfAbsent(form.password(), passwords::encode), form.timeZone(),
							"system", time.now()))
					.toSummary()))
			.toList();
	}

	/** The sales director (or executive) a user reports to, if any. */
	@Transactional(readOnly = true)
	public Optional<UserSummary> reportsTo(long userId) {
		return jdbc.sql("select manager_id from app_user where id = :id and manager_id is not null")
			.param("id", userId)
			.query(Long.class)
			.optional()
			.flatMap(this::find);
	}

	/** The enabled users who report to this one (a sales director's team), by name. */
	@Transactional(readOnly = true)
	public List<UserSummary> directReports(long managerId) {
		List<Long> ids = jdbc.sql("select id from app_user where manager_id = :id and enabled")
			.param("id", managerId)
			.query(Long.class)
			.list();
		return findAll(ids).values().stream().sorted(java.util.Comparator.comparing(UserSummary::fullName)).toList();
	}

	/**
	 * Sets whom a user reports to (null: nobody); admins only. The manager must be an
	 * enabled sales director or executive other than the user; the change is audited.
	 * @throws InvalidInputException naming {@code managerId}
	 */
	@Transactional
	public void changeReportsTo(long userId, Long managerId, CurrentUser actor) {
		requireAdmin(actor, "change whom users report to");
		User user = users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
		String before = reportsTo(userId).map(UserSummary::username).orElse(null);
		String after = null;
		if (managerId != null) {
			UserSummary manager = find(managerId)
				.filter(candidate -> candidate.enabled() && candidate.id() != userId
						&& (candidate.role() == Role.SALES_DIRECTOR || candidate.role() == Role.EXECUTIVE))
				.orElseThrow(() -> new InvalidInputException("managerId",
						"must be an active sales director or executive other than the user"));
			after = manager.username();
		}
		jdbc.sql("update app_user set manager_id = :manager where id = :id")
			.param("manager", managerId)
			.param("id", user.getId())
			.update();
		if (!java.util.Objects.equals(before, after)) {
			audit.recordChanges("user", userId, List.of(new FieldChange("reportsTo", before, after)), actor);
		}
	}

	/**
	 * Makes these users report to a sales director (the demo world's account managers
	 * report to {@code director}); the director receives the notices addressed to the
	 * owner's sales director. Used to seed; no permission check.
	 */
	@Transactional
	public void seedReportsTo(java.util.Collection<Long> userIds, long managerId) {
		jdbc.sql("update app_user set manager_id = :manager where id = any(:ids) and manager_id is null")
			.param("manager", managerId)
			.param("ids", userIds.toArray(Long[]::new))
			.update();
	}

	/**
	 * The form's constraints and a known time zone, checked here so that pages and the
	 * API get the same rules; a change leaves the username alone, so it is not checked
	 * then.
	 */
	private List<FieldError> check(UserForm form, boolean creating) {
		List<FieldError> errors = new ArrayList<>();
		validator.validate(form)
			.stream()
			.filter(violation -> creating || !violation.getPropertyPath().toString().equals("username"))
			.sorted(Comparator.comparing((ConstraintViolation<UserForm> v) -> v.getPropertyPath().toString()))
			.forEach(violation -> errors
				.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage())));
		if (errors.stream().noneMatch(error -> error.field().equals("timeZone"))) {
			try {
				ZoneId.of(form.timeZone());
			}
			catch (DateTimeException | NullPointerException e) {
				errors.add(new FieldError("timeZone", "is not a known time zone (e.g. America/New_York)"));
			}
		}
		return errors;
	}

	/**
	 * BCrypt reads at most 72 bytes: a longer password would be refused by the encoder.
	 */
	static Optional<FieldError> passwordError(String field, String password) {
		if (!StringUtils.hasText(password) || password.length() < MIN_PASSWORD_LENGTH) {
			return Optional.of(new FieldError(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			return Optional.of(new FieldError(field, "must be at most " + MAX_PASSWORD_BYTES + " characters"));
		}
		return Optional.empty();
	}

	private static void requireAdmin(CurrentUser actor, String what) {
		if (!actor.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins may " + what);
		}
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
