package io.intime.accounts;

import java.time.Instant;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.shared.TimelineEntry;

/**
 * A module that contributes entries to account timelines publishes one of these as a
 * bean. The caller has already checked that the reader may see the account; each source
 * then asks its own module's rules what the reader may see of its records (no entries, or
 * entries without the figures the reader may not see), so that the timeline never shows
 * more than the module's own pages would.
 */
public interface AccountTimelineSource {

	/**
	 * The entries of one account from {@code since} (inclusive) until now, newest first,
	 * at most {@code limit}, as {@code reader} may see them.
	 * @param account the account, never null
	 * @param reader the user reading the timeline, never null
	 */
	List<TimelineEntry> timeline(AccountDetails account, CurrentUser reader, Instant since, int limit);

}
