package io.intime.identity.security;

import java.time.Instant;
import java.time.ZoneId;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserSummary;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A person who signs in to InTime Accounts. */
@Entity
@Table(name = "app_user")
public class User {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	@Column(name = "full_name")
	private String fullName;

	private String email;

	private String title;

	@Enumerated(EnumType.STRING)
	private Role role;

	@Column(name = "password_hash")
	private String passwordHash;

	@Column(name = "time_zone")
	private String timeZone;

	private boolean enabled = true;

	/** Invited and not yet accepted: cannot sign in, and is not "deactivated". */
	private boolean invited;

	@Column(name = "failed_logins")
	private int failedLogins;

	@Column(name = "locked_until")
	private Instant lockedUntil;

	@Version
	private long version;

	@Column(name = "created_at")
	private Instant createdAt;

	@Column(name = "created_by")
	private String createdBy;

	@Column(name = "updated_at")
	private Instant updatedAt;

	@Column(name = "updated_by")
	private String updatedBy;

	protected User() {
	}

	public User(String username, String fullName, String email, String title, Role role, String passwordHash,
			String timeZone, String createdBy, Instant createdAt) {
		this.username = username;
		this.fullName = fullName;
		this.email = email;
		this.title = title;
		this.role = role;
		this.passwordHash = passwordHash;
		this.timeZone = timeZone;
		this.createdBy = createdBy;
		this.updatedBy = createdBy;
		this.createdAt = createdAt;
		this.updatedAt = createdAt;
	}

	public Long getId() {
		return id;
	}

	public String getUsername() {
		return username;
	}

	public String getPasswordHash() {
		return passwordHash;
	}

	public boolean isEnabled() {
		return enabled;
	}

	public boolean isInvited() {
		return invited;
	}

	public Role getRole() {
		return role;
	}

	public String getEmail() {
		return email;
	}

	public String getFullName() {
		return fullName;
	}

	/** An invited user: no usable password and no sign-in until they accept. */
	public static User invited(String username, String fullName, String email, String title, Role role,
			String unusablePasswordHash, String timeZone, String createdBy, Instant createdAt) {
		User user = new User(username, fullName, email, title, role, unusablePasswordHash, timeZone, createdBy,
				createdAt);
		user.enabled = false;
		user.invited = true;
		return user;
	}

	/** Accepting an invitation: the chosen password, and the user may sign in. */
	public void accept(String passwordHash, Instant at) {
		this.invited = false;
		this.enabled = true;
		changePassword(passwordHash, username, at);
	}

	/**
	 * Accepting an invitation by signing in with the firm's identity provider, which has
	 * proven the email: the user may sign in, and keeps the unusable password they were
	 * invited with (an admin's reset gives them one).
	 */
	public void acceptThroughIdentityProvider(Instant at) {
		this.invited = false;
		this.enabled = true;
		touch(username, at);
	}

	public void deactivate(String actor, Instant at) {
		this.enabled = false;
		touch(actor, at);
	}

	public void reactivate(String actor, Instant at) {
		this.enabled = true;
		touch(actor, at);
	}

	public long getVersion() {
		return version;
	}

	public boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	public boolean hasFailedLogins() {
		return failedLogins > 0;
	}

	public Instant getLockedUntil() {
		return lockedUntil;
	}

	/** Counts a failed sign-in; returns true when this failure locks the user out. */
	public boolean recordFailedLogin(int maxFailures, Instant lockUntil) {
		failedLogins++;
		if (failedLogins >= maxFailures) {
			failedLogins = 0;
			lockedUntil = lockUntil;
			return true;
		}
		return false;
	}

	public void recordSuccessfulLogin() {
		failedLogins = 0;
		lockedUntil = null;
	}

	public void update(String fullName, String email, String title, Role role, String timeZone, boolean enabled,
			String actor, Instant at) {
		this.fullName = fullName;
		this.email = email;
		this.title = title;
		this.role = role;
		this.timeZone = timeZone;
		this.enabled = enabled;
		touch(actor, at);
	}

	public void changePassword(String passwordHash, String actor, Instant at) {
		this.passwordHash = passwordHash;
		this.failedLogins = 0;
		this.lockedUntil = null;
		touch(actor, at);
	}

	private void touch(String actor, Instant at) {
		this.updatedAt = at;
		this.updatedBy = actor;
	}

	public CurrentUser toCurrentUser() {
		return new CurrentUser(id, username, fullName, role, ZoneId.of(timeZone));
	}

	public UserSummary toSummary() {
		return new UserSummary(id, username, fullName, email, title, role, timeZone, enabled);
	}

	public java.util.Map<String, Object> auditState() {
		var state = new java.util.LinkedHashMap<String, Object>();
		state.put("username", username);
		state.put("fullName", fullName);
		state.put("email", email);
		state.put("title", title);
		state.put("role", role);
		state.put("timeZone", timeZone);
		state.put("enabled", enabled);
		return state;
	}

}
