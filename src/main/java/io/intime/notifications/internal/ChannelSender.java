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

}
