package io.intime.staffing;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.PageRequest;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recruiters dedicated to an account for a while (spec 01 step 4): the assignment with
 * its dates and terms is kept, the recruiter joins the account's team, and
 * {@code recruiter.assigned} is recorded with the assignment's type and duration. A
 * success bonus waits (PENDING) until the reader of its condition settles it. Executives
 * and sales directors assign (they change account teams).
 */
@Service
public class RecruiterAssignments {

	static final String ENTITY = "recruiter_assignment";

	/** The assignment types of spec 01's "Assignment Type". */
	public static final List<String> TYPES = List.of("DEDICATED", "PRIMARY", "SUPPORT");

	private final JdbcClient jdbc;

	private final RecruiterManagement recruiters;

	private final AccountManagement accounts;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Today time;

	RecruiterAssignments(JdbcClient jdbc, RecruiterManagement recruiters, AccountManagement accounts, AuditTrail audit,
			ApplicationEventPublisher events, Today time) {
		this.jdbc = jdbc;
		this.recruiters = recruiters;
		this.accounts = accounts;
		this.audit = audit;
		this.events = events;
		this.time = time;
	}

	/**
	 * The terms of an assignment.
	 *
	 * @param ttfSlaDays the time-to-fill the recruiter commits to, or null
	 * @param bonus the success bonus, or null for none
	 * @param bonusHealthTarget the health score the account must reach within the
	 * assignment for the bonus
	 */
	public record Terms(String type, Integer durationDays, Integer ttfSlaDays, boolean dailyUpdates,
			boolean weeklyBriefings, Money bonus, Integer bonusHealthTarget) {
	}

	/** An assignment as pages show it. */
	public record Assignment(long id, long accountId, long recruiterId, long recruiterUserId, String recruiterName,
			String type, LocalDate startsOn, LocalDate endsOn, Integer ttfSlaDays, boolean dailyUpdates,
			boolean weeklyBriefings, Money bonus, Integer bonusHealthTarget, String bonusStatus,
			LocalDate bonusSettledOn, String assignedBy, Instant assignedAt) {

		public boolean current(LocalDate today) {
			return !startsOn.isAfter(today) && !endsOn.isBefore(today);
		}
	}

	/** An open job of a recruiter, for the proposal to redistribute their work. */
	public record OpenJob(long id, long accountId, String title) {
	}

	public static boolean mayAssign(CurrentUser user) {
		return user.hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR);
	}

	/**
	 * Dedicates the recruiter to the account.
	 * @throws InvalidInputException naming {@code recruiterId} ("Selected recruiter not
	 * available" when inactive or at capacity), {@code type}, {@code durationDays},
	 * {@code ttfSlaDays}, {@code bonus} or {@code bonusHealthTarget}
	 */
	@Transactional
	public Assignment assign(long accountId, long recruiterId, Terms terms, CurrentUser user) {
		if (!mayAssign(user)) {
			throw new AccessDeniedException("Only executives and sales directors assign dedicated recruiters");
		}
		AccountDetails account = accounts.get(accountId, user);
		List<FieldError> errors = new ArrayList<>();
		if (terms.type() == null || !TYPES.contains(terms.type())) {
			errors.add(new FieldError("type", "must be one of " + String.join(", ", TYPES)));
		}
		if (terms.durationDays() == null || terms.durationDays() < 7 || terms.durationDays() > 365) {
			errors.add(new FieldError("durationDays", "must be between 7 and 365 days"));
		}
		if (terms.ttfSlaDays() != null && (terms.ttfSlaDays() < 1 || terms.ttfSlaDays() > 180)) {
			errors.add(new FieldError("ttfSlaDays", "must be between 1 and 180 days"));
		}
		if (terms.bonus() != null && terms.bonus().amount().signum() <= 0) {
			errors.add(new FieldError("bonus", "must be more than zero, or left empty for no bonus"));
		}
		if (terms.bonus() != null && (terms.bonusHealthTarget() == null || terms.bonusHealthTarget() < 1
				|| terms.bonusHealthTarget() > 100)) {
			errors.add(new FieldError("bonusHealthTarget", "a bonus needs its health score to reach, 1 to 100"));
		}
		RecruiterView recruiter = recruiters.get(recruiterId, user);
		if (!recruiter.active() || recruiter.activeJobs() >= recruiter.maxActiveJobs()) {
			errors.add(new FieldError("recruiterId",
					"Selected recruiter not available: " + recruiter.name()
							+ (recruiter.active() ? " carries " + recruiter.activeJobs() + " of "
									+ recruiter.maxActiveJobs() + " jobs" : " is inactive")
							+ "; choose another recruiter"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		LocalDate today = time.organizationToday();
		LocalDate ends = today.plusDays(terms.durationDays() - 1L);
		Instant now = time.now();
		long id = jdbc
			.sql("""
					insert into recruiter_assignment (account_id, recruiter_id, assignment_type, starts_on, ends_on, ttf_sla_days,
					       daily_updates, weekly_briefings, bonus_amount, bonus_currency, bonus_health_target, bonus_status,
					       assigned_by, assigned_at)
					values (:a, :r, :type, :starts, :ends, :ttf, :daily, :weekly, :bonus, :currency, :target, :status, :by, :at)
					returning id""")
			.param("a", accountId)
			.param("r", recruiterId)
			.param("type", terms.type())
			.param("starts", today)
			.param("ends", ends)
			.param("ttf", terms.ttfSlaDays())
			.param("daily", terms.dailyUpdates())
			.param("weekly", terms.weeklyBriefings())
			.param("bonus", terms.bonus() == null ? null : terms.bonus().amount())
			.param("currency", terms.bonus() == null ? null : terms.bonus().currency())
			.param("target", terms.bonus() == null ? null : terms.bonusHealthTarget())
			.param("status", terms.bonus() == null ? null : "PENDING")
			.param("by", user.username())
			.param("at", Timestamp.from(now))
			.query(Long.class)
			.single();
		accounts.addTeamMember(accountId, recruiter.userId(), "Dedicated recruiter", user);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("account", account.name());
		state.put("recruiter", recruiter.name());
		state.put("type", terms.type());
		state.put("startsOn", today);
		state.put("endsOn", ends);
		state.put("ttfSlaDays", terms.ttfSlaDays());
		state.put("bonus", terms.bonus() == null ? null : terms.bonus().display());
		audit.recordCreated(ENTITY, id, state, user);
		events.publishEvent(new RecruiterAssigned(accountId, recruiterId,
				terms.type().toLowerCase(java.util.Locale.ROOT), terms.durationDays(), null, user.actor(), now));
		return forAccount(accountId).stream().filter(a -> a.id() == id).findFirst().orElseThrow();
	}

	/** The account's assignments, latest first. */
	@Transactional(readOnly = true)
	public List<Assignment> forAccount(long accountId) {
		return list("ra.account_id = :a", Map.of("a", accountId));
	}

	/** Assignments whose bonus is still pending, for the settling job. */
	@Transactional(readOnly = true)
	public List<Assignment> pendingBonuses() {
		return list("ra.bonus_status = 'PENDING'", Map.of());
	}

	/**
	 * Settles a pending bonus (audited as the system: null actor): EARNED when its
	 * condition was met, NOT_EARNED when the period ended without it. Once: a settled
	 * bonus stays as it is.
	 * @return whether this call settled it
	 */
	@Transactional
	public boolean settleBonus(long assignmentId, boolean earned, LocalDate on) {
		int changed = jdbc.sql("""
				update recruiter_assignment set bonus_status = :status, bonus_settled_on = :on
				 where id = :id and bonus_status = 'PENDING'""")
			.param("status", earned ? "EARNED" : "NOT_EARNED")
			.param("on", on)
			.param("id", assignmentId)
			.update();
		if (changed == 1) {
			audit.recordChanges(ENTITY, assignmentId,
					List.of(new FieldChange("bonusStatus", "PENDING", earned ? "EARNED" : "NOT_EARNED")), null);
		}
		return changed == 1;
	}

	/** The recruiter's open jobs at other accounts than this one. */
	@Transactional(readOnly = true)
	public List<OpenJob> openJobsElsewhere(long recruiterId, long accountId) {
		return jdbc.sql("""
				select id, account_id, title from job where recruiter_id = :r and status = 'OPEN' and account_id <> :a
				 order by opened_on, id""")
			.param("r", recruiterId)
			.param("a", accountId)
			.query((rs, n) -> new OpenJob(rs.getLong(1), rs.getLong(2), rs.getString(3)))
			.list();
	}

	/** Every active recruiter with their record, for the ranking. */
	@Transactional(readOnly = true)
	public List<RecruiterView> candidates(CurrentUser user) {
		return recruiters.search(null, null, new PageRequest(0, PageRequest.MAX_SIZE), user).items();
	}

	/**
	 * The accounts each recruiter placed someone at in the last six months, in one
	 * statement.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Set<Long>> placedAt(LocalDate today) {
		Map<Long, Set<Long>> placed = new HashMap<>();
		jdbc.sql("""
				select distinct recruiter_id, account_id from placement
				 where recruiter_id is not null and start_date > :since and start_date <= :today""")
			.param("since", today.minusDays(RecruiterManagement.RECORD_DAYS))
			.param("today", today)
			.query(rs -> {
				placed.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
			});
		return placed;
	}

	/**
	 * An account the recruiter works for: on its team, and the dedicated assignment there
	 * if any.
	 */
	public record RecruiterAccount(long accountId, String accountName, String teamRole, Assignment assignment) {
	}

	/** The accounts whose team the recruiter is on, by name, in two statements. */
	@Transactional(readOnly = true)
	public List<RecruiterAccount> accountsOf(long userId, long recruiterId) {
		Map<Long, Assignment> current = new HashMap<>();
		LocalDate today = time.organizationToday();
		list("ra.recruiter_id = :r and ra.ends_on >= :today", Map.of("r", recruiterId, "today", today))
			.forEach(a -> current.putIfAbsent(a.accountId(), a));
		return accounts.teamsOf(userId)
			.stream()
			.map(m -> new RecruiterAccount(m.accountId(), m.accountName(), m.teamRole(), current.get(m.accountId())))
			.toList();
	}

	private List<Assignment> list(String where, Map<String, Object> params) {
		return jdbc.sql("""
				select ra.*, r.user_id, u.full_name from recruiter_assignment ra
				  join recruiter r on r.id = ra.recruiter_id
				  left join app_user u on u.id = r.user_id
				 where """ + " " + where + " order by ra.assigned_at desc, ra.id desc")
			.params(params)
			.query((rs, n) -> {
				BigDecimal bonus = rs.getBigDecimal("bonus_amount");
				java.sql.Date settled = rs.getDate("bonus_settled_on");
				return new Assignment(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("recruiter_id"),
						rs.getLong("user_id"), rs.getString("full_name"), rs.getString("assignment_type"),
						rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
						(Integer) rs.getObject("ttf_sla_days"), rs.getBoolean("daily_updates"),
						rs.getBoolean("weekly_briefings"),
						bonus == null ? null : new Money(bonus, rs.getString("bonus_currency")),
						(Integer) rs.getObject("bonus_health_target"), rs.getString("bonus_status"),
						settled == null ? null : settled.toLocalDate(), rs.getString("assigned_by"),
						rs.getTimestamp("assigned_at").toInstant());
			})
			.list();
	}

}
