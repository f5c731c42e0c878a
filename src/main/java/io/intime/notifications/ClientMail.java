package io.intime.notifications;

/**
 * The one way modules email clients' contacts. Call it inside the transaction of the
 * business change: the message is written with it (or not at all) and sent after it
 * commits by the notifications module's mail channel, retried until the mail server takes
 * it; what was sent is on the admins' Sent mail page.
 */
public interface ClientMail {

	/**
	 * Queues the email.
	 * @return its Message-ID, for threading the replies
	 */
	String send(ClientEmail email);

}
