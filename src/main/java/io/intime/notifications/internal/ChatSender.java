package io.intime.notifications.internal;

import java.util.List;
import java.util.Map;

import io.intime.notifications.Channel;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/**
 * Sends chat deliveries to a Slack-compatible incoming webhook: the recipient's own, else
 * the organization's ({@code intime.notifications.chat.webhook-url}). The message has a
 * plain {@code text} (what notifications and clients without blocks show) and a section
 * per notice: its title in bold, its severity, its body and a button to the record.
 */
@Component
class ChatSender implements ChannelSender {

	/**
	 * Sent with each post so that a receiver (or a proxy in front of it) can drop a
	 * repeat.
	 */
	static final String KEY_HEADER = "X-InTime-Delivery-Key";

	/** Slack allows 50 blocks a message and 3,000 characters a section. */
	private static final int MAX_SECTIONS = 48;

	private static final int MAX_SECTION_TEXT = 3000;

	private final NotificationChannelsProperties.Chat chat;

	private final ProviderHttp http;

	private final JsonMapper json = JsonMapper.builder().build();

	ChatSender(NotificationChannelsProperties properties) {
		this.chat = properties.chat();
		this.http = new ProviderHttp(properties.connectTimeout(), properties.readTimeout());
	}

	@Override
	public Channel channel() {
		return Channel.CHAT;
	}

	@Override
	public boolean configured() {
		return chat.configured();
	}

	@Override
	public boolean canReach(OutgoingMessage message) {
		return webhook(message) != null;
	}

	@Override
	public void send(OutgoingMessage message) throws DeliveryException {
		String webhook = webhook(message);
		if (webhook == null) {
			throw new DeliveryException("No chat webhook: neither the recipient's own nor the organization's is set");
		}
		http.post(webhook, "application/json; charset=utf-8", payload(message),
				message.key() == null ? Map.of() : Map.of(KEY_HEADER, message.key()));
	}

	private String webhook(OutgoingMessage message) {
		if (message.chatWebhook() != null && !message.chatWebhook().isBlank()) {
			return message.chatWebhook();
		}
		return chat.configured() ? chat.webhookUrl() : null;
	}

	/** The webhook's JSON: {@code {"text": …, "blocks": [section…]}}. */
	String payload(OutgoingMessage message) {
		ObjectNode root = json.createObjectNode();
		String text = message.subject() + (message.link() == null ? "" : " " + message.link());
		root.put("text", text);
		ArrayNode blocks = root.putArray("blocks");
		List<OutgoingMessage.Item> items = message.items() == null || message.items().isEmpty()
				? List.of(new OutgoingMessage.Item(null, null, message.subject(), message.text(), message.link()))
				: message.items();
		if (items.size() > 1) {
			ObjectNode header = blocks.addObject();
			header.put("type", "header");
			ObjectNode headerText = header.putObject("text");
			headerText.put("type", "plain_text");
			headerText.put("text", truncate(message.subject(), 150));
		}
		for (OutgoingMessage.Item item : items.subList(0, Math.min(items.size(), MAX_SECTIONS))) {
			blocks.add(section(item));
		}
		if (items.size() > MAX_SECTIONS) {
			ObjectNode context = blocks.addObject();
			context.put("type", "context");
			ObjectNode more = context.putArray("elements").addObject();
			more.put("type", "mrkdwn");
			more.put("text", "and " + (items.size() - MAX_SECTIONS) + " more in InTime");
		}
		return json.writeValueAsString(root);
	}

	private ObjectNode section(OutgoingMessage.Item item) {
		ObjectNode section = json.createObjectNode();
		section.put("type", "section");
		StringBuilder text = new StringBuilder("*").append(escape(item.title())).append('*');
		if (item.severity() != null) {
			text.append("  `").append(item.severity()).append('`');
		}
		if (item.body() != null && !item.body().isBlank()) {
			text.append('\n').append(escape(item.body().strip()));
		}
		ObjectNode sectionText = section.putObject("text");
		sectionText.put("type", "mrkdwn");
		sectionText.put("text", truncate(text.toString(), MAX_SECTION_TEXT));
		if (item.link() != null && !item.link().isBlank()) {
			ObjectNode button = section.putObject("accessory");
			button.put("type", "button");
			ObjectNode label = button.putObject("text");
			label.put("type", "plain_text");
			label.put("text", "Open in InTime");
			button.put("url", item.link());
		}
		return section;
	}

	/** Slack's mrkdwn reads {@code & < >} as markup; a title must not become a link. */
	private static String escape(String text) {
		return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	private static String truncate(String text, int max) {
		return text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
