package io.intime.health;

import java.time.Instant;

import io.intime.shared.Actor;
import io.intime.shared.DomainEvent;

/**
 * A health alert was cleared: its condition stopped holding in a recompute (resolution
 * {@code CLEARED}). The actor is the user whose change caused it or {@link Actor#SYSTEM}.
 *
 * @param rule the rule's name, e.g. {@code BAND_DROP}
 */
public record HealthAlertCleared(long alertId, Long accountId, String rule, Actor actor,
		Instant at) implements DomainEvent {
}
