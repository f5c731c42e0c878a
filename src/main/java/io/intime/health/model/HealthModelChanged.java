package io.intime.health.model;

import java.time.Instant;

import io.intime.shared.Actor;
import io.intime.shared.DomainEvent;

/**
 * An admin ({@code actor}) saved a new version of the health model; scores are recomputed
 * with it.
 */
public record HealthModelChanged(int version, Actor actor, Instant at) implements DomainEvent {
}
