package io.intime.executive;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.StrategicAccounts;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Escalate Further" (spec 01 flow A1, the client's CEO calls angry): the executive flags
 * the account critical and takes its sponsorship, an emergency task force of named people
 * each gets a task and a notice, and the follow-up call with the client is a task due
 * within 24 hours.
 */
@Service
public class TaskForces {

	private final StrategicAccounts strategic;

	private final AccountManagement accounts;

	private final TaskManagement tasks;

	private final Notifications notifications;

	private final UserDirectory users;

	private final Today time;

	TaskForces(StrategicAccounts strategic, AccountManagement accounts, TaskManagement tasks,
			Notifications notifications, UserDirectory users, Today time) {
		this.strategic = strategic;
		this.accounts = accounts;
		this.tasks = tasks;
		this.notifications = notifications;
		this.users = users;
		this.time = time;
	}

	/**
	 * @param memberIds the task force (internal users)
	 * @param followUpAt when the follow-up call with the client is due (within 24 hours)
	 */
	public record Escalation(String reason, List<Long> memberIds, Instant followUpAt) {

		public Escalation {
			memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
		}
	}

	/**
	 * @throws InvalidInputException naming {@code reason}, {@code memberIds} or
	 * {@code followUpAt}
	 */
	@Transactional
	public int escalate(long accountId, Escalation form, CurrentUser user) {
		if (!user.hasRole(Role.EXECUTIVE)) {
			throw new AccessDeniedException("Only executives escalate an account further");
		}
		AccountDetails account = accounts.get(accountId, user);
		List<FieldError> errors = new ArrayList<>();
		if (form.reason() == null || form.reason().isBlank()) {
			errors.add(new FieldError("reason", "is required: what happened"));
		}
		else if (form.reason().length() > 500) {
			errors.add(new FieldError("reason", "is at most 500 characters"));
		}
		Map<Long, UserSummary> members = users.findAll(form.memberIds());
		if (form.memberIds().isEmpty()) {
			errors.add(new FieldError("memberIds", "name at least one person for the task force"));
		}
		else if (members.size() != new LinkedHashSet<>(form.memberIds()).size()) {
			errors.add(new FieldError("memberIds", "names someone who is not a user"));
		}
		Instant now = time.now();
		if (form.followUpAt() == null) {
			errors.add(new FieldError("followUpAt", "is required"));
		}
		else if (form.followUpAt().isBefore(now) || form.followUpAt().isAfter(now.plus(Duration.ofHours(24)))) {
			errors.add(new FieldError("followUpAt", "must be within the next 24 hours"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		String reason = form.reason().strip();
		strategic.flagCritical(accountId, reason, user);
		List<TaskForm> forms = new ArrayList<>();
		ZonedDateTime follow = form.followUpAt().atZone(user.timeZone());
		forms.add(new TaskForm("Follow-up call with " + account.name(),
				"Flow A1: follow up with the client within 24 hours. " + reason, user.id(), accountId, "account",
				accountId, follow.toLocalDate(), follow.toLocalTime(), 30, TaskPriority.HIGH, null));
		for (UserSummary m : members.values()) {
			if (m.id() == user.id()) {
				continue;
			}
			ZonedDateTime due = now.plus(Duration.ofHours(24)).atZone(java.time.ZoneId.of(m.timeZone()));
			forms.add(new TaskForm("Task force: " + account.name(),
					reason + "\n\nYou are on the emergency task force; report to " + user.fullName()
							+ " within 24 hours.",
					m.id(), accountId, "account", accountId, due.toLocalDate(), null, 0, TaskPriority.HIGH, null));
		}
		tasks.createAll(forms, user);
		Set<Long> named = new LinkedHashSet<>(members.keySet());
		named.remove(user.id());
		if (!named.isEmpty()) {
			notifications.send(new Notice(ExecutiveNotificationKinds.TASK_FORCE, accountId, "account", accountId,
					"task-force-" + now.toEpochMilli(), account.name() + " flagged critical: you are on the task force",
					reason + "\n\n" + user.fullName()
							+ " owns the recovery as executive sponsor. Your task is in My tasks.",
					"/executive/strategic-accounts/" + accountId, NotificationSeverity.URGENT, named, user.actor()));
		}
		return forms.size();
	}

}
