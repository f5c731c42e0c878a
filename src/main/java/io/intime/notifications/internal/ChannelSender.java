package io.intime.notifications.internal;

import io.intime.notifications.Channel;

/**
 * Sends deliveries of one outside channel (email, chat, SMS). The delivery worker calls
 * it after claiming a due delivery, outside any transaction; an exception is a failed
 * attempt that is retried with back-off.
 */
interface ChannelSender {

	Channel channel();

	/** Whether the channel is configured (a chat webhook or SMS provider URL is set). */
	boolean configured();

	/**
	 * Whether this message has somewhere to go on this channel (SMS: the recipient has a
	 * phone number; chat: the recipient or the organization has a webhook). The worker
	 * marks a delivery it cannot reach SKIPPED instead of attempting it.
	 */
	default boolean canReach(OutgoingMessage message) {
		return true;
	}

	/**
	 * Sends the message.
	 * @throws DeliveryException when the receiving side refused it or could not be
	 * reached; its message is recorded with the attempt
	 */
	void send(OutgoingMessage message) throws DeliveryException;

	/**
	 * A connection for the messages of one batch, which the worker closes after it. The
	 * default sends each message on its own; email keeps one SMTP connection, so that the
	 * worker records a message sent as soon as the server accepted it (not after the
	 * connection's close) and pays the connection's set-up once per batch.
	 */
	default Connection connect() {
		return this::send;
	}

	/** Several sends in a row, closed after the last. */
	@FunctionalInterface
	interface Connection extends AutoCloseable {

		/** As {@link ChannelSender#send}. */
		void send(OutgoingMessage message) throws DeliveryException;

		/** Ends the connection; never throws. */
		@Override
		default void close() {
		}

	}

}
