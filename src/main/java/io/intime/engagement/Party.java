package io.intime.engagement;

/**
 * Someone who took part in an activity or answered a survey: a client contact (with their
 * title and stakeholder role) or one of the firm's users (with their title).
 *
 * @param role the contact's stakeholder role (e.g. EXECUTIVE), or the user's role; may be
 * null
 */
public record Party(long id, String name, String title, String role) {
}
