package io.intime.tasks;

import java.time.LocalDate;
import java.util.List;

import io.intime.identity.CurrentUser;

/**
 * A module that proposes priorities for someone's day (meetings to prepare, accounts to
 * call) publishes one of these as a bean; the plan for tomorrow lists its proposals
 * beside the tasks due, and confirming one makes it a task.
 */
public interface PlanSource {

	/**
	 * What this module proposes for the user's {@code day} (in their zone), as they may
	 * see it.
	 */
	List<PlanProposal> proposals(CurrentUser user, LocalDate day);

}
