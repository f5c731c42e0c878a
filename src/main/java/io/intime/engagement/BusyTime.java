package io.intime.engagement;

import java.time.Instant;

/**
 * A span when someone of the firm is taken by a planned call or meeting: what free slots
 * are offered around.
 *
 * @param what the activity's subject, for the person's own eyes
 */
public record BusyTime(Instant start, Instant end, String what) {

	public boolean overlaps(Instant from, Instant to) {
		return start.isBefore(to) && end.isAfter(from);
	}

}
