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
	}

	EscalationForm toForm() {
		return new EscalationForm(title, description, severity, status, raisedAt, resolvedAt);
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

}
