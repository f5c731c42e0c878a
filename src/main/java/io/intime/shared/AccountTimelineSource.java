package io.intime.shared;

import java.time.Instant;
import java.util.List;

/**
 * A module that contributes entries to account timelines publishes one of these as a bean.
 * The caller has already checked that the user may see the account.
 */
public interface AccountTimelineSource {

    /** The entries of one account from {@code since} (inclusive) until now, newest first, at most {@code limit}. */
    List<TimelineEntry> timeline(long accountId, Instant since, int limit);
}
