package io.intime.escalations;

import java.time.Duration;
import java.time.Instant;

/** How an SLA clock counts time: round the clock, or only in {@link BusinessHours}. */
interface SlaCounter {

	/** Round the clock: wall-clock time. */
	SlaCounter ROUND_THE_CLOCK = new SlaCounter() {
		@Override
		public Duration between(Instant from, Instant to) {
			return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
		}

		@Override
		public Instant plus(Instant from, Duration amount) {
			return amount.isNegative() ? from : from.plus(amount);
		}
	};

	/**
	 * The counted time from {@code from} to {@code to}, zero when {@code to} is earlier.
	 */
	Duration between(Instant from, Instant to);

	/**
	 * The instant at which {@code amount} of counted time has passed since {@code from}.
	 */
	Instant plus(Instant from, Duration amount);

}
