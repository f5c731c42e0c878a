package io.intime.identity;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.intime.identity.security.Secrets;
import io.intime.identity.security.User;
import io.intime.identity.security.UserSessions;
import io.intime.identity.security.Users;
import io.intime.shared.DuplicateException;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The administrator's user management beyond editing: invitations, deactivation and
 * password resets, and the one-use links (invitation, reset) by which a person sets their
 * password. Every step is audited; tokens and passwords never are. A link made is
 * returned to the admin and published as {@link UserLinkIssued} in the same transaction
 * (the notifications module emails it to the user).
 */
@Service
public class UserAdministration {

	static final Duration INVITATION_VALIDITY = Duration.ofDays(7);

	static final Duration RESET_VALIDITY = Duration.ofHours(24);

	/** What a one-use link is for. */
	public enum Purpose {

		INVITATION, RESET

	}

	/** A link just made: {@code link} is the only time its token is available. */
	public record IssuedLink(UserSummary user, Purpose purpose, String link, Instant expiresAt) {
	}

	/** A link as its holder finds it; only a usable one has a user. */
	public record LinkCheck(State state, Purpose purpose, UserSummary user, String firmName) {

		public enum State {

			USABLE, EXPIRED, USED, REVOKED, UNKNOWN

		}

		public boolean usable() {
			return state == State.USABLE;
		}
	}

	/**
	 * An invited user's invitation: when the live link expires, or null when none is live
	 * (expired or revoked).
	 */
	public record Invitation(long userId, Instant expiresAt) {

		public boolean live() {
			return expiresAt != null;
		}
	}

	private final Users users;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final Validator validator;

	private final UserSessions sessions;

	private final ActiveAdmins admins;

	private final BaseUrl baseUrl;

	private final Today time;

	private final ApplicationEventPublisher events;

	UserAdministration(Users users, JdbcClient jdbc, PasswordEncoder passwords, AuditTrail audit, Validator validator,
			UserSessions sessions, ActiveAdmins admins, BaseUrl baseUrl, Today time, ApplicationEventPublisher events) {
		this.events = events;
		this.users = users;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.validator = validator;
		this.sessions = sessions;
		this.admins = admins;
		this.baseUrl = baseUrl;
		this.time = time;
	}

	/** The firm's name as its first administrator gave it, if given. */
	@Transactional(readOnly = true)
	public Optional<String> firmName() {
		return jdbc.sql("select name from firm").query(String.class).optional();
	}

	/**
	 * Invites a person: a user who cannot sign in until they accept the returned link
	 * (one use, valid 7 days). Their lower-cased email is their username. Admins only.
	 * @throws InvalidInputException naming each wrong field
	 * @throws DuplicateException when a user has that email or username
	 */
	@Transactional
	public IssuedLink invite(InvitationForm form, CurrentUser actor) {
		requireAdmin(actor);
		List<FieldError> errors = new ArrayList<>();
		validator.validate(form)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<InvitationForm> v) -> v.getPropertyPath().toString()))
			.forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
		if (errors.stream().noneMatch(error -> error.field().equals("timeZone"))) {
			zoneError(form.timeZone()).ifPresent(errors::add);
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String email = form.email().trim().toLowerCase(Locale.ROOT);
		Optional<User> existing = users.findByUsername(email).or(() -> users.findByEmail(email).stream().findFirst());
		existing.ifPresent(user -> {
			throw new DuplicateException("email", "A user with the email " + email + " exists",
					user.toSummary().fullName(), "/admin/users/" + user.getId());
		});
		User user = users.save(User.invited(email, form.fullName().trim(), email, blankToNull(form.title()),
				form.role(), unusablePassword(), form.timeZone().trim(), actor.username(), time.now()));
		audit.recordCreated("user", user.getId(), user.auditState(), actor);
		return issue(user, Purpose.INVITATION, actor);
	}

	/** A new invitation link for an invited user; the old one stops working. */
	@Transactional
	public IssuedLink resendInvitation(long userId, CurrentUser actor) {
		requireAdmin(actor);
		User user = user(userId);
		if (!user.isInvited()) {
			throw new InvalidInputException("invitation", "was accepted already: this user can sign in");
		}
		return issue(user, Purpose.INVITATION, actor);
	}

	/**
	 * Revokes an invited user's live link; they stay invited (a resend invites again).
	 */
	@Transactional
	public void revokeInvitation(long userId, CurrentUser actor) {
		requireAdmin(actor);
		User user = user(userId);
		if (!user.isInvited()) {
			throw new InvalidInputException("invitation", "was accepted already: deactivate the user instead");
		}
		if (revokeLive(userId) > 0) {
			audit.recordChanges("user", userId, List.of(new FieldChange("invitation", "sent", "revoked")), actor);
		}
	}

	/**
	 * Deactivates a user: their sessions end and their API tokens and password stop
	 * working at once. An admin cannot deactivate themselves, nor the last active admin.
	 */
	@Transactional
	public UserSummary deactivate(long userId, CurrentUser actor) {
		requireAdmin(actor);
		User user = user(userId);
		if (user.getId() == actor.id()) {
			throw new InvalidInputException("enabled", "You cannot deactivate yourself");
		}
		if (user.isEnabled()) {
			admins.requireAnotherBesides(userId, "enabled");
			user.deactivate(actor.username(), time.now());
			revokeLive(userId);
			audit.recordChanges("user", userId, List.of(new FieldChange("enabled", "true", "false")), actor);
			users.flush();
			sessions.endOtherSessions(user.toCurrentUser(), null);
		}
		return user.toSummary();
	}

	/** Lets a deactivated user sign in again (an invited one accepts instead). */
	@Transactional
	public UserSummary reactivate(long userId, CurrentUser actor) {
		requireAdmin(actor);
		User user = user(userId);
		if (user.isInvited()) {
			throw new InvalidInputException("enabled", "has not accepted the invitation yet: resend it instead");
		}
		if (!user.isEnabled()) {
			user.reactivate(actor.username(), time.now());
			audit.recordChanges("user", userId, List.of(new FieldChange("enabled", "false", "true")), actor);
			users.flush();
		}
		return user.toSummary();
	}

	/**
	 * Resets a user's password: the old one stops working at once, their sessions end,
	 * and the returned link (one use, valid 24 hours) lets them set a new one.
	 */
	@Transactional
	public IssuedLink resetPassword(long userId, CurrentUser actor) {
		requireAdmin(actor);
		User user = user(userId);
		if (user.isInvited()) {
			throw new InvalidInputException("password", "is not set yet: resend the invitation instead");
		}
		if (!user.isEnabled()) {
			throw new InvalidInputException("password", "cannot be reset for a deactivated user: reactivate first");
		}
		user.changePassword(unusablePassword(), actor.username(), time.now());
		audit.recordChanges("user", userId, List.of(new FieldChange("password", null, "(reset)")), actor);
		IssuedLink link = issue(user, Purpose.RESET, actor);
		users.flush();
		sessions.endOtherSessions(user.toCurrentUser(), null);
		return link;
	}

	/** The invited users' invitations, by user id; admins only. */
	@Transactional(readOnly = true)
	public Map<Long, Invitation> invitations(CurrentUser actor) {
		requireAdmin(actor);
		Map<Long, Invitation> invitations = new HashMap<>();
		jdbc.sql("""
				select u.id, (select max(l.expires_at) from user_link l where l.user_id = u.id
				  and l.purpose = 'INVITATION' and l.used_at is null and l.revoked_at is null
				  and l.expires_at > :now) as expires_at
				from app_user u where u.invited""")
			.param("now", Timestamp.from(time.now()))
			.query((rs, i) -> new Invitation(rs.getLong("id"),
					rs.getTimestamp("expires_at") == null ? null : rs.getTimestamp("expires_at").toInstant()))
			.list()
			.forEach(invitation -> invitations.put(invitation.userId(), invitation));
		return invitations;
	}

	/**
	 * What a link's holder may do with it; changes nothing (mail scanners open links).
	 */
	@Transactional(readOnly = true)
	public LinkCheck check(Purpose purpose, String token) {
		return find(purpose, token, false);
	}

	/**
	 * Sets the password through a usable link: an invited user becomes active, the link
	 * is spent. Returns the user, for the caller to sign in.
	 * @throws InvalidInputException naming {@code password} and {@code confirmPassword}
	 * @throws NotFoundException when the link is not usable
	 */
	@Transactional
	public CurrentUser setPassword(Purpose purpose, String token, String password, String confirmation) {
		LinkCheck check = find(purpose, token, true);
		if (!check.usable()) {
			throw new NotFoundException("Link", 0);
		}
		List<FieldError> errors = new ArrayList<>();
		UserDirectory.passwordError("password", password).ifPresent(errors::add);
		if (confirmation == null || !confirmation.equals(password)) {
			errors.add(new FieldError("confirmPassword", "does not match the password"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		User user = user(check.user().id());
		Instant now = time.now();
		jdbc.sql("update user_link set used_at = :now where token_hash = :hash")
			.param("now", Timestamp.from(now))
			.param("hash", Secrets.hash(token))
			.update();
		CurrentUser self = user.toCurrentUser();
		if (purpose == Purpose.INVITATION) {
			user.accept(passwords.encode(password), now);
			audit.recordChanges("user", user.getId(),
					List.of(new FieldChange("invitation", "sent", "accepted"),
							new FieldChange("enabled", "false", "true"), new FieldChange("password", null, "(set)")),
					self);
		}
		else {
			user.changePassword(passwords.encode(password), user.getUsername(), now);
			audit.recordChanges("user", user.getId(), List.of(new FieldChange("password", "(reset)", "(set)")), self);
		}
		users.flush();
		return user.toCurrentUser();
	}

	private LinkCheck find(Purpose purpose, String token, boolean lock) {
		String firm = firmName().orElse(null);
		if (!StringUtils.hasText(token) || token.length() > 100) {
			return new LinkCheck(LinkCheck.State.UNKNOWN, purpose, null, firm);
		}
		record Row(long userId, Instant expiresAt, Instant usedAt, Instant revokedAt) {
		}
		Optional<Row> row = jdbc
			.sql("select user_id, expires_at, used_at, revoked_at from user_link where token_hash = :hash"
					+ " and purpose = :purpose" + (lock ? " for update" : ""))
			.param("hash", Secrets.hash(token))
			.param("purpose", purpose.name())
			.query((rs, i) -> new Row(rs.getLong("user_id"), rs.getTimestamp("expires_at").toInstant(),
					rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant(),
					rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
			.optional();
		if (row.isEmpty()) {
			return new LinkCheck(LinkCheck.State.UNKNOWN, purpose, null, firm);
		}
		Row link = row.get();
		LinkCheck.State state = link.usedAt() != null ? LinkCheck.State.USED
				: link.revokedAt() != null ? LinkCheck.State.REVOKED
						: !link.expiresAt().isAfter(time.now()) ? LinkCheck.State.EXPIRED : LinkCheck.State.USABLE;
		if (state == LinkCheck.State.USABLE) {
			User user = user(link.userId());
			boolean fits = purpose == Purpose.INVITATION ? user.isInvited() : user.isEnabled() && !user.isInvited();
			if (!fits) {
				state = LinkCheck.State.REVOKED;
			}
			else {
				return new LinkCheck(state, purpose, user.toSummary(), firm);
			}
		}
		return new LinkCheck(state, purpose, null, firm);
	}

	private IssuedLink issue(User user, Purpose purpose, CurrentUser actor) {
		revokeLive(user.getId());
		String token = Secrets.random();
		Instant now = time.now();
		Instant expires = now.plus(purpose == Purpose.INVITATION ? INVITATION_VALIDITY : RESET_VALIDITY);
		long linkId = jdbc.sql("""
				insert into user_link (user_id, purpose, token_hash, created_at, created_by, expires_at)
				values (:user, :purpose, :hash, :now, :by, :expires) returning id""")
			.param("user", user.getId())
			.param("purpose", purpose.name())
			.param("hash", Secrets.hash(token))
			.param("now", Timestamp.from(now))
			.param("by", actor.username())
			.param("expires", Timestamp.from(expires))
			.query(Long.class)
			.single();
		audit.recordChanges("user", user.getId(),
				List.of(new FieldChange(purpose == Purpose.INVITATION ? "invitation" : "passwordResetLink", null,
						"sent, expires " + expires)),
				actor);
		String path = (purpose == Purpose.INVITATION ? "/invite/" : "/reset-password/") + token;
		IssuedLink issued = new IssuedLink(user.toSummary(), purpose, baseUrl.link(path), expires);
		events.publishEvent(new UserLinkIssued(linkId, issued.user(), purpose, issued.link(), path, expires,
				firmName().orElse(null), actor.actor(), actor.fullName()));
		return issued;
	}

	private int revokeLive(long userId) {
		return jdbc
			.sql("update user_link set revoked_at = :now where user_id = :user and used_at is null"
					+ " and revoked_at is null")
			.param("now", Timestamp.from(time.now()))
			.param("user", userId)
			.update();
	}

	private String unusablePassword() {
		return passwords.encode(Secrets.random());
	}

	private User user(long id) {
		return users.findById(id).orElseThrow(() -> new NotFoundException("User", id));
	}

	static Optional<FieldError> zoneError(String zone) {
		try {
			ZoneId.of(zone.trim());
			return Optional.empty();
		}
		catch (DateTimeException | NullPointerException e) {
			return Optional.of(new FieldError("timeZone", "is not a known time zone (e.g. America/New_York)"));
		}
	}

	private static void requireAdmin(CurrentUser actor) {
		if (!actor.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Only admins may manage users");
		}
	}

	private static String blankToNull(String value) {
		return StringUtils.hasText(value) ? value.trim() : null;
	}

}
