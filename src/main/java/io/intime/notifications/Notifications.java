package io.intime.notifications;

import java.util.List;

/**
 * The one way modules notify people. Call it inside the transaction of the business
 * change that caused the notices: they are written with it (or not at all, when it rolls
 * back) and delivered after it commits.
 */
public interface Notifications {

	/**
	 * Writes the notice for each recipient who may see its record and queues its
	 * deliveries; a notice whose key (kind, record, recipient, occasion) was sent before
	 * is not sent again.
	 * @return how many recipients it was written for (0 when all had it already)
	 * @throws IllegalArgumentException for a kind no module declared
	 */
	int send(Notice notice);

	/** {@link #send} for many notices in a few statements. */
	int sendAll(List<Notice> notices);

}
