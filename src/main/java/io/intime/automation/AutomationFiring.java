package io.intime.automation;

import java.time.Instant;

/**
 * One firing of a rule: the occasion it fired for, once, and what it did.
 *
 * @param occasion what makes it distinct, e.g. {@code contract:42:2027-03-01}
 * @param accountId the account, null when it was removed
 * @param runId the run it started, null for an alert, a failure, or a run since removed
 * @param result what it did in words ("Started Annual Renewal #12")
 */
public record AutomationFiring(long id, long ruleId, String ruleName, String occasion, Long accountId,
		String accountName, Instant firedAt, Long runId, String result) {

	/** The run's page, or null when it started none. */
	public String runPath() {
		return runId == null ? null : "/workflows/runs/" + runId;
	}

}
