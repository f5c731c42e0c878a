package io.intime.escalations;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of an escalation. {@code raisedAt} defaults to now when null.
 * {@code resolvedAt} counts only for a RESOLVED or CLOSED escalation: when such an
 * escalation has none it becomes now, and reopening one clears it.
 *
 * @param category what it is about, or null
 * @param impact what it costs the client, or null
 * @param contactId the client contact who raised it, or null
 * @param jobId the affected job, or null
 * @param placementId the affected placement, or null
 * @param resolutionCategory how it was resolved: required to resolve or close it
 * @param rootCause why it happened, or null
 */
public record EscalationForm(@NotBlank @Size(max = 300) String title, @Size(max = 20000) String description,
		@NotNull(message = "is required: P0, P1, P2 or P3") Severity severity,
		@NotNull(message = "is required") EscalationStatus status, Instant raisedAt, Instant resolvedAt,
		EscalationCategory category, @Size(max = 5000) String impact, Long contactId, Long jobId, Long placementId,
		ResolutionCategory resolutionCategory, @Size(max = 5000) String rootCause) {

	/** The record's core fields only (the others empty). */
	public EscalationForm(String title, String description, Severity severity, EscalationStatus status,
			Instant raisedAt, Instant resolvedAt) {
		this(title, description, severity, status, raisedAt, resolvedAt, null, null, null, null, null, null, null);
	}

	/** The same form in another status, resolved at the instant (null: now). */
	public EscalationForm withStatus(EscalationStatus to, Instant resolved, ResolutionCategory resolution) {
		return moved(to, resolved, resolution, null);
	}

	/**
	 * The same form moved to a status (resolved at the instant, null: now), with the
	 * resolution and root cause given, or the form's own where none is given.
	 */
	public EscalationForm moved(EscalationStatus to, Instant resolved, ResolutionCategory resolution, String cause) {
		return new EscalationForm(title, description, severity, to, raisedAt, resolved, category, impact, contactId,
				jobId, placementId, resolution != null ? resolution : resolutionCategory,
				cause != null && !cause.isBlank() ? cause : rootCause);
	}

}
