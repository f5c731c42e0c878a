package io.intime.shared;

/**
 * A fact about an account changed: a job, placement, invoice, NPS response, activity,
 * escalation or opportunity was created, changed or removed. Modules that keep such facts
 * publish it (inside the transaction of the change) so that readers of the facts, such as
 * the health score, can update that one account.
 *
 * @param accountId the account the fact belongs to
 * @param fact what kind of fact changed, e.g. {@code job}, {@code invoice}, {@code nps_response}
 */
public record AccountFactChanged(long accountId, String fact) {
}
