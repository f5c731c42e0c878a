package io.intime.workflows.esign;

import java.time.Instant;
import java.util.Map;

/**
 * One action a person outside the firm took through a link, as the append-only log keeps
 * it.
 *
 * @param id its place in the log (ascending)
 * @param runId the run
 * @param stepId the step, or null
 * @param contactId the client contact, or null
 * @param person who acted, in words (name and email)
 * @param action what they did, e.g. {@code OPENED}, {@code SUBMITTED}, {@code SIGNED},
 * {@code DECLINED}
 * @param at when, to the microsecond
 * @param ip the IP address the request came from, or null
 * @param userAgent the browser's user agent, or null
 * @param detail what else belongs to the action (a document's SHA-256, a typed name, a
 * reason); never null
 * @param prevHash the hash of the row before it (64 zeros for the first)
 * @param hash the SHA-256 over this row's content and {@code prevHash}
 */
public record ExternalAction(long id, long runId, Long stepId, Long contactId, String person, String action, Instant at,
		String ip, String userAgent, Map<String, Object> detail, String prevHash, String hash) {
}
