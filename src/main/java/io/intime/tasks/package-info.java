/**
 * Tasks: what someone has to do, by when, about which record, with a reminder through
 * notifications; recurring tasks (RFC 5545 rules over business days), the account's Tasks
 * tab and timeline, My tasks, the team view of sales directors and the plan for tomorrow.
 * Other modules create tasks through {@link io.intime.tasks.TaskManagement} (a call's
 * next actions, a follow-up in two business days) and add proposals to the plan for
 * tomorrow through {@link io.intime.tasks.PlanSource}. Publishes
 * {@link io.intime.tasks.TaskCreated} and {@link io.intime.tasks.TaskCompleted}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasks",
		allowedDependencies = { "accounts", "identity", "notifications", "shared", "shared::*" })
package io.intime.tasks;
