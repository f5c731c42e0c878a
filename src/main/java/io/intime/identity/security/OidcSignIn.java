package io.intime.identity.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.intime.identity.AuditTrail;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserSummary;
import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns the claims of an OpenID Connect sign-in into the InTime user they belong to: the
 * one enabled user with that email (case-insensitive), whose role follows the groups
 * claim when a role mapping is configured, or a new user when
 * {@code intime.oidc.create-users} is on and the groups map to a role. Every sign-in,
 * refusal of a known user, creation and role change is audited.
 */
public class OidcSignIn {

	/**
	 * The session attribute that carries a refused or failed sign-in's message to the
	 * sign-in page (a String: sessions may be stored in the database).
	 */
	public static final String MESSAGE_ATTRIBUTE = OidcSignIn.class.getName() + ".MESSAGE";

	private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Users users;

	private final AuditTrail audit;

	private final PasswordEncoder passwords;

	private final TransactionTemplate transactions;

	private final Today time;

	private final OidcProperties settings;

	private final JdbcClient jdbc;

	OidcSignIn(Users users, AuditTrail audit, PasswordEncoder passwords, TransactionTemplate transactions, Today time,
			OidcProperties settings, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.passwords = passwords;
		this.transactions = transactions;
		this.time = time;
		this.settings = settings;
	}

	/**
	 * The principal of the user these claims name.
	 * @param claims the ID token's claims merged with the user info's
	 * @throws OidcSignInRefusedException when no single enabled user has the email (and
	 * none may be created), the email is unverified or missing, or a role mapping is
	 * configured and none of the person's groups maps to a role
	 */
	UserPrincipal signIn(Map<String, Object> claims) {
		OidcClaims read = new OidcClaims(claims);
		String email = read.email();
		Set<String> groups = read.groups(settings.rolesClaim());
		boolean mapped = !settings.roleMapping().isEmpty();
		Optional<Role> role = OidcClaims.roleFor(groups, settings.roleMapping());
		String[] roleChange = { null };
		User user = transactions.execute(status -> {
			List<User> withEmail = users.findByEmail(email);
			List<User> enabled = withEmail.stream().filter(User::isEnabled).toList();
			if (enabled.size() > 1) {
				throw refused("Several InTime users have the email " + email
						+ "; ask your administrator to give each user their own email.");
			}
			List<User> invited = withEmail.stream().filter(User::isInvited).toList();
			if (enabled.isEmpty() && invited.size() == 1) {
				return accept(invited.get(0));
			}
			if (enabled.isEmpty()) {
				if (!withEmail.isEmpty()) {
					withEmail.forEach(disabled -> audit.recordSecurityEvent(disabled.getId(), "SIGN_IN_REFUSED",
							"disabled user signed in with " + settings.name()));
					throw refused(noActiveUser(email));
				}
				if (settings.createUsers() && role.isPresent()) {
					return create(read, email, role.get(), groups);
				}
				throw refused(noActiveUser(email));
			}
			User found = enabled.get(0);
			if (mapped) {
				if (role.isEmpty()) {
					audit.recordSecurityEvent(found.getId(), "SIGN_IN_REFUSED",
							"none of the groups " + groups + " at " + settings.name() + " maps to an InTime role");
					throw refused("None of your groups at " + settings.name()
							+ " gives you a role in InTime; ask your administrator.");
				}
				roleChange[0] = changeRole(found, role.get(), groups);
			}
			return found;
		});
		audit.recordSecurityEvent(user.getId(), "SIGNED_IN", "with " + settings.name() + " (OpenID Connect) as " + email
				+ (roleChange[0] == null ? "" : "; " + roleChange[0]));
		return new UserPrincipal(user, time.now());
	}

	/**
	 * An invited person who signs in with the identity provider instead of opening their
	 * link: the provider proved the email, so the invitation is accepted and its links
	 * are spent.
	 */
	private User accept(User user) {
		java.time.Instant now = time.now();
		user.acceptThroughIdentityProvider(now);
		jdbc.sql(
				"update user_link set used_at = :now where user_id = :id and purpose = 'INVITATION' and used_at is null")
			.param("now", java.sql.Timestamp.from(now))
			.param("id", user.getId())
			.update();
		users.flush();
		audit.recordChanges("user", user.getId(),
				List.of(new FieldChange("invitation", "sent", "accepted with " + settings.name()),
						new FieldChange("enabled", "false", "true")),
				null);
		return user;
	}

	private User create(OidcClaims read, String email, Role role, Set<String> groups) {
		if (users.findByUsername(email).isPresent()) {
			throw refused("The InTime username " + email + " is taken by another user; ask your administrator.");
		}
		// The new user signs in with the identity provider; the password is random and
		// never shown (an administrator may reset it).
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		User created = users.save(new User(email.length() > 100 ? email.substring(0, 100) : email, read.fullName(email),
				email, null, role, passwords.encode(Base64.getUrlEncoder().encodeToString(secret)), read.timeZone(),
				"system", time.now()));
		users.flush();
		audit.recordCreated("user", created.getId(), created.auditState(), null);
		log.info("Created InTime user {} ({}) at their first sign-in with {}, groups {}", created.getUsername(), role,
				settings.name(), groups);
		return created;
	}

	/** Sets the role the groups give; returns what changed, or null. */
	private String changeRole(User user, Role role, Set<String> groups) {
		UserSummary before = user.toSummary();
		if (before.role() == role) {
			return null;
		}
		Map<String, Object> old = user.auditState();
		user.update(before.fullName(), before.email(), before.title(), role, before.timeZone(), before.enabled(),
				"system", time.now());
		users.flush();
		audit.recordChanges("user", user.getId(), FieldChange.between(old, user.auditState()), null);
		log.info("Role of {} set from {} to {} by their groups {} at {}", before.username(), before.role(), role,
				groups, settings.name());
		return "role " + before.role() + " → " + role + " from groups " + groups;
	}

	private String noActiveUser(String email) {
		return "No active InTime user has the email " + email + "; ask your administrator for an invitation.";
	}

	private static OidcSignInRefusedException refused(String message) {
		log.info("OpenID Connect sign-in refused: {}", message);
		return new OidcSignInRefusedException(message);
	}

}
