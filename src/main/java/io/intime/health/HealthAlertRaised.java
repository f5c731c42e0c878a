package io.intime.health;

import java.time.Instant;
import java.util.List;

import io.intime.shared.Actor;
import io.intime.shared.DomainEvent;

/**
 * A health alert was raised for an account: a rule started to hold. Raised by a
 * recompute, so the actor is the user whose change caused it or {@link Actor#SYSTEM}.
 *
 * @param rule the rule's name, e.g. {@code BAND_DROP}, {@code PAYMENT_OVERDUE}
 * @param severity {@code HIGH}, {@code MEDIUM} or {@code LOW}
 * @param recipientIds the users it is for: the account's owner and, for strategic
 * accounts, its sponsor
 */
public record HealthAlertRaised(long alertId, Long accountId, String rule, String severity, String reason,
		List<Long> recipientIds, Actor actor, Instant at) implements DomainEvent {
}
