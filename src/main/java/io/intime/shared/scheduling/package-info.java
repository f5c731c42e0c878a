/**
 * The one scheduler for work that must run once across nodes: db-scheduler
 * ({@code com.github.kagkarlsson:db-scheduler}) on the application's PostgreSQL, table
 * {@code scheduled_tasks}. Never a private claim table, never {@code @Scheduled} for such
 * work.
 * <p>
 * A module registers a task by declaring it as a bean; the scheduler knows every
 * {@code Task} bean of the context: <pre>{@code
 * &#64;Bean
 * RecurringTask<Void> renewalReminders(Reminders reminders) {
 *     return Tasks.recurring("renewals.reminders", Schedules.cron("0 0 6 * * *", ZoneOffset.UTC))
 *             .onDeadExecution(new ReviveOnSchedulerClock<>())
 *             .execute((instance, context) -> reminders.sendDue());
 * }
 *
 * &#64;Bean
 * OneTimeTask<Long> slaBreach(SlaClocks clocks) {
 *     return Tasks.oneTime("escalations.sla-breach", Long.class)
 *             .onDeadExecution(new ReviveOnSchedulerClock<>())
 *             .execute((instance, context) -> clocks.breach(instance.getData()));
 * }
 * }</pre> and schedules one-time work through the {@code SchedulerClient} (the
 * {@code Scheduler} bean), e.g.
 * {@code scheduler.scheduleIfNotExists(slaBreach.instance("esc-42", 42L), dueAt)}; the
 * instance id makes it unique, so scheduling the same instance from two nodes stores it
 * once. Scheduling inside a transaction stores the execution with that transaction.
 * <ul>
 * <li>Recurring tasks are scheduled on start (once, whichever node starts first); an
 * execution that fell due while no node ran (a night missed) runs as soon as a node
 * starts.</li>
 * <li>Each due execution is picked by one node; while it runs, that node's heartbeats
 * keep it; when they stop (the node died), another node revives it after
 * {@code intime.scheduler.missed-heartbeats-limit} missed heartbeats, at the scheduler's
 * clock ({@link io.intime.shared.scheduling.ReviveOnSchedulerClock}, which every task
 * must declare; the scheduler refuses to start otherwise).</li>
 * <li>Task data is serialized with Java serialization: keep it to ids and small
 * records.</li>
 * <li>The scheduler's clock is the application's clock
 * ({@link io.intime.shared.Today}).</li>
 * </ul>
 * Task names are prefixed with the module (e.g. {@code health.nightly}).
 */
package io.intime.shared.scheduling;
