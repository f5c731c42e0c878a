package io.intime.health.model;

/** An admin saved a new version of the health model; scores are recomputed with it. */
public record HealthModelChanged(int version, String by) {
}
