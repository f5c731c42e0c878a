package io.intime.engagement;

import java.util.Map;
import java.util.Set;

/**
 * How many activities of each type took place in a span, and on which accounts: the
 * counts of an account manager's day (the daily summary).
 *
 * @param byType every type, zero included, in the order of {@link ActivityType}
 * @param accountIds the accounts that had at least one
 */
public record ActivityTally(Map<ActivityType, Long> byType, Set<Long> accountIds) {

	public long total() {
		return byType.values().stream().mapToLong(Long::longValue).sum();
	}

	public long of(ActivityType type) {
		return byType.getOrDefault(type, 0L);
	}

}
