package io.intime.workflows;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.Today;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import io.intime.tasks.TaskCompleted;
import io.intime.workflows.WorkflowEngine.RunRow;
import io.intime.workflows.WorkflowEngine.StepRow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps active steps moving: a day before a step is due its assignee is reminded (a
 * person of the firm by a notice, a client by a fresh link in an email), once it is past
 * due the run's owner is told, each once per activation. A To-Do finished from My tasks
 * finishes its step.
 */
@Component
@Transactional
class WorkflowReminders {

	private final JdbcClient jdbc;

	private final WorkflowEngine engine;

	private final Notifications notifications;

	private final Today time;

	private final Duration ahead;

	WorkflowReminders(JdbcClient jdbc, WorkflowEngine engine, Notifications notifications, Today time,
			@Value("${intime.workflows.remind-before:1d}") Duration ahead) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.notifications = notifications;
		this.time = time;
		this.ahead = ahead;
	}

	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> workflowRemindersJob(WorkflowReminders reminders,
				@Value("${intime.workflows.reminder-interval:5m}") Duration interval) {
			return Tasks.recurring("workflows.reminders", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> reminders.sendDue());
		}

	}

	/** Sends the reminders and overdue notices that are due; returns how many. */
	int sendDue() {
		Instant now = time.now();
		int sent = 0;
		List<Long> dueSoon = jdbc.sql("""
				select id from workflow_step where status = 'ACTIVE' and due_at is not null and due_at <= ?
				and reminded_at is null for update skip locked""")
			.param(Timestamp.from(now.plus(ahead)))
			.query(Long.class)
			.list();
		for (long stepId : dueSoon) {
			StepRow step = engine.loadStep(stepId);
			RunRow run = engine.loadRun(step.runId());
			jdbc.sql("update workflow_step set reminded_at = ? where id = ?")
				.params(Timestamp.from(now), stepId)
				.update();
			if (run.status() != RunStatus.ACTIVE) {
				continue;
			}
			StepDef def = engine.def(run, step);
			if (step.assigneeContactId() != null) {
				engine.revokeLinks(step.id(), "system");
				engine.sendLink(run, step, def, step.assigneeContactId(), true);
			}
			else if (step.assigneeUserId() != null) {
				notifications.send(new Notice(WorkflowNotices.STEP_DUE, run.accountId(), "workflow_step", step.id(),
						"due-" + step.version(), def.name() + " is due (" + run.title() + ")", def.instructions(),
						WorkflowEngine.stepPath(run.id(), step.key()), null, Set.of(step.assigneeUserId()), null));
				engine.event(run.id(), step.key(), "REMINDED", null, def.name() + ": reminder sent");
			}
			sent++;
		}
		List<Long> overdue = jdbc.sql("""
				select id from workflow_step where status = 'ACTIVE' and due_at is not null and due_at < ?
				and overdue_notified_at is null for update skip locked""")
			.param(Timestamp.from(now))
			.query(Long.class)
			.list();
		for (long stepId : overdue) {
			StepRow step = engine.loadStep(stepId);
			RunRow run = engine.loadRun(step.runId());
			jdbc.sql("update workflow_step set overdue_notified_at = ? where id = ?")
				.params(Timestamp.from(now), stepId)
				.update();
			if (run.status() != RunStatus.ACTIVE || run.ownerId() == null) {
				continue;
			}
			StepDef def = engine.def(run, step);
			notifications.send(new Notice(WorkflowNotices.STEP_OVERDUE, run.accountId(), "workflow_step", step.id(),
					"overdue-" + step.version(), run.title() + ": " + def.name() + " is overdue",
					"It was due " + step.dueAt() + ".", WorkflowEngine.stepPath(run.id(), step.key()), null,
					Set.of(run.ownerId()), null));
			engine.event(run.id(), step.key(), "OVERDUE", null, def.name() + ": overdue; the owner was told");
			sent++;
		}
		return sent;
	}

	/** A To-Do finished in My tasks finishes its step. */
	@ApplicationModuleListener
	void on(TaskCompleted event) {
		jdbc.sql("select id from workflow_step where task_id = ? and status = 'ACTIVE'")
			.param(event.taskId())
			.query(Long.class)
			.optional()
			.ifPresent(stepId -> {
				StepRow step = engine.loadStep(stepId);
				RunRow run = engine.loadRun(step.runId());
				StepDef def = engine.def(run, step);
				if (def.type() == StepType.TODO && run.status() == RunStatus.ACTIVE) {
					engine.complete(run, step, java.util.Map.of(), engine.asUserActor(event.assigneeId()), null,
							def.name() + ": done (from My tasks)");
				}
			});
	}

}
