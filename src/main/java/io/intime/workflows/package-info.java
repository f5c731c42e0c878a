/**
 * Workflows: templates that are data (roles and ordered steps of eight types: Form, File
 * Request, To-Do, Approval, Decision, Acknowledgement, E-Sign, Automated), runs of a
 * template on an account with every step's state, advanced on the scheduler so that they
 * survive restarts; client stakeholders act through signed, single-purpose links; files
 * are kept outside the database with their SHA-256; e-signatures are PDF digital
 * signatures made with the organization's key. Other modules add automated steps by
 * declaring {@link io.intime.workflows.WorkflowAction} beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflows",
		allowedDependencies = { "accounts", "identity", "tasks", "notifications", "shared", "shared::*" })
package io.intime.workflows;
