package io.intime.workflows;

import java.util.Map;

import io.intime.identity.CurrentUser;

/**
 * What an Automated step (or a generated document) knows of its run.
 *
 * @param actingAs the run's owner, as whom the action changes records (tasks, emails)
 * @param stepData what every earlier step of the run gave, by step key (form values by
 * field key, a decision's {@code option}, an approval's {@code comment}, an action's
 * data)
 * @param roleUsers who plays each internal role, by role key
 * @param roleContacts who plays each client role (contact ids), by role key
 * @param attempt 1 for the first attempt
 */
public record ActionContext(long runId, long stepId, String stepKey, long accountId, Long contractId, Long qbrId,
		Long renewalId, Long invoiceId, CurrentUser actingAs, Map<String, Map<String, Object>> stepData,
		Map<String, Long> roleUsers, Map<String, Long> roleContacts, int attempt) {

	/** A value an earlier step gave, or null. */
	public Object value(String stepKey, String key) {
		Map<String, Object> data = stepData.get(stepKey);
		return data == null ? null : data.get(key);
	}

}
