package io.intime.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.shared.Editable;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs (requisitions) of client accounts: search, read, open, change (status, recruiter,
 * submissions …) and delete, under {@link StaffingRules}. Every change is written to the
 * audit trail and publishes {@link JobCreated}, {@link JobUpdated} or {@link JobDeleted}
 * (facts of the account, {@link AccountFactChanged}) in its transaction, with the user as
 * actor; assigning a recruiter publishes {@link RecruiterAssigned}
 * ({@code recruiter.assigned}).
 */
@Service
public class JobManagement {

	static final String ENTITY = "job";

	private final Jobs jobs;

	private final Recruiters recruiters;

	private final RecruiterManagement recruiterManagement;

	private final AccountManagement accounts;

	private final StaffingRules rules;

	private final StaffingValidation validation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	JobManagement(Jobs jobs, Recruiters recruiters, RecruiterManagement recruiterManagement, AccountManagement accounts,
			StaffingRules rules, StaffingValidation validation, AuditTrail audit, ApplicationEventPublisher events,
			JdbcClient jdbc, Today time) {
		this.jobs = jobs;
		this.recruiters = recruiters;
		this.recruiterManagement = recruiterManagement;
		this.accounts = accounts;
		this.rules = rules;
		this.validation = validation;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * One page of the jobs the user may see: open first, then on hold, then the latest
	 * closed. With {@code query.accountId()} the user must be allowed to see that
	 * account.
	 */
	@Transactional(readOnly = true)
	public PageResult<JobView> search(JobQuery query, PageRequest page, CurrentUser user) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (query.accountId() != null) {
			accounts.get(query.accountId(), user);
			where.append(" and account_id = :account");
			params.put("account", query.accountId());
		}
		else if (user.hasRole(Role.RECRUITER)) {
			where.append(" and account_id = any(:visible)");
			params.put("visible", new SqlArrayValue("bigint", visibleAccounts(user).toArray()));
		}
		if (query.status() != null) {
			where.append(" and status = :status");
			params.put("status", query.status().name());
		}
		if (query.recruiterId() != null) {
			where.append(" and recruiter_id = :recruiter");
			params.put("recruiter", query.recruiterId());
		}
		if (query.q() != null && !query.q().isBlank()) {
			where.append(" and (lower(title) like :q or lower(coalesce(department, '')) like :q)");
			params.put("q",
					"%" + query.q().trim().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
							+ "%");
		}
		List<Long> ids = jdbc.sql("select id from job" + where + " " + """
				order by case status when 'OPEN' then 0 when 'ON_HOLD' then 1 else 2 end,
				          coalesce(filled_on, cancelled_on, opened_on) desc, id desc limit :limit offset :offset""")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = jdbc.sql("select count(*) from job" + where).params(params).query(Long.class).single();
		List<Job> found = new ArrayList<>(jobs.findAllById(ids));
		found.sort(Comparator.comparing(j -> ids.indexOf(j.id())));
		return new PageResult<>(views(found, null, today(user)), total, page.page(), page.size());
	}

	/** Every job of one account: open and on hold first, then the latest closed. */
	@Transactional(readOnly = true)
	public List<JobView> forAccount(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		return views(jobs.findByAccount(accountId), account.name(), today(user));
	}

	/**
	 * The jobs of these accounts that are open now or were opened on or after the day
	 * (new needs), for views across a portfolio (the team sync prep). The caller passes
	 * accounts the user may see; each account's rules decide again.
	 */
	@Transactional(readOnly = true)
	public List<JobView> openOrOpenedSince(Collection<Long> accountIds, LocalDate since, CurrentUser user) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		List<Long> ids = jdbc.sql("""
				select id from job where account_id = any(:accounts) and (status = 'OPEN' or opened_on >= :since)
				order by account_id, opened_on desc, id""")
			.param("accounts", new SqlArrayValue("bigint", accountIds.toArray()))
			.param("since", since)
			.query(Long.class)
			.list();
		List<Job> found = new ArrayList<>(jobs.findAllById(ids));
		found.sort(Comparator.comparing(j -> ids.indexOf(j.id())));
		return views(found, null, today(user));
	}

	/**
	 * Whether the user, who may see the account, sees its jobs and placements (views of
	 * other modules that cite them ask this).
	 */
	public boolean canView(AccountDetails account, CurrentUser user) {
		return rules.canView(account, user);
	}

	/**
	 * What the user may do with the jobs and placements of the account (for pages to
	 * offer it).
	 */
	@Transactional(readOnly = true)
	public StaffingAccess access(long accountId, CurrentUser user) {
		return rules.access(accounts.get(accountId, user), user);
	}

	/**
	 * @throws NotFoundException when there is no such job
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not see its account
	 */
	@Transactional(readOnly = true)
	public JobView get(long id, CurrentUser user) {
		Job job = load(id);
		AccountDetails account = accounts.get(job.accountId(), user);
		return views(List.of(job), account.name(), today(user)).get(0);
	}

	@Transactional(readOnly = true)
	public Editable<JobForm> editable(long id, CurrentUser user) {
		Job job = load(id);
		accounts.get(job.accountId(), user);
		return new Editable<>(id, job.toForm(), job.version());
	}

	/**
	 * Opens a job at an account (or records one in any status, e.g. a filled one from
	 * history). Publishes {@link JobCreated}, and {@link RecruiterAssigned} when a
	 * recruiter is given.
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not add jobs there
	 * @throws InvalidInputException naming each wrong field
	 */
	@Transactional
	public JobView create(long accountId, JobForm form, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		StaffingRules.require(rules.access(account, user).edit(), "You may not add jobs to " + account.name());
		List<FieldError> errors = validation.violations(form);
		Money billRate = StaffingValidation.money(errors, "billRate", form.billRate());
		JobForm complete = complete(form, null, today(user), errors);
		checkRecruiter(complete, null, null, errors);
		StaffingValidation.throwIfAny(errors);
		Job job = jobs.saveAndFlush(new Job(accountId, complete, billRate, user.username(), time.now()));
		audit.recordCreated(ENTITY, job.id(), job.auditState(), user);
		if (job.recruiterId() != null) {
			events.publishEvent(new RecruiterAssigned(accountId, job.recruiterId(), "job", null, job.id(), user.actor(),
					time.now()));
		}
		events.publishEvent(new JobCreated(accountId, job.id(), user.actor(), time.now()));
		String recruiterName = job.recruiterId() == null ? null
				: nameOf(recruiters.findById(job.recruiterId()).orElseThrow());
		return job.toView(account.name(), recruiterName, 0, today(user));
	}

	/**
	 * Changes a job; a stale version is refused so that someone else's change survives.
	 * Changing the status to FILLED or CANCELLED without a date sets it to today; leaving
	 * FILLED or CANCELLED clears the date. Publishes as {@link #create} does.
	 * @throws StaleVersionException when {@code expectedVersion} is not the current
	 * version
	 */
	@Transactional
	public JobView update(long id, JobForm form, long expectedVersion, CurrentUser user) {
		Job job = load(id);
		AccountDetails account = accounts.get(job.accountId(), user);
		StaffingRules.require(rules.access(account, user).edit(), "You may not change jobs of " + account.name());
		if (job.version() != expectedVersion) {
			throw new StaleVersionException("Job " + job.title(), id, expectedVersion, job.version());
		}
		List<FieldError> errors = validation.violations(form);
		Money billRate = StaffingValidation.money(errors, "billRate", form.billRate());
		JobForm complete = complete(form, job, today(user), errors);
		checkRecruiter(complete, job.recruiterId(), job, errors);
		StaffingValidation.throwIfAny(errors);
		Long recruiterBefore = job.recruiterId();
		Map<String, Object> before = job.auditState();
		job.apply(complete, billRate);
		List<FieldChange> changes = FieldChange.between(before, job.auditState());
		if (!changes.isEmpty()) {
			job.updated(user.username(), time.now());
			jobs.saveAndFlush(job);
			audit.recordChanges(ENTITY, id, changes, user);
			if (job.recruiterId() != null && !job.recruiterId().equals(recruiterBefore)) {
				events.publishEvent(new RecruiterAssigned(job.accountId(), job.recruiterId(), "job", null, id,
						user.actor(), time.now()));
			}
			events.publishEvent(new JobUpdated(job.accountId(), id, changes, user.actor(), time.now()));
		}
		return views(List.of(job), account.name(), today(user)).get(0);
	}

	/**
	 * Records {@code count} more candidates submitted to the client for the job. Counts
	 * add up, so no version is needed: two recruiters submitting at once both count.
	 * @throws InvalidInputException on {@code count} unless it is 1 to 100
	 */
	@Transactional
	public JobView addSubmissions(long id, int count, CurrentUser user) {
		Job job = load(id);
		AccountDetails account = accounts.get(job.accountId(), user);
		StaffingRules.require(rules.access(account, user).edit(),
				"You may not record submissions at " + account.name());
		if (count < 1 || count > 100) {
			throw new InvalidInputException("count", "must be between 1 and 100");
		}
		Map<String, Object> before = job.auditState();
		job.addSubmissions(count);
		job.updated(user.username(), time.now());
		jobs.saveAndFlush(job);
		List<FieldChange> changes = FieldChange.between(before, job.auditState());
		audit.recordChanges(ENTITY, id, changes, user);
		events.publishEvent(new JobUpdated(job.accountId(), id, changes, user.actor(), time.now()));
		return views(List.of(job), account.name(), today(user)).get(0);
	}

	/**
	 * Deletes a job without placements (executives, sales directors, admins, the
	 * account's recruiting manager). A job with placements is part of the account's
	 * history: cancel it instead.
	 * @throws InvalidInputException on {@code status} when the job has placements
	 */
	@Transactional
	public void delete(long id, CurrentUser user) {
		Job job = load(id);
		AccountDetails account = accounts.get(job.accountId(), user);
		StaffingRules.require(rules.access(account, user).delete(),
				"Only executives, sales directors, admins and the account's recruiting manager delete jobs");
		int placements = placementCounts(List.of(id)).getOrDefault(id, 0);
		if (placements > 0) {
			throw new InvalidInputException("status", "the job has " + placements
					+ (placements == 1 ? " placement" : " placements") + "; cancel it instead of deleting it");
		}
		jobs.delete(job);
		jobs.flush();
		audit.recordDeleted(ENTITY, id, job.title() + " at " + account.name(), user);
		events.publishEvent(new JobDeleted(job.accountId(), id, user.actor(), time.now()));
	}

	Job load(long id) {
		return jobs.findById(id).orElseThrow(() -> new NotFoundException("Job", id));
	}

	LocalDate today(CurrentUser user) {
		return time.today(user.timeZone());
	}

	/**
	 * The latest "today" on Earth: a date after it is in the future wherever the user is.
	 */
	LocalDate latestToday() {
		return time.latestToday();
	}

	/**
	 * The form with the dates its status implies, adding to {@code errors} what is wrong:
	 * a fill date belongs to a FILLED job only, a cancel date to a CANCELLED one; a date
	 * carried over from the previous status is cleared, one given for the wrong status is
	 * an error.
	 */
	private JobForm complete(JobForm form, Job previous, LocalDate today, List<FieldError> errors) {
		if (form.status() == null) {
			return form;
		}
		LocalDate filledOn = closingDate(errors, "filledOn", form.filledOn(), form.status() == JobStatus.FILLED,
				previous != null && previous.status() == JobStatus.FILLED ? previous.filledOn() : null, today,
				"only a filled job has a fill date; set the status to Filled or leave it empty");
		LocalDate cancelledOn = closingDate(errors, "cancelledOn", form.cancelledOn(),
				form.status() == JobStatus.CANCELLED,
				previous != null && previous.status() == JobStatus.CANCELLED ? previous.cancelledOn() : null, today,
				"only a cancelled job has a cancel date; set the status to Cancelled or leave it empty");
		LocalDate latest = latestToday();
		StaffingValidation.notInFuture(errors, "openedOn", form.openedOn(), latest);
		StaffingValidation.notInFuture(errors, "filledOn", filledOn, latest);
		StaffingValidation.notInFuture(errors, "cancelledOn", cancelledOn, latest);
		if (form.openedOn() != null) {
			if (filledOn != null && filledOn.isBefore(form.openedOn())) {
				StaffingValidation.add(errors, "filledOn",
						"must be on or after the day the job opened (" + form.openedOn() + ")");
			}
			if (cancelledOn != null && cancelledOn.isBefore(form.openedOn())) {
				StaffingValidation.add(errors, "cancelledOn",
						"must be on or after the day the job opened (" + form.openedOn() + ")");
			}
		}
		return new JobForm(form.title(), form.department(), form.status(), form.priority(), form.openedOn(), filledOn,
				cancelledOn, form.billRate(), form.recruiterId(), form.submissions());
	}

	private static LocalDate closingDate(List<FieldError> errors, String field, LocalDate given, boolean belongs,
			LocalDate carried, LocalDate today, String wrongStatus) {
		if (belongs) {
			return given != null ? given : today;
		}
		if (given == null || given.equals(carried)) {
			return null;
		}
		StaffingValidation.add(errors, field, wrongStatus);
		return null;
	}

	/**
	 * A recruiter newly put on a job must exist, be active and, for an OPEN job, have
	 * room under their capacity (spec 01: "Selected recruiter not available").
	 */
	private void checkRecruiter(JobForm form, Long recruiterBefore, Job job, List<FieldError> errors) {
		if (form.recruiterId() == null) {
			return;
		}
		Recruiter recruiter = recruiters.findById(form.recruiterId()).orElse(null);
		if (recruiter == null) {
			StaffingValidation.add(errors, "recruiterId", "there is no recruiter " + form.recruiterId());
			return;
		}
		boolean newlyAssigned = !form.recruiterId().equals(recruiterBefore);
		if (newlyAssigned && !recruiter.active()) {
			StaffingValidation.add(errors, "recruiterId",
					nameOf(recruiter) + " is not available (inactive); choose another recruiter");
			return;
		}
		boolean countedBefore = job != null && job.status() == JobStatus.OPEN && !newlyAssigned;
		if (form.status() == JobStatus.OPEN && !countedBefore) {
			long open = jobs.countOpenOfRecruiterExcept(recruiter.id(), job == null ? -1 : job.id());
			if (open >= recruiter.maxActiveJobs()) {
				StaffingValidation.add(errors, "recruiterId", nameOf(recruiter) + " is not available: at capacity ("
						+ open + " of " + recruiter.maxActiveJobs() + " active jobs); choose another recruiter");
			}
		}
	}

	private String nameOf(Recruiter recruiter) {
		return recruiterManagement.names(List.of(recruiter.id())).get(recruiter.id());
	}

	/**
	 * Read models of jobs: recruiters' names, placement counts and (for several accounts)
	 * account names in one statement each.
	 */
	private List<JobView> views(List<Job> list, String accountName, LocalDate today) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, String> recruiterNames = recruiterManagement
			.names(list.stream().map(Job::recruiterId).filter(Objects::nonNull).toList());
		Map<Long, Integer> placementCounts = placementCounts(list.stream().map(Job::id).toList());
		Map<Long, String> accountNames = new HashMap<>();
		if (accountName == null) {
			accounts.stewards(list.stream().map(Job::accountId).distinct().toList())
				.forEach((id, stewards) -> accountNames.put(id, stewards.name()));
		}
		return list.stream()
			.map(j -> j.toView(accountName != null ? accountName : accountNames.get(j.accountId()),
					j.recruiterId() == null ? null : recruiterNames.get(j.recruiterId()),
					placementCounts.getOrDefault(j.id(), 0), today))
			.toList();
	}

	private Map<Long, Integer> placementCounts(Collection<Long> jobIds) {
		Map<Long, Integer> counts = new HashMap<>();
		jdbc.sql("select job_id, count(*) from placement where job_id = any(:ids) group by job_id")
			.param("ids", new SqlArrayValue("bigint", jobIds.toArray()))
			.query(rs -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	/** The accounts a recruiter may see (the teams they are on). */
	List<Long> visibleAccounts(CurrentUser user) {
		return accounts.exportable(user).stream().map(AccountSummary::id).toList();
	}

}
