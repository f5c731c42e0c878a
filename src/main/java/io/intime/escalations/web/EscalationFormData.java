package io.intime.escalations.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.escalations.EscalationCategory;
import io.intime.escalations.EscalationForm;
import io.intime.escalations.ResolutionCategory;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.Severity;
import io.intime.shared.FieldError;

/**
 * What the escalation form posts; the person enters times in their own time zone
 * ({@code 2026-03-04T10:00}).
 */
public class EscalationFormData {

	static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	private String title;

	private String description;

	private Severity severity;

	private EscalationStatus status;

	private String raisedAt;

	private String resolvedAt;

	private EscalationCategory category;

	private String impact;

	private Long contactId;

	private Long jobId;

	private Long placementId;

	private ResolutionCategory resolutionCategory;

	private String rootCause;

	private String reopenReason;

	private long version;

	static EscalationFormData blank(ZoneId zone, Instant now) {
		EscalationFormData data = new EscalationFormData();
		data.severity = Severity.P2;
		data.status = EscalationStatus.OPEN;
		data.raisedAt = LOCAL.format(LocalDateTime.ofInstant(now, zone).truncatedTo(ChronoUnit.MINUTES));
		return data;
	}

	static EscalationFormData of(EscalationForm form, long version, ZoneId zone) {
		EscalationFormData data = new EscalationFormData();
		data.title = form.title();
		data.description = form.description();
		data.severity = form.severity();
		data.status = form.status();
		data.raisedAt = form.raisedAt() == null ? null : LOCAL.format(LocalDateTime.ofInstant(form.raisedAt(), zone));
		data.resolvedAt = form.resolvedAt() == null ? null
				: LOCAL.format(LocalDateTime.ofInstant(form.resolvedAt(), zone));
		data.category = form.category();
		data.impact = form.impact();
		data.contactId = form.contactId();
		data.jobId = form.jobId();
		data.placementId = form.placementId();
		data.resolutionCategory = form.resolutionCategory();
		data.rootCause = form.rootCause();
		data.version = version;
		return data;
	}

	EscalationForm toForm(ZoneId zone) {
		return new EscalationForm(title, description, severity, status, instant(raisedAt, zone),
				status != null && status.ended() ? instant(resolvedAt, zone) : null, category, impact, contactId, jobId,
				placementId, resolutionCategory, rootCause);
	}

	/**
	 * Times the facade never sees because they cannot be read (a blank raised time means
	 * now).
	 */
	List<FieldError> parseErrors() {
		List<FieldError> errors = new ArrayList<>();
		if (raisedAt != null && !raisedAt.isBlank() && local(raisedAt) == null) {
			errors.add(new FieldError("raisedAt", "'" + raisedAt + "' is not a date and time (YYYY-MM-DD HH:MM)"));
		}
		if (resolvedAt != null && !resolvedAt.isBlank() && local(resolvedAt) == null) {
			errors.add(new FieldError("resolvedAt", "'" + resolvedAt + "' is not a date and time (YYYY-MM-DD HH:MM)"));
		}
		return errors;
	}

	private static Instant instant(String text, ZoneId zone) {
		LocalDateTime local = local(text);
		try {
			return local == null ? null : local.atZone(zone).toInstant();
		}
		catch (DateTimeException e) {
			return null;
		}
	}

	private static LocalDateTime local(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDateTime.parse(text.trim().replace(' ', 'T'));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	Map<String, String> comparable() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("Title", title);
		values.put("Severity", severity == null ? "" : severity.name() + " – " + severity.label());
		values.put("Status", status == null ? "" : status.label());
		values.put("Raised", raisedAt == null ? "" : raisedAt.replace('T', ' '));
		values.put("Resolved", resolvedAt == null ? "" : resolvedAt.replace('T', ' '));
		values.put("Description", description);
		values.put("Category", category == null ? "" : category.label());
		values.put("Impact", impact);
		values.put("Resolution", resolutionCategory == null ? "" : resolutionCategory.label());
		values.put("Root cause", rootCause);
		return values;
	}

	public EscalationCategory getCategory() {
		return category;
	}

	public void setCategory(EscalationCategory category) {
		this.category = category;
	}

	public String getImpact() {
		return impact;
	}

	public void setImpact(String impact) {
		this.impact = impact;
	}

	public Long getContactId() {
		return contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public Long getJobId() {
		return jobId;
	}

	public void setJobId(Long jobId) {
		this.jobId = jobId;
	}

	public Long getPlacementId() {
		return placementId;
	}

	public void setPlacementId(Long placementId) {
		this.placementId = placementId;
	}

	public ResolutionCategory getResolutionCategory() {
		return resolutionCategory;
	}

	public void setResolutionCategory(ResolutionCategory resolutionCategory) {
		this.resolutionCategory = resolutionCategory;
	}

	public String getRootCause() {
		return rootCause;
	}

	public void setRootCause(String rootCause) {
		this.rootCause = rootCause;
	}

	public String getReopenReason() {
		return reopenReason;
	}

	public void setReopenReason(String reopenReason) {
		this.reopenReason = reopenReason;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDescription() {
		return description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public Severity getSeverity() {
		return severity;
	}

	public void setSeverity(Severity severity) {
		this.severity = severity;
	}

	public EscalationStatus getStatus() {
		return status;
	}

	public void setStatus(EscalationStatus status) {
		this.status = status;
	}

	public String getRaisedAt() {
		return raisedAt;
	}

	public void setRaisedAt(String raisedAt) {
		this.raisedAt = raisedAt;
	}

	public String getResolvedAt() {
		return resolvedAt;
	}

	public void setResolvedAt(String resolvedAt) {
		this.resolvedAt = resolvedAt;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
