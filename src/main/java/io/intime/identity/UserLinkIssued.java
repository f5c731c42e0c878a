package io.intime.identity;

import java.time.Instant;

import io.intime.shared.Actor;

/**
 * An invitation or password-reset link was made for a user, published in the transaction
 * that made it so that it can be sent to them (the notifications module emails it). It
 * carries the link's secret, so it is a plain application event: never a
 * {@link io.intime.shared.DomainEvent}, never written to the event log, never logged.
 *
 * @param linkId the link's id: each link made is its own occasion to send
 * @param user the user the link is for
 * @param purpose what the link is for
 * @param link the full link with its token
 * @param path the link's path in the application ({@code /invite/…}), for a page that
 * puts its own base URL in front
 * @param expiresAt until when the link works
 * @param firmName the firm's name, or null when none was given
 * @param actor the admin who made it
 * @param actorName the admin's full name
 */
public record UserLinkIssued(long linkId, UserSummary user, UserAdministration.Purpose purpose, String link,
		String path, Instant expiresAt, String firmName, Actor actor, String actorName) {

	@Override
	public String toString() {
		return "UserLinkIssued[linkId=" + linkId + ", userId=" + user.id() + ", purpose=" + purpose + ", expiresAt="
				+ expiresAt + ", actor=" + actor + "]";
	}

}
