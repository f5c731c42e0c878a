package io.intime.identity;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.identity.security.User;
import io.intime.identity.security.Users;
import io.intime.shared.DuplicateException;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/** The users of InTime Accounts: look-ups for every module, management for admins. */
@Service
public class UserDirectory {

    static final int MIN_PASSWORD_LENGTH = 8;

    private final Users users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;

    UserDirectory(Users users, PasswordEncoder passwords, AuditTrail audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> find(long id) {
        return users.findById(id).map(User::toSummary);
    }

    @Transactional(readOnly = true)
    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsername(username).map(User::toSummary);
    }

    /** The users with these ids, in one query; unknown ids are absent from the map. */
    @Transactional(readOnly = true)
    public Map<Long, UserSummary> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.findByIdIn(ids).stream().map(User::toSummary)
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
        List<FieldError> errors = new ArrayList<>(check(form));
        if (!StringUtils.hasText(form.password()) || form.password().length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        users.findByUsername(form.username()).ifPresent(existing -> {
            throw new DuplicateException("username", "The username " + form.username() + " is taken",
                    existing.toSummary().fullName(), "/admin/users/" + existing.getId());
        });
        User user = users.save(new User(form.username().trim(), form.fullName().trim(), form.email().trim(),
                blankToNull(form.title()), form.role(), passwords.encode(form.password()), form.timeZone(), actor.username()));
        audit.recordCreated("user", user.getId(), user.auditState(), actor);
        return user.toSummary();
    }

    /** Changes a user; admins only. A stale {@code expectedVersion} is refused. */
    @Transactional
    public UserSummary update(long id, UserForm form, long expectedVersion, CurrentUser actor) {
        requireAdmin(actor, "change users");
        List<FieldError> errors = check(form);
        if (StringUtils.hasText(form.password()) && form.password().length() < MIN_PASSWORD_LENGTH) {
            errors = new ArrayList<>(errors);
            errors.add(new FieldError("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
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
        var before = user.auditState();
        user.update(form.fullName().trim(), form.email().trim(), blankToNull(form.title()), form.role(), form.timeZone(),
                form.enabled(), actor.username());
        List<FieldChange> changes = new ArrayList<>(FieldChange.between(before, user.auditState()));
        if (StringUtils.hasText(form.password())) {
            user.changePassword(passwords.encode(form.password()), actor.username());
            changes.add(new FieldChange("password", null, "(changed)"));
        }
        audit.recordChanges("user", id, changes, actor);
        users.flush();
        return user.toSummary();
    }

    /**
     * Creates the user unless one with the username exists (used to seed the demo world);
     * returns the user either way.
     */
    @Transactional
    public UserSummary ensure(String username, String fullName, String email, String title, Role role, String timeZone,
            String rawPassword) {
        return users.findByUsername(username).map(User::toSummary).orElseGet(() -> users.save(new User(username,
                fullName, email, title, role, passwords.encode(rawPassword), timeZone, "system")).toSummary());
    }

    /**
     * {@link #ensure} for many users at once (the demo world): each distinct password is
     * hashed once, since a password hash is deliberately slow. {@code enabled} is ignored
     * (new users are enabled); returns the users in the order given.
     */
    @Transactional
    public List<UserSummary> ensureAll(List<UserForm> forms) {
        Map<String, String> hashes = new java.util.HashMap<>();
        return forms.stream().map(form -> users.findByUsername(form.username()).map(User::toSummary)
                .orElseGet(() -> users.save(new User(form.username(), form.fullName(), form.email(), blankToNull(form.title()),
                        form.role(), hashes.computeIfAbsent(form.password(), passwords::encode), form.timeZone(), "system"))
                        .toSummary()))
                .toList();
    }

    private static List<FieldError> check(UserForm form) {
        List<FieldError> errors = new ArrayList<>();
        try {
            ZoneId.of(form.timeZone());
        }
        catch (DateTimeException | NullPointerException e) {
            errors.add(new FieldError("timeZone", "is not a known time zone (e.g. America/New_York)"));
        }
        return errors;
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
