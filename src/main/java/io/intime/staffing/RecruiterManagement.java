package io.intime.staffing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.intime.shared.Editable;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.DuplicateException;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recruiter profiles: who works jobs, their specialties and industries, their capacity,
 * and (derived) their workload and record. Everyone signed in reads them; recruiting
 * managers, executives and admins create, change and delete them. A recruiter is a user
 * with the role RECRUITER or RECRUITING_MANAGER, at most one profile per user.
 */
@Service
public class RecruiterManagement {

	static final String ENTITY = "recruiter";

	/** The window of a recruiter's record (spec 01 shows "last 6 months"). */
	static final int RECORD_DAYS = 180;

	private final Recruiters recruiters;

	private final UserDirectory users;

	private final StaffingRules rules;

	private final StaffingValidation validation;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Today time;

	RecruiterManagement(Recruiters recruiters, UserDirectory users, StaffingRules rules, StaffingValidation validation,
			AuditTrail audit, JdbcClient jdbc, Today time) {
		this.recruiters = recruiters;
		this.users = users;
		this.rules = rules;
		this.validation = validation;
		this.audit = audit;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * Recruiters by name, optionally only active (or inactive) ones and matching a name,
	 * specialty or industry ({@code q}); every argument but {@code page} and {@code user}
	 * may be null.
	 */
	@Transactional(readOnly = true)
	public PageResult<RecruiterView> search(Boolean active, String q, PageRequest page, CurrentUser user) {
		// Recruiters are a team, not a customer base: dozens, so filtering by the users'
		// names happens here.
		List<RecruiterView> all = views(recruiters.findAll(), today(user));
		String needle = q == null || q.isBlank() ? null : q.trim().toLowerCase(Locale.ROOT);
		List<RecruiterView> matching = all.stream()
			.filter(r -> active == null || r.active() == active)
			.filter(r -> needle == null || matches(r, needle))
			.sorted(Comparator.comparing((RecruiterView r) -> r.name().toLowerCase(Locale.ROOT))
				.thenComparing(RecruiterView::id))
			.toList();
		int from = Math.min(page.offset(), matching.size());
		int to = Math.min(from + page.size(), matching.size());
		return new PageResult<>(matching.subList(from, to), matching.size(), page.page(), page.size());
	}

	/** The active recruiters by name, for choosing one on a job or placement. */
	@Transactional(readOnly = true)
	public List<RecruiterView> options(CurrentUser user) {
		return search(true, null, new PageRequest(0, PageRequest.MAX_SIZE), user).items();
	}

	/**
	 * Whether the user may create and change recruiter profiles, for pages to offer it.
	 */
	public boolean canManage(CurrentUser user) {
		return rules.canManageRecruiters(user);
	}

	/**
	 * @throws NotFoundException when there is no such recruiter
	 */
	@Transactional(readOnly = true)
	public RecruiterView get(long id, CurrentUser user) {
		return views(List.of(load(id)), today(user)).get(0);
	}

	/** The profile of a user, if they have one. */
	@Transactional(readOnly = true)
	public java.util.Optional<RecruiterView> ofUser(long userId, CurrentUser user) {
		return recruiters.findByUserId(userId).map(r -> views(List.of(r), today(user)).get(0));
	}

	@Transactional(readOnly = true)
	public Editable<RecruiterForm> editable(long id, CurrentUser user) {
		Recruiter recruiter = load(id);
		return new Editable<>(id, recruiter.toForm(), recruiter.version());
	}

	/**
	 * Creates the profile of a recruiting user (recruiting managers, executives, admins).
	 * @throws org.springframework.security.access.AccessDeniedException for other roles
	 * @throws DuplicateException naming {@code userId} when the user has a profile
	 * already
	 * @throws InvalidInputException naming each wrong field
	 */
	@Transactional
	public RecruiterView create(RecruiterForm form, CurrentUser user) {
		StaffingRules.require(rules.canManageRecruiters(user),
				"Only recruiting managers, executives and admins manage recruiters");
		List<FieldError> errors = validation.violations(form);
		UserSummary person = checkUser(form.userId(), errors);
		StaffingValidation.throwIfAny(errors);
		recruiters.findByUserId(form.userId()).ifPresent(existing -> {
			throw new DuplicateException("userId", person.fullName() + " already has a recruiter profile",
					person.fullName(), "/api/v1/recruiters/" + existing.id());
		});
		Recruiter recruiter = recruiters.saveAndFlush(new Recruiter(form, user.username(), time.now()));
		audit.recordCreated(ENTITY, recruiter.id(), recruiter.auditState(), user);
		return get(recruiter.id(), user);
	}

	/**
	 * Changes a profile; a stale version is refused (someone else's change survives).
	 * @throws StaleVersionException when {@code expectedVersion} is not the current
	 * version
	 */
	@Transactional
	public RecruiterView update(long id, RecruiterForm form, long expectedVersion, CurrentUser user) {
		StaffingRules.require(rules.canManageRecruiters(user),
				"Only recruiting managers, executives and admins manage recruiters");
		Recruiter recruiter = load(id);
		if (recruiter.version() != expectedVersion) {
			throw new StaleVersionException("Recruiter", id, expectedVersion, recruiter.version());
		}
		List<FieldError> errors = validation.violations(form);
		if (form.userId() != null && form.userId() != recruiter.userId()) {
			StaffingValidation.add(errors, "userId", "cannot be changed; a profile stays with its user");
		}
		StaffingValidation.throwIfAny(errors);
		Map<String, Object> before = recruiter.auditState();
		recruiter.apply(form);
		List<FieldChange> changes = FieldChange.between(before, recruiter.auditState());
		if (!changes.isEmpty()) {
			recruiter.updated(user.username(), time.now());
			recruiters.saveAndFlush(recruiter);
			audit.recordChanges(ENTITY, id, changes, user);
		}
		return get(id, user);
	}

	/**
	 * Deletes a profile that no job or placement names; one with history is made inactive
	 * instead.
	 * @throws InvalidInputException on {@code active} when jobs or placements name the
	 * recruiter
	 */
	@Transactional
	public void delete(long id, CurrentUser user) {
		StaffingRules.require(rules.canManageRecruiters(user),
				"Only recruiting managers, executives and admins manage recruiters");
		Recruiter recruiter = load(id);
		long uses = jdbc
			.sql("""
					select (select count(*) from job where recruiter_id = :id) + (select count(*) from placement where recruiter_id = :id)""")
			.param("id", id)
			.query(Long.class)
			.single();
		if (uses > 0) {
			throw new InvalidInputException("active", "the recruiter has " + uses
					+ " jobs and placements on record; set active to false instead of deleting the profile");
		}
		String name = users.find(recruiter.userId()).map(UserSummary::fullName).orElse("user " + recruiter.userId());
		recruiters.delete(recruiter);
		audit.recordDeleted(ENTITY, id, "Recruiter " + name, user);
	}

	/** The names of recruiters by id, for read models of jobs and placements. */
	@Transactional(readOnly = true)
	Map<Long, String> names(Collection<Long> ids) {
		Map<Long, Long> userIds = new HashMap<>();
		// One by one: recruiters are few and usually in the persistence context already.
		ids.stream()
			.filter(Objects::nonNull)
			.distinct()
			.map(recruiters::findById)
			.forEach(found -> found.ifPresent(r -> userIds.put(r.id(), r.userId())));
		Map<Long, UserSummary> people = users.findAll(userIds.values());
		Map<Long, String> names = new HashMap<>();
		userIds.forEach((recruiterId, userId) -> {
			UserSummary person = people.get(userId);
			names.put(recruiterId, person == null ? "User " + userId : person.fullName());
		});
		return names;
	}

	Recruiter load(long id) {
		return recruiters.findById(id).orElseThrow(() -> new NotFoundException("Recruiter", id));
	}

	private UserSummary checkUser(Long userId, List<FieldError> errors) {
		if (userId == null) {
			return null;
		}
		UserSummary person = users.find(userId).orElse(null);
		if (person == null) {
			StaffingValidation.add(errors, "userId", "there is no user " + userId);
		}
		else if (person.role() != Role.RECRUITER && person.role() != Role.RECRUITING_MANAGER) {
			StaffingValidation.add(errors, "userId", person.fullName() + " is a " + person.role().label()
					+ "; only recruiters and recruiting managers have recruiter profiles");
		}
		return person;
	}

	private static boolean matches(RecruiterView r, String needle) {
		return r.name().toLowerCase(Locale.ROOT).contains(needle)
				|| r.username().toLowerCase(Locale.ROOT).contains(needle)
				|| r.specialties().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle))
				|| r.industries().stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(needle));
	}

	private LocalDate today(CurrentUser user) {
		return time.today(user.timeZone());
	}

	/**
	 * Read models with workload and record: one statement for the figures, one for the
	 * users.
	 */
	private List<RecruiterView> views(List<Recruiter> list, LocalDate today) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, long[]> figures = new HashMap<>();
		Map<Long, BigDecimal> timeToFill = new HashMap<>();
		// One pass over each table, grouped by recruiter, rather than four correlated
		// subqueries per recruiter: a ranking reads hundreds of recruiters at once.
		jdbc.sql(
				"""
						with jobs as (
						  select recruiter_id,
						         count(*) filter (where status = 'OPEN') as active_jobs,
						         avg(filled_on - opened_on) filter (where filled_on > :since and filled_on <= :today) as time_to_fill
						    from job where recruiter_id = any(:ids) group by recruiter_id
						), placed as (
						  select recruiter_id, count(*) as placements, count(*) filter (where falloff_date is not null) as falloffs
						    from placement
						   where recruiter_id = any(:ids) and start_date > :since and start_date <= :today
						   group by recruiter_id
						)
						select r.id, coalesce(j.active_jobs, 0) as active_jobs, coalesce(p.placements, 0) as placements,
						       coalesce(p.falloffs, 0) as falloffs, j.time_to_fill
						  from unnest(:ids) as r(id)
						  left join jobs j on j.recruiter_id = r.id
						  left join placed p on p.recruiter_id = r.id""")
			.param("ids", new SqlArrayValue("bigint", list.stream().map(Recruiter::id).toArray()))
			.param("since", today.minusDays(RECORD_DAYS))
			.param("today", today)
			.query(rs -> {
				figures.put(rs.getLong("id"),
						new long[] { rs.getLong("active_jobs"), rs.getLong("placements"), rs.getLong("falloffs") });
				BigDecimal ttf = rs.getBigDecimal("time_to_fill");
				if (ttf != null) {
					timeToFill.put(rs.getLong("id"), ttf.setScale(1, RoundingMode.HALF_UP));
				}
			});
		Map<Long, UserSummary> people = users.findAll(list.stream().map(Recruiter::userId).toList());
		List<RecruiterView> views = new ArrayList<>();
		for (Recruiter r : list) {
			long[] f = figures.getOrDefault(r.id(), new long[3]);
			UserSummary person = people.get(r.userId());
			int active = (int) f[0];
			int placements = (int) f[1];
			int falloffs = (int) f[2];
			Integer success = placements == 0 ? null : (int) Math.round(100.0 * (placements - falloffs) / placements);
			views.add(new RecruiterView(r.id(), r.userId(), person == null ? null : person.username(),
					person == null ? "User " + r.userId() : person.fullName(), person == null ? null : person.title(),
					person == null ? null : person.role(), r.specialties(), r.industries(), r.maxActiveJobs(),
					r.active(), active, (int) Math.round(100.0 * active / r.maxActiveJobs()), placements, falloffs,
					success, timeToFill.get(r.id()), r.stamp()));
		}
		return views;
	}

}
