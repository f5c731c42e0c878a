package io.intime.qbr;

import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.shared.Today;

import org.springframework.stereotype.Service;

/**
 * The quarter's review of a QBR's account: the key metrics against their targets, the
 * year to date, placements by department and role type, success stories, challenges,
 * expansion opportunities and the health scorecard. This version names the review's
 * account and quarter only; the computation from the facts replaces it.
 */
@Service
public class QbrMetrics {

	private final Today time;

	QbrMetrics(Today time) {
		this.time = time;
	}

	/**
	 * The review the QBR presents, as the user may see it.
	 * @param qbr a QBR the user may read
	 */
	public QuarterReview review(QbrView qbr, CurrentUser user) {
		return new QuarterReview(qbr.accountId(), qbr.accountName(), null, qbr.quarter(), time.today(user.timeZone()),
				List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), null,
				List.of("metrics are computed by QbrMetrics"));
	}

}
