package io.intime.staffing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A candidate placed on a job: a hire for the health score from its start date, unless it
 * fell off ({@code falloffDate}).
 */
@Entity
@Table(name = "placement")
class Placement extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "job_id")
	private long jobId;

	/** The job's account, kept here so that per-account facts need no join. */
	@Column(name = "account_id")
	private long accountId;

	@Column(name = "candidate_name")
	private String candidateName;

	@Column(name = "recruiter_id")
	private Long recruiterId;

	@Enumerated(EnumType.STRING)
	private PlacementType type;

	@Column(name = "start_date")
	private LocalDate startDate;

	@Column(name = "end_date")
	private LocalDate endDate;

	@Enumerated(EnumType.STRING)
	private PlacementStatus status;

	@Column(name = "falloff_date")
	private LocalDate falloffDate;

	private String notes;

	protected Placement() {
	}

	Placement(Job job, PlacementForm form, String actor, Instant at) {
		this.jobId = job.id();
		this.accountId = job.accountId();
		apply(form);
		created(actor, at);
	}

	void apply(PlacementForm form) {
		this.candidateName = form.candidateName().trim();
		this.recruiterId = form.recruiterId();
		this.type = form.type();
		this.startDate = form.startDate();
		this.endDate = form.endDate();
		this.status = form.status();
		this.falloffDate = form.falloffDate();
		this.notes = form.notes();
	}

	PlacementForm toForm() {
		return new PlacementForm(candidateName, recruiterId, type, startDate, endDate, status, falloffDate, notes);
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("jobId", jobId);
		state.put("accountId", accountId);
		state.put("candidateName", candidateName);
		state.put("recruiterId", recruiterId);
		state.put("type", type);
		state.put("startDate", startDate);
		state.put("endDate", endDate);
		state.put("status", status);
		state.put("falloffDate", falloffDate);
		state.put("notes", notes);
		return state;
	}

	PlacementView toView(String jobTitle, String accountName, String recruiterName) {
		return new PlacementView(id, jobId, jobTitle, accountId, accountName, candidateName, recruiterId, recruiterName,
				type, startDate, endDate, status, falloffDate, stamp());
	}

	Long id() {
		return id;
	}

	long jobId() {
		return jobId;
	}

	long accountId() {
		return accountId;
	}

	String candidateName() {
		return candidateName;
	}

	Long recruiterId() {
		return recruiterId;
	}

	PlacementStatus status() {
		return status;
	}

	LocalDate falloffDate() {
		return falloffDate;
	}

}
