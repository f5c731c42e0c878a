package io.intime.staffing.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.staffing.PlacementForm;
import io.intime.staffing.PlacementStatus;
import io.intime.staffing.PlacementType;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the placement form posts; converted to the facade's {@link PlacementForm}.
 * {@code jobId} is chosen on a new placement only.
 */
public class PlacementFormData {

	private Long jobId;

	private String candidateName;

	private Long recruiterId;

	private PlacementType type;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endDate;

	private PlacementStatus status;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate falloffDate;

	private String notes;

	private long version;

	static PlacementFormData of(Long jobId, PlacementForm form, long version) {
		PlacementFormData data = new PlacementFormData();
		data.jobId = jobId;
		data.candidateName = form.candidateName();
		data.recruiterId = form.recruiterId();
		data.type = form.type();
		data.startDate = form.startDate();
		data.endDate = form.endDate();
		data.status = form.status();
		data.falloffDate = form.falloffDate();
		data.notes = form.notes();
		data.version = version;
		return data;
	}

	PlacementForm toForm() {
		return new PlacementForm(candidateName, recruiterId, type, startDate, endDate, status, falloffDate, notes);
	}

	Map<String, Object> comparable() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("candidateName", candidateName);
		values.put("recruiterId", recruiterId);
		values.put("type", type);
		values.put("startDate", startDate);
		values.put("endDate", endDate);
		values.put("status", status);
		values.put("falloffDate", falloffDate);
		values.put("notes", notes);
		return values;
	}

	public String getNotes() {
		return notes;
	}

	public void setNotes(String notes) {
		this.notes = notes;
	}

	public Long getJobId() {
		return jobId;
	}

	public void setJobId(Long jobId) {
		this.jobId = jobId;
	}

	public String getCandidateName() {
		return candidateName;
	}

	public void setCandidateName(String candidateName) {
		this.candidateName = candidateName;
	}

	public Long getRecruiterId() {
		return recruiterId;
	}

	public void setRecruiterId(Long recruiterId) {
		this.recruiterId = recruiterId;
	}

	public PlacementType getType() {
		return type;
	}

	public void setType(PlacementType type) {
		this.type = type;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public void setEndDate(LocalDate endDate) {
		this.endDate = endDate;
	}

	public PlacementStatus getStatus() {
		return status;
	}

	public void setStatus(PlacementStatus status) {
		this.status = status;
	}

	public LocalDate getFalloffDate() {
		return falloffDate;
	}

	public void setFalloffDate(LocalDate falloffDate) {
		this.falloffDate = falloffDate;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
