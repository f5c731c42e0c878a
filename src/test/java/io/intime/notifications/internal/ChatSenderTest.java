package io.intime.notifications.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatSenderTest {

	private final RecordingServer server;

	ChatSenderTest() throws IOException {
		server = new RecordingServer();
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private static NotificationChannelsProperties properties(String orgWebhook) {
		return new NotificationChannelsProperties(new NotificationChannelsProperties.Chat(orgWebhook),
				new NotificationChannelsProperties.Sms("https://api.twilio.com", null, null, null),
				Duration.ofSeconds(2), Duration.ofMillis(500));
	}

	private static OutgoingMessage message(String ownWebhook) {
		return new OutgoingMessage("health.alert-raised/health_alert/7/42/raised:7/CHAT", "Michael Chen",
				"am@example.com", null, ownWebhook, "TechCorp: payment 45 days overdue",
				"Invoice 2026-118 is 45 days overdue.\n\nhttp://intime.test/accounts/3/health",
				"http://intime.test/accounts/3/health",
				List.of(new OutgoingMessage.Item("health.alert-raised", "HIGH", "TechCorp: payment 45 days overdue",
						"Invoice 2026-118 <EUR 12,000> is 45 days overdue & unpaid.",
						"http://intime.test/accounts/3/health")));
	}

	@Test
	void postsBlocksWithTitleSeverityBodyAndButtonToTheOrganizationsWebhook() throws Exception {
		ChatSender sender = new ChatSender(properties(server.url() + "/services/T000/B000/XXXX"));

		assertThat(sender.configured()).isTrue();
		assertThat(sender.canReach(message(null))).isTrue();
		sender.send(message(null));

		assertThat(server.requests).hasSize(1);
		RecordingServer.Request request = server.requests.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/services/T000/B000/XXXX");
		assertThat(request.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
		assertThat(request.header(ChatSender.KEY_HEADER))
			.isEqualTo("health.alert-raised/health_alert/7/42/raised:7/CHAT");
		JsonNode json = JsonMapper.builder().build().readTree(request.body());
		assertThat(json.get("text").asString())
			.isEqualTo("TechCorp: payment 45 days overdue http://intime.test/accounts/3/health");
		assertThat(json.get("blocks")).hasSize(1);
		JsonNode section = json.get("blocks").get(0);
		assertThat(section.get("type").asString()).isEqualTo("section");
		assertThat(section.get("text").get("type").asString()).isEqualTo("mrkdwn");
		assertThat(section.get("text").get("text").asString()).isEqualTo("*TechCorp: payment 45 days overdue*  `HIGH`\n"
				+ "Invoice 2026-118 &lt;EUR 12,000&gt; is 45 days overdue &amp; unpaid.");
		assertThat(section.get("accessory").get("type").asString()).isEqualTo("button");
		assertThat(section.get("accessory").get("text").get("text").asString()).isEqualTo("Open in InTime");
		assertThat(section.get("accessory").get("url").asString()).isEqualTo("http://intime.test/accounts/3/health");
	}

	@Test
	void postsToTheRecipientsOwnWebhookBeforeTheOrganizations() throws Exception {
		try (RecordingServer own = new RecordingServer()) {
			ChatSender sender = new ChatSender(properties(server.url() + "/org"));

			sender.send(message(own.url() + "/own/hook"));

			assertThat(server.requests).isEmpty();
			assertThat(own.requests).extracting(RecordingServer.Request::path).containsExactly("/own/hook");
		}
	}

	@Test
	void reachesOnlyRecipientsWithAWebhookWhenTheOrganizationHasNone() {
		ChatSender sender = new ChatSender(properties(""));

		assertThat(sender.configured()).isFalse();
		assertThat(sender.canReach(message(null))).isFalse();
		assertThat(sender.canReach(message(server.url() + "/own"))).isTrue();
	}

	@Test
	void aServerErrorIsAFailedAttemptWithTheStatusAndTheStartOfTheAnswer() {
		server.answering(500, "internal_error " + "x".repeat(400));
		ChatSender sender = new ChatSender(properties(server.url() + "/hook"));

		assertThatThrownBy(() -> sender.send(message(null))).isInstanceOf(DeliveryException.class)
			.hasMessageStartingWith("127.0.0.1 answered 500: internal_error ")
			.hasMessageNotContaining("x".repeat(200))
			.hasMessageNotContaining("/hook");
	}

	@Test
	void tooManyRequestsIsAFailedAttemptToRetry() {
		server.answering(429, "rate_limited");
		ChatSender sender = new ChatSender(properties(server.url() + "/hook"));

		assertThatThrownBy(() -> sender.send(message(null))).isInstanceOf(DeliveryException.class)
			.hasMessage("127.0.0.1 answered 429: rate_limited");
	}

	@Test
	void aRefusedConnectionIsAFailedAttempt() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ChatSender sender = new ChatSender(properties("http://127.0.0.1:" + closedPort + "/hook"));

		assertThatThrownBy(() -> sender.send(message(null))).isInstanceOf(DeliveryException.class)
			.hasMessageStartingWith("127.0.0.1 could not be reached");
	}

	@Test
	void aServerThatDoesNotAnswerInTimeIsAFailedAttempt() {
		server.after(Duration.ofSeconds(3));
		ChatSender sender = new ChatSender(properties(server.url() + "/hook"));

		long start = System.nanoTime();
		assertThatThrownBy(() -> sender.send(message(null))).isInstanceOf(DeliveryException.class)
			.hasMessage("127.0.0.1 did not answer within 500 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aDigestHasAHeaderAndASectionPerNotice() throws Exception {
		ChatSender sender = new ChatSender(properties(server.url() + "/hook"));
		OutgoingMessage digest = new OutgoingMessage("digest/42/2026-12-02/CHAT", "Michael Chen", "am@example.com",
				null, null, "Your daily digest: 2 notifications", "…", null,
				List.of(new OutgoingMessage.Item("task.due", "LOW", "Call Jane", "", "http://intime.test/tasks/1"),
						new OutgoingMessage.Item("task.due", "LOW", "Send deck", "Before Friday", null)));

		sender.send(digest);

		JsonNode blocks = JsonMapper.builder().build().readTree(server.requests.get(0).body()).get("blocks");
		assertThat(blocks).hasSize(3);
		assertThat(blocks.get(0).get("type").asString()).isEqualTo("header");
		assertThat(blocks.get(1).get("text").get("text").asString()).isEqualTo("*Call Jane*  `LOW`");
		assertThat(blocks.get(2).get("text").get("text").asString()).isEqualTo("*Send deck*  `LOW`\nBefore Friday");
		assertThat(blocks.get(2).has("accessory")).isFalse();
	}

}
