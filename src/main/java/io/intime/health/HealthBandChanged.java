package io.intime.health;

import java.time.Instant;

import io.intime.accounts.HealthBand;
import io.intime.shared.Actor;
import io.intime.shared.DomainEvent;

/**
 * An account's health moved from one band to another (e.g. GREEN to YELLOW) in a
 * recompute. The actor is the user whose change caused the recompute (a fact they
 * changed, a recompute or model change they asked for), or {@link Actor#SYSTEM} for the
 * nightly run and for a recompute that covered changes of several people.
 *
 * @param score the new score, 0–100
 */
public record HealthBandChanged(Long accountId, HealthBand from, HealthBand to, int score, Actor actor,
		Instant at) implements DomainEvent {

	/** Whether the account's health got worse (GREEN to YELLOW or RED, YELLOW to RED). */
	public boolean dropped() {
		return to.ordinal() > from.ordinal();
	}
}
