package io.intime.notifications.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the chat and SMS senders deliver ({@code intime.notifications.*}, see README: Run
 * in production). The secrets ({@code sms.auth-token}, webhook URLs, which carry their
 * own secret) are never logged; {@link #toString()} leaves them out.
 *
 * @param chat the Slack-compatible incoming webhook
 * @param sms the Twilio-compatible SMS provider
 * @param connectTimeout how long a sender waits to connect to the provider
 * @param readTimeout how long a sender waits for the provider's answer
 */
@ConfigurationProperties("intime.notifications")
public record NotificationChannelsProperties(@DefaultValue Chat chat, @DefaultValue Sms sms,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {

	/**
	 * The organization's chat webhook.
	 *
	 * @param webhookUrl the incoming webhook that receives notices of recipients without
	 * their own; empty: chat is not configured
	 */
	public record Chat(String webhookUrl) {

		boolean configured() {
			return webhookUrl != null && !webhookUrl.isBlank();
		}

		@Override
		public String toString() {
			return "Chat[webhookUrl=" + (configured() ? "(set)" : "(not set)") + "]";
		}

	}

	/**
	 * The SMS provider, speaking Twilio's Messages API.
	 *
	 * @param url the API's base URL
	 * @param accountSid the account's SID (the user name of HTTP Basic)
	 * @param authToken the account's auth token (the password of HTTP Basic)
	 * @param from the sending number in E.164 or a messaging service SID
	 */
	public record Sms(@DefaultValue("https://api.twilio.com") String url, String accountSid, String authToken,
			String from) {

		boolean configured() {
			return set(accountSid) && set(authToken) && set(from);
		}

		private static boolean set(String value) {
			return value != null && !value.isBlank();
		}

		@Override
		public String toString() {
			return "Sms[url=" + url + ", accountSid=" + accountSid + ", authToken="
					+ (set(authToken) ? "(set)" : "(not set)") + ", from=" + from + "]";
		}

	}

}
