package io.intime.health.scoring;

import java.time.LocalDate;

import io.intime.billing.PaymentFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.IssueFacts;
import io.intime.revenue.PipelineFacts;
import io.intime.staffing.HiringFacts;

/**
 * Everything the health model reads about one account as of one day. A null part means
 * the account has no such records (no job or placement, no invoice, …) by that day.
 */
public record AccountFacts(long accountId, LocalDate asOf, HiringFacts hiring, PaymentFacts payment, NpsFacts nps,
		ExecutiveFacts executive, PipelineFacts pipeline, IssueFacts issues) {

	/** An account with no facts at all. */
	public static AccountFacts none(long accountId, LocalDate asOf) {
		return new AccountFacts(accountId, asOf, null, null, null, null, null, null);
	}
}
