/**
 * Identity: users and their roles, sign-in (form, HTTP Basic, personal API tokens), the
 * field-level audit trail and the domain event log. Other modules reach it through
 * {@link io.intime.identity.UserDirectory}, {@link io.intime.identity.AuditTrail} and the
 * {@link io.intime.identity.CurrentUser} passed into their controllers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.intime.identity;
