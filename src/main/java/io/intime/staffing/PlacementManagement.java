package io.intime.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.shared.Editable;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.FieldError;
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
 * Placements: candidates placed on jobs, their start and end, and their falloffs. Whoever
 * may change a job's account may record and change its placements
 * ({@link StaffingRules}). Every change is audited and publishes
 * {@link PlacementRecorded}, {@link PlacementUpdated} or {@link PlacementDeleted} (facts
 * of the account, {@link AccountFactChanged}) with the user as actor.
 */
@Service
public class PlacementManagement {

	static final String ENTITY = "placement";

	private final Placements placements;

	private final Jobs jobs;

	private final Recruiters recruiters;

	private final RecruiterManagement recruiterManagement;

	private final AccountManagement accounts;

	private final JobManagement jobManagement;

	private final StaffingRules rules;

	private final StaffingValidation validation;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	PlacementManagement(Placements placements, Jobs jobs, Recruiters recruiters,
			RecruiterManagement recruiterManagement, AccountManagement accounts, JobManagement jobManagement,
			StaffingRules rules, StaffingValidation validation, AuditTrail audit, ApplicationEventPublisher events,
			JdbcClient jdbc, Today time) {
		this.placements = placements;
		this.jobs = jobs;
		this.recruiters = recruiters;
		this.recruiterManagement = recruiterManagement;
		this.accounts = accounts;
		this.jobManagement = jobManagement;
		this.rules = rules;
		this.validation = validation;
		this.audit = audit;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * One page of the placements the user may see, latest start first, optionally of one
	 * account, one job and one status (each may be null).
	 */
	@Transactional(readOnly = true)
	public PageResult<PlacementView> search(Long accountId, Long jobId, PlacementStatus status, PageRequest page,
			CurrentUser user) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (accountId != null) {
			accounts.get(accountId, user);
			where.append(" and account_id = :account");
			params.put("account", accountId);
		}
		if (jobId != null) {
			Job job = jobManagement.load(jobId);
			accounts.get(job.accountId(), user);
			where.append(" and job_id = :job");
			params.put("job", jobId);
		}
		if (accountId == null && jobId == null && user.hasRole(Role.RECRUITER)) {
			where.append(" and account_id = any(:visible)");
			params.put("visible", new SqlArrayValue("bigint", jobManagement.visibleAccounts(user).toArray()));
		}
		if (status != null) {
			where.append(" and status = :status");
			params.put("status", status.name());
		}
		List<Long> ids = jdbc
			.sql("select id from placement" + where + " order by start_date desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = jdbc.sql("select count(*) from placement" + where).params(params).query(Long.class).single();
		List<Placement> found = new ArrayList<>(placements.findAllById(ids));
		found.sort(Comparator.comparing(p -> ids.indexOf(p.id())));
		return new PageResult<>(views(found, null), total, page.page(), page.size());
	}

	/** Every placement of one account, latest start first. */
	@Transactional(readOnly = true)
	public List<PlacementView> forAccount(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		return views(placements.findByAccount(accountId), account.name());
	}

	/**
	 * The active placements of these accounts that start between the two days
	 * (inclusive), by start date: upcoming starts for views across a portfolio. The
	 * caller passes accounts the user may see.
	 */
	@Transactional(readOnly = true)
	public List<PlacementView> startingBetween(java.util.Collection<Long> accountIds, java.time.LocalDate from,
			java.time.LocalDate to, CurrentUser user) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		List<Placement> found = placements.startingBetween(accountIds, from, to);
		return views(found, null);
	}

	/**
	 * The placements of these accounts that started between the two days (inclusive),
	 * latest first (at most 50), in one statement: for the console's recent client
	 * activity. Everyone who sees an account sees its placements.
	 */
	@Transactional(readOnly = true)
	public List<RecentPlacement> startedBetween(java.util.Collection<Long> accountIds, java.time.LocalDate from,
			java.time.LocalDate to) {
		if (accountIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("""
				select p.id, p.account_id, p.candidate_name, j.title, p.start_date
				  from placement p join job j on j.id = p.job_id
				 where p.account_id = any(:accounts) and p.start_date between :from and :to
				 order by p.start_date desc, p.id desc limit 50""")
			.param("accounts", new org.springframework.jdbc.support.SqlArrayValue("bigint", accountIds.toArray()))
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> new RecentPlacement(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getDate(5).toLocalDate()))
			.list();
	}

	@Transactional(readOnly = true)
	public PlacementView get(long id, CurrentUser user) {
		Placement placement = load(id);
		AccountDetails account = accounts.get(placement.accountId(), user);
		return views(List.of(placement), account.name()).get(0);
	}

	@Transactional(readOnly = true)
	public Editable<PlacementForm> editable(long id, CurrentUser user) {
		Placement placement = load(id);
		accounts.get(placement.accountId(), user);
		return new Editable<>(id, placement.toForm(), placement.version());
	}

	/**
	 * Records a placement on a job (not a cancelled one); without a recruiter it is the
	 * job's. Publishes {@link PlacementRecorded}.
	 * @throws NotFoundException when there is no such job
	 * @throws org.springframework.security.access.AccessDeniedException when the user may
	 * not change the job's account
	 * @throws io.intime.shared.InvalidInputException naming each wrong field
	 */
	@Transactional
	public PlacementView create(long jobId, PlacementForm form, CurrentUser user) {
		Job job = jobManagement.load(jobId);
		AccountDetails account = accounts.get(job.accountId(), user);
		StaffingRules.require(rules.access(account, user).edit(), "You may not record placements at " + account.name());
		List<FieldError> errors = validation.violations(form);
		if (job.status() == JobStatus.CANCELLED) {
			StaffingValidation.add(errors, "jobId",
					"the job " + job.title() + " is cancelled; reopen it before placing candidates");
		}
		PlacementForm complete = complete(form, null, errors);
		if (complete.recruiterId() == null) {
			complete = withRecruiter(complete, job.recruiterId());
		}
		checkRecruiter(complete.recruiterId(), errors);
		StaffingValidation.throwIfAny(errors);
		Placement placement = placements.saveAndFlush(new Placement(job, complete, user.username(), time.now()));
		audit.recordCreated(ENTITY, placement.id(), placement.auditState(), user);
		events.publishEvent(
				new PlacementRecorded(placement.accountId(), jobId, placement.id(), user.actor(), time.now()));
		String recruiterName = placement.recruiterId() == null ? null
				: recruiterManagement.names(List.of(placement.recruiterId())).get(placement.recruiterId());
		return placement.toView(job.title(), account.name(), recruiterName);
	}

	/**
	 * Changes a placement (e.g. records its falloff); a stale version is refused so that
	 * someone else's change survives. A placement stays on its job.
	 * @throws StaleVersionException when {@code expectedVersion} is not the current
	 * version
	 */
	@Transactional
	public PlacementView update(long id, PlacementForm form, long expectedVersion, CurrentUser user) {
		Placement placement = load(id);
		AccountDetails account = accounts.get(placement.accountId(), user);
		StaffingRules.require(rules.access(account, user).edit(), "You may not change placements at " + account.name());
		if (placement.version() != expectedVersion) {
			throw new StaleVersionException("Placement of " + placement.candidateName(), id, expectedVersion,
					placement.version());
		}
		List<FieldError> errors = validation.violations(form);
		PlacementForm complete = complete(form, placement, errors);
		if (!Objects.equals(complete.recruiterId(), placement.recruiterId())) {
			checkRecruiter(complete.recruiterId(), errors);
		}
		StaffingValidation.throwIfAny(errors);
		Map<String, Object> before = placement.auditState();
		placement.apply(complete);
		List<FieldChange> changes = FieldChange.between(before, placement.auditState());
		if (!changes.isEmpty()) {
			placement.updated(user.username(), time.now());
			placements.saveAndFlush(placement);
			audit.recordChanges(ENTITY, id, changes, user);
			events.publishEvent(new PlacementUpdated(placement.accountId(), id, changes, user.actor(), time.now()));
		}
		return views(List.of(placement), account.name()).get(0);
	}

	/**
	 * Deletes a placement recorded in error (executives, sales directors, admins, the
	 * account's recruiting manager); one that failed is kept and marked as a falloff
	 * instead.
	 */
	@Transactional
	public void delete(long id, CurrentUser user) {
		Placement placement = load(id);
		AccountDetails account = accounts.get(placement.accountId(), user);
		StaffingRules.require(rules.access(account, user).delete(),
				"Only executives, sales directors, admins and the account's recruiting manager delete placements");
		placements.delete(placement);
		placements.flush();
		audit.recordDeleted(ENTITY, id, placement.candidateName() + " at " + account.name(), user);
		events.publishEvent(new PlacementDeleted(placement.accountId(), id, user.actor(), time.now()));
	}

	Placement load(long id) {
		return placements.findById(id).orElseThrow(() -> new NotFoundException("Placement", id));
	}

	private static PlacementForm withRecruiter(PlacementForm form, Long recruiterId) {
		return new PlacementForm(form.candidateName(), recruiterId, form.type(), form.startDate(), form.endDate(),
				form.status(), form.falloffDate(), form.notes());
	}

	/**
	 * The form as it will be saved, adding to {@code errors} what is wrong: a falloff
	 * date exactly when the status is FALLOFF (one carried over from a previous falloff
	 * is cleared when the status changes), an end date for a COMPLETED placement, dates
	 * in order, none in the future but the start and end of a placement still to come.
	 */
	private PlacementForm complete(PlacementForm form, Placement previous, List<FieldError> errors) {
		LocalDate falloff = form.falloffDate();
		boolean fellOff = form.status() == PlacementStatus.FALLOFF;
		if (fellOff && falloff == null) {
			StaffingValidation.add(errors, "falloffDate", "is required when the placement fell off");
		}
		if (!fellOff && falloff != null) {
			boolean carried = previous != null && previous.status() == PlacementStatus.FALLOFF
					&& falloff.equals(previous.falloffDate());
			if (carried) {
				falloff = null;
			}
			else {
				StaffingValidation.add(errors, "falloffDate", "only a placement that fell off has a falloff date;"
						+ " set the status to Falloff or leave it empty");
			}
		}
		LocalDate latest = time.latestToday();
		if (form.status() == PlacementStatus.COMPLETED) {
			if (form.endDate() == null) {
				StaffingValidation.add(errors, "endDate", "is required when the placement is completed");
			}
			else {
				StaffingValidation.notInFuture(errors, "endDate", form.endDate(), latest);
			}
		}
		if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
			StaffingValidation.add(errors, "endDate", "must be on or after the start date (" + form.startDate() + ")");
		}
		if (falloff != null) {
			StaffingValidation.notInFuture(errors, "falloffDate", falloff, latest);
			if (form.startDate() != null && falloff.isBefore(form.startDate())) {
				StaffingValidation.add(errors, "falloffDate",
						"must be on or after the start date (" + form.startDate() + ")");
			}
		}
		return new PlacementForm(form.candidateName(), form.recruiterId(), form.type(), form.startDate(),
				form.endDate(), form.status(), falloff, form.notes());
	}

	private void checkRecruiter(Long recruiterId, List<FieldError> errors) {
		if (recruiterId != null && recruiters.findById(recruiterId).isEmpty()) {
			StaffingValidation.add(errors, "recruiterId", "there is no recruiter " + recruiterId);
		}
	}

	/**
	 * Read models: job titles, recruiters' names and (for several accounts) account names
	 * in one statement each.
	 */
	private List<PlacementView> views(List<Placement> list, String accountName) {
		if (list.isEmpty()) {
			return List.of();
		}
		Map<Long, String> titles = new HashMap<>();
		List<Long> jobIds = list.stream().map(Placement::jobId).distinct().toList();
		if (jobIds.size() == 1) {
			jobs.findById(jobIds.get(0)).ifPresent(j -> titles.put(j.id(), j.title()));
		}
		else {
			jobs.findAllById(jobIds).forEach(j -> titles.put(j.id(), j.title()));
		}
		Map<Long, String> recruiterNames = recruiterManagement
			.names(list.stream().map(Placement::recruiterId).filter(Objects::nonNull).toList());
		Map<Long, String> accountNames = new HashMap<>();
		if (accountName == null) {
			accounts.stewards(list.stream().map(Placement::accountId).distinct().toList())
				.forEach((id, stewards) -> accountNames.put(id, stewards.name()));
		}
		return list.stream()
			.map(p -> p.toView(titles.get(p.jobId()),
					accountName != null ? accountName : accountNames.get(p.accountId()),
					p.recruiterId() == null ? null : recruiterNames.get(p.recruiterId())))
			.toList();
	}

}
