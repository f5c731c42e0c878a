package io.intime.notifications.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.notifications.Channel;

import org.springframework.stereotype.Component;

/**
 * Sends SMS deliveries through Twilio's Messages API (or a provider speaking it): a
 * form-encoded POST of {@code To}, {@code From} and {@code Body} to
 * {@code {url}/2010-04-01/Accounts/{sid}/Messages.json}, with HTTP Basic
 * {@code sid:token} and Twilio's idempotency header carrying the delivery's key.
 */
@Component
class SmsSender implements ChannelSender {

	static final String KEY_HEADER = "I-Twilio-Idempotency-Token";

	/** Two SMS segments: longer bodies cost more and are cut by some carriers. */
	static final int MAX_BODY = 320;

	private final NotificationChannelsProperties.Sms sms;

	private final ProviderHttp http;

	SmsSender(NotificationChannelsProperties properties) {
		this.sms = properties.sms();
		this.http = new ProviderHttp(properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public Channel channel() {
		return Channel.SMS;
	}

	@Override
	public boolean configured() {
		return sms.configured();
	}

	/** A recipient without a phone number has nothing to receive an SMS on. */
	@Override
	public boolean canReach(OutgoingMessage message) {
		return message.phone() != null && !message.phone().isBlank();
	}

	@Override
	public void send(OutgoingMessage message) throws DeliveryException {
		if (!configured()) {
			throw new DeliveryException("SMS is not configured (intime.notifications.sms.*)");
		}
		if (!canReach(message)) {
			throw new DeliveryException("The recipient has no phone number");
		}
		Map<String, String> form = new LinkedHashMap<>();
		form.put("To", message.phone());
		form.put("From", sms.from());
		form.put("Body", body(message));
		String credentials = Base64.getEncoder()
			.encodeToString((sms.accountSid() + ":" + sms.authToken()).getBytes(StandardCharsets.UTF_8));
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Authorization", "Basic " + credentials);
		if (message.key() != null) {
			headers.put(KEY_HEADER, message.key());
		}
		http.post(messagesUrl(), "application/x-www-form-urlencoded; charset=utf-8", encode(form), headers);
	}

	String messagesUrl() {
		String base = sms.url().endsWith("/") ? sms.url().substring(0, sms.url().length() - 1) : sms.url();
		return base + "/2010-04-01/Accounts/" + URLEncoder.encode(sms.accountSid(), StandardCharsets.UTF_8)
				+ "/Messages.json";
	}

	/** The title and the link, the title cut so that the link always fits. */
	static String body(OutgoingMessage message) {
		String link = message.link() == null ? "" : " " + message.link();
		String title = message.subject() == null ? "" : message.subject().strip();
		int room = MAX_BODY - link.length();
		if (room < 1) {
			return truncate(title, MAX_BODY);
		}
		return truncate(title, room) + link;
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
