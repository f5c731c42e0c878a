package io.intime.escalations;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of an escalation. {@code raisedAt} defaults to now when null.
 * {@code resolvedAt} counts only for a RESOLVED or CLOSED escalation: when such an
 * escalation has none it becomes now, and reopening one clears it.
 */
public record EscalationForm(@NotBlank @Size(max = 300) String title, @Size(max = 20000) String description,
		@NotNull(message = "is required: P0, P1, P2 or P3") Severity severity,
		@NotNull(message = "is required") EscalationStatus status, Instant raisedAt, Instant resolvedAt) {
}
