package io.intime.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.intime.identity.security.Secrets;
import io.intime.identity.security.User;
import io.intime.identity.security.Users;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The first administrator of an installation with no users (the demo world brings its
 * own). Either the settings {@code intime.admin.email} and {@code intime.admin.password}
 * (or {@code intime.admin.password-file}) create them on start, for automated installs,
 * or the start logs a one-time setup link to {@code /setup}, like Jenkins or Grafana: its
 * token is stored only as a hash, a new start replaces an unspent one, and it is spent by
 * the setup.
 */
@Service
public class FirstAdministrator {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	static final String DEFAULT_TIME_ZONE = "UTC";

	/** The automated install's settings; blank values are not set. */
	public record Settings(String email, String password, String passwordFile, String name, String firmName) {

		public boolean configured() {
			return StringUtils.hasText(email) || StringUtils.hasText(password) || StringUtils.hasText(passwordFile);
		}

		static Settings from(Environment environment) {
			return new Settings(environment.getProperty("intime.admin.email"),
					environment.getProperty("intime.admin.password"),
					environment.getProperty("intime.admin.password-file"), environment.getProperty("intime.admin.name"),
					environment.getProperty("intime.firm-name"));
		}
	}

	private final Users users;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final Validator validator;

	private final BaseUrl baseUrl;

	private final Environment environment;

	private final Today time;

	FirstAdministrator(Users users, org.springframework.jdbc.core.simple.JdbcClient jdbc, PasswordEncoder passwords,
			AuditTrail audit, Validator validator, BaseUrl baseUrl, Environment environment, Today time) {
		this.users = users;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.audit = audit;
		this.validator = validator;
		this.baseUrl = baseUrl;
		this.environment = environment;
		this.time = time;
	}

	/**
	 * On a start with no users and the demo off: the configured administrator, or else a
	 * setup link in the log. A configured password that breaks the policy stops the
	 * start.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		if (environment.getProperty("intime.demo", Boolean.class, false) || users.count() > 0) {
			return;
		}
		Settings settings = Settings.from(environment);
		if (settings.configured()) {
			createFromSettings(settings).ifPresent(admin -> log.info(
					"Created the first administrator {} ({}) from intime.admin.email; the password is the one configured",
					admin.fullName(), admin.email()));
		}
		else {
			String token = newSetupToken();
			log.warn("No users yet: open {} to create the first administrator (a one-time link)",
					baseUrl.link("/setup?token=" + token));
		}
	}

	/**
	 * Creates the administrator of the settings when there are no users; nothing when
	 * there are.
	 * @throws IllegalStateException naming the setting that is missing or wrong
	 */
	@Transactional
	public Optional<UserSummary> createFromSettings(Settings settings) {
		if (users.count() > 0) {
			return Optional.empty();
		}
		if (!StringUtils.hasText(settings.email())) {
			throw new IllegalStateException(
					"intime.admin.email (INTIME_ADMIN_EMAIL) is not set: it names the first administrator");
		}
		String password = password(settings);
		UserDirectory.passwordError("password", password).ifPresent(error -> {
			throw new IllegalStateException("The first administrator's password, "
					+ (StringUtils.hasText(settings.password()) ? "intime.admin.password (INTIME_ADMIN_PASSWORD)"
							: "in intime.admin.password-file (INTIME_ADMIN_PASSWORD_FILE)")
					+ ", " + error.message());
		});
		String email = settings.email().trim().toLowerCase(Locale.ROOT);
		if (validator.validateValue(SetupForm.class, "email", email).size() > 0) {
			throw new IllegalStateException(
					"intime.admin.email (INTIME_ADMIN_EMAIL) is not an email address: " + settings.email());
		}
		String name = StringUtils.hasText(settings.name()) ? settings.name().trim() : "Administrator";
		if (StringUtils.hasText(settings.firmName())) {
			saveFirm(settings.firmName().trim());
		}
		return Optional.of(createAdmin(name, email, DEFAULT_TIME_ZONE, password, "created from intime.admin.email"));
	}

	/**
	 * Whether {@code /setup} is open to this token: no users yet and the token is the one
	 * logged.
	 */
	@Transactional(readOnly = true)
	public boolean setupOpen(String token) {
		return StringUtils.hasText(token) && token.length() <= 100 && users.count() == 0
				&& jdbc.sql("select count(*) from setup_token where token_hash = :hash")
					.param("hash", Secrets.hash(token))
					.query(Long.class)
					.single() == 1;
	}

	/**
	 * The setup: the firm and its first administrator, who the caller then signs in; the
	 * token is spent.
	 * @throws io.intime.shared.NotFoundException when the setup is not open to the token
	 * @throws InvalidInputException naming each wrong field
	 */
	@Transactional
	public CurrentUser completeSetup(String token, SetupForm form) {
		// The lock makes two setups at once one after the other: the second finds users.
		jdbc.sql("select id from setup_token for update").query(Long.class).list();
		if (!setupOpen(token)) {
			throw new io.intime.shared.NotFoundException("Setup", 0);
		}
		List<FieldError> errors = new ArrayList<>();
		validator.validate(form)
			.stream()
			.sorted(Comparator.comparing((ConstraintViolation<SetupForm> v) -> v.getPropertyPath().toString()))
			.forEach(v -> errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage())));
		if (errors.stream().noneMatch(error -> error.field().equals("timeZone"))) {
			UserAdministration.zoneError(form.timeZone()).ifPresent(errors::add);
		}
		UserDirectory.passwordError("password", form.password()).ifPresent(errors::add);
		if (form.confirmPassword() == null || !form.confirmPassword().equals(form.password())) {
			errors.add(new FieldError("confirmPassword", "does not match the password"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		saveFirm(form.firmName().trim());
		UserSummary admin = createAdmin(form.fullName().trim(), form.email().trim().toLowerCase(Locale.ROOT),
				form.timeZone().trim(), form.password(), "created by the setup page");
		jdbc.sql("delete from setup_token").update();
		return new CurrentUser(admin.id(), admin.username(), admin.fullName(), admin.role(),
				java.time.ZoneId.of(admin.timeZone()));
	}

	/** A new setup token, replacing any unspent one; returns the token itself. */
	@Transactional
	String newSetupToken() {
		String token = Secrets.random();
		jdbc.sql("""
				insert into setup_token (id, token_hash, created_at) values (1, :hash, :now)
				on conflict (id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at""")
			.param("hash", Secrets.hash(token))
			.param("now", Timestamp.from(time.now()))
			.update();
		return token;
	}

	private void saveFirm(String name) {
		jdbc.sql("""
				insert into firm (id, name, created_at) values (1, :name, :now)
				on conflict (id) do update set name = excluded.name""")
			.param("name", name)
			.param("now", Timestamp.from(time.now()))
			.update();
	}

	private UserSummary createAdmin(String fullName, String email, String timeZone, String password, String how) {
		User user = users.save(new User(email, fullName, email, null, Role.ADMIN, passwords.encode(password), timeZone,
				"system", time.now()));
		var state = new java.util.LinkedHashMap<String, Object>(user.auditState());
		state.put("firstAdministrator", how);
		audit.recordCreated("user", user.getId(), state, user.toCurrentUser());
		return user.toSummary();
	}

	private static String password(Settings settings) {
		if (StringUtils.hasText(settings.password())) {
			return settings.password();
		}
		if (!StringUtils.hasText(settings.passwordFile())) {
			throw new IllegalStateException("intime.admin.email is set but neither intime.admin.password"
					+ " (INTIME_ADMIN_PASSWORD) nor intime.admin.password-file (INTIME_ADMIN_PASSWORD_FILE)");
		}
		try {
			return Files.readString(Path.of(settings.passwordFile().trim())).strip();
		}
		catch (IOException e) {
			throw new IllegalStateException("intime.admin.password-file (INTIME_ADMIN_PASSWORD_FILE) cannot be read: "
					+ settings.passwordFile(), e);
		}
	}

}
