package io.intime.shared;

import java.time.Instant;

/**
 * A business fact, published by the module it belongs to through Spring's
 * {@code ApplicationEventPublisher} as a past-tense record ({@code InvoicePaid},
 * {@code HealthBandChanged}): what happened and to what are its type and fields, who
 * caused it is {@link #actor()}, when is {@link #at()}. Listeners match on the record
 * type (or on one of these interfaces), never on a name.
 */
public interface DomainEvent {

	/** Who caused the fact: a user or {@link Actor#SYSTEM}; never null. */
	Actor actor();

	/** When it happened. */
	Instant at();

}
