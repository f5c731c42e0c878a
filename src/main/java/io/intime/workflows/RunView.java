package io.intime.workflows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as pages and the API show it: its steps in order and its timeline; amounts in its
 * steps are in the account's billing currency ({@code accountCurrency}).
 */
public record RunView(long id, long accountId, String accountName, String accountCurrency, long templateId,
		String templateName, int templateVersion, String title, RunStatus status, Long ownerId, String ownerName,
		Long contractId, Long qbrId, Long renewalId, Long invoiceId, Instant startedAt, Instant completedAt,
		String outcome, long version, List<StepView> steps, List<EventView> events) {

	/**
	 * A step of the run.
	 *
	 * @param assignee who must act (a user's or a contact's name), or null for an
	 * automated step
	 * @param client whether a client contact acts (through a link)
	 * @param data what the actor gave
	 */
	public record StepView(long id, String key, int position, String name, StepType type, StepStatus status,
			String assignee, Long assigneeUserId, Long assigneeContactId, boolean client, Instant activatedAt,
			Instant dueAt, Instant completedAt, String actedBy, Map<String, Object> data, int attempts, String error,
			long version) {

		public boolean overdue(Instant now) {
			return status == StepStatus.ACTIVE && dueAt != null && dueAt.isBefore(now);
		}

	}

	/** One line of the run's timeline. */
	public record EventView(long id, String stepKey, String kind, String actor, Instant at, String detail) {
	}

	public StepView step(String key) {
		return steps.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
	}

	/** How many steps are done (or skipped), for the progress bar. */
	public int finishedSteps() {
		return (int) steps.stream()
			.filter(s -> s.status() == StepStatus.DONE || s.status() == StepStatus.SKIPPED)
			.count();
	}

}
