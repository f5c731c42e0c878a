package io.intime.escalations;

import java.time.Instant;
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
 * A client's complaint or problem that needs the firm's attention, known by its key
 * (ESC-YYYY-NNNN, the year it was raised). Resolving or closing it stamps when; reopening
 * it clears that.
 */
@Entity
@Table(name = "escalation")
class Escalation extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "escalation_key")
	private String key;

	@Column(name = "account_id")
	private long accountId;

	private String title;

	private String description;

	@Enumerated(EnumType.STRING)
	private Severity severity;

	@Enumerated(EnumType.STRING)
	private EscalationStatus status;

	@Column(name = "raised_at")
	private Instant raisedAt;

	@Column(name = "resolved_at")
	private Instant resolvedAt;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "reporter_id")
	private Long reporterId;

	@Column(name = "contact_id")
	private Long contactId;

	@Column(name = "job_id")
	private Long jobId;

	@Column(name = "placement_id")
	private Long placementId;

	@Enumerated(EnumType.STRING)
	private EscalationCategory category;

	private String impact;

	@Enumerated(EnumType.STRING)
	@Column(name = "resolution_category")
	private ResolutionCategory resolutionCategory;

	@Column(name = "root_cause")
	private String rootCause;

	@Column(name = "post_mortem")
	private String postMortem;

	protected Escalation() {
	}

	Escalation(String key, long accountId, EscalationForm form, Instant now, String actor) {
		this.key = key;
		this.accountId = accountId;
		apply(form, now);
		created(actor, now);
	}

	void apply(EscalationForm form, Instant now) {
		this.title = form.title().trim();
		this.description = form.description() == null || form.description().isBlank() ? null
				: form.description().trim();
		this.severity = form.severity();
		this.raisedAt = form.raisedAt() != null ? form.raisedAt() : raisedAt != null ? raisedAt : now;
		this.status = form.status();
		if (status.ended()) {
			resolvedAt = form.resolvedAt() != null ? form.resolvedAt() : resolvedAt != null ? resolvedAt : now;
		}
		else {
			resolvedAt = null;
		}
		this.category = form.category();
		this.impact = blankIsNull(form.impact());
		this.contactId = form.contactId();
		this.jobId = form.jobId();
		this.placementId = form.placementId();
		this.resolutionCategory = form.resolutionCategory();
		this.rootCause = blankIsNull(form.rootCause());
	}

	private static String blankIsNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	void own(Long ownerId) {
		this.ownerId = ownerId;
	}

	void reportedBy(Long reporterId) {
		this.reporterId = reporterId;
	}

	void postMortem(String text) {
		this.postMortem = blankIsNull(text);
	}

	EscalationForm toForm() {
		return new EscalationForm(title, description, severity, status, raisedAt, resolvedAt, category, impact,
				contactId, jobId, placementId, resolutionCategory, rootCause);
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("key", key);
		state.put("accountId", accountId);
		state.put("title", title);
		state.put("description", description);
		state.put("severity", severity);
		state.put("status", status);
		state.put("raisedAt", raisedAt);
		state.put("resolvedAt", resolvedAt);
		state.put("ownerId", ownerId);
		state.put("category", category);
		state.put("impact", impact);
		state.put("contactId", contactId);
		state.put("jobId", jobId);
		state.put("placementId", placementId);
		state.put("resolutionCategory", resolutionCategory);
		state.put("rootCause", rootCause);
		state.put("postMortem", postMortem);
		return state;
	}

	Long id() {
		return id;
	}

	String key() {
		return key;
	}

	long accountId() {
		return accountId;
	}

	String title() {
		return title;
	}

	String description() {
		return description;
	}

	Severity severity() {
		return severity;
	}

	EscalationStatus status() {
		return status;
	}

	Instant raisedAt() {
		return raisedAt;
	}

	Instant resolvedAt() {
		return resolvedAt;
	}

	Long ownerId() {
		return ownerId;
	}

	Long reporterId() {
		return reporterId;
	}

	Long contactId() {
		return contactId;
	}

	Long jobId() {
		return jobId;
	}

	Long placementId() {
		return placementId;
	}

	EscalationCategory category() {
		return category;
	}

	String impact() {
		return impact;
	}

	ResolutionCategory resolutionCategory() {
		return resolutionCategory;
	}

	String rootCause() {
		return rootCause;
	}

	String postMortem() {
		return postMortem;
	}

}
