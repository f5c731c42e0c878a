package io.intime.notifications.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsSenderTest {

	private final RecordingServer server;

	SmsSenderTest() throws IOException {
		server = new RecordingServer().answering(201, "{\"sid\": \"SM123\", \"status\": \"queued\"}");
	}

	@AfterEach
	void stop() {
		server.close();
	}

	private static NotificationChannelsProperties properties(String url, String sid, String token, String from) {
		return new NotificationChannelsProperties(new NotificationChannelsProperties.Chat(null),
				new NotificationChannelsProperties.Sms(url, sid, token, from), Duration.ofSeconds(2),
				Duration.ofMillis(500));
	}

	private SmsSender sender() {
		return new SmsSender(properties(server.url(), "AC0123456789", "s3cret-token", "+15005550006"));
	}

	private static OutgoingMessage message(String phone, String subject) {
		return new OutgoingMessage("escalation.raised/escalation/9/42/raised/SMS", "Michael Chen", "am@example.com",
				phone, null, subject, "body", "http://intime.test/accounts/3/health",
				List.of(new OutgoingMessage.Item("escalation.raised", "URGENT", subject, "body",
						"http://intime.test/accounts/3/health")));
	}

	@Test
	void postsTwilioMessagesFormWithBasicAuthAndIdempotencyToken() throws Exception {
		SmsSender sender = sender();

		assertThat(sender.configured()).isTrue();
		sender.send(message("+14155550123", "TechCorp: P1 escalation raised"));

		assertThat(server.requests).hasSize(1);
		RecordingServer.Request request = server.requests.get(0);
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/AC0123456789/Messages.json");
		assertThat(request.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded; charset=utf-8");
		assertThat(request.header("Authorization"))
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString("AC0123456789:s3cret-token".getBytes()));
		assertThat(request.header("I-Twilio-Idempotency-Token"))
			.isEqualTo("escalation.raised/escalation/9/42/raised/SMS");
		assertThat(request.body()).isEqualTo("To=%2B14155550123&From=%2B15005550006"
				+ "&Body=TechCorp%3A+P1+escalation+raised+http%3A%2F%2Fintime.test%2Faccounts%2F3%2Fhealth");
	}

	@Test
	void aLongTitleIsCutSoThatTheLinkFits() {
		String body = SmsSender.body(message("+14155550123", "T".repeat(500)));

		assertThat(body).hasSize(SmsSender.MAX_BODY).endsWith("… http://intime.test/accounts/3/health");
	}

	@Test
	void isConfiguredOnlyWithSidTokenAndFrom() {
		assertThat(new SmsSender(properties(server.url(), "AC1", "token", null)).configured()).isFalse();
		assertThat(new SmsSender(properties(server.url(), "AC1", "", "+15005550006")).configured()).isFalse();
		assertThat(new SmsSender(properties(server.url(), null, "token", "+15005550006")).configured()).isFalse();
	}

	@Test
	void aRecipientWithoutPhoneIsNothingToSend() {
		SmsSender sender = sender();

		assertThat(sender.canReach(message(null, "Title"))).isFalse();
		assertThat(sender.canReach(message(" ", "Title"))).isFalse();
		assertThat(sender.canReach(message("+14155550123", "Title"))).isTrue();
	}

	@Test
	void aRefusalIsAFailedAttemptWithTheStatusAndNoSecret() {
		server.answering(400, "{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\"}");

		assertThatThrownBy(() -> sender().send(message("+1", "Title"))).isInstanceOf(DeliveryException.class)
			.hasMessageStartingWith("127.0.0.1 answered 400: {\"code\": 21211")
			.hasMessageNotContaining("s3cret-token");
	}

	@Test
	void aServerErrorIsAFailedAttempt() {
		server.answering(500, "oops");

		assertThatThrownBy(() -> sender().send(message("+14155550123", "Title"))).isInstanceOf(DeliveryException.class)
			.hasMessage("127.0.0.1 answered 500: oops");
	}

	@Test
	void aRefusedConnectionIsAFailedAttempt() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		SmsSender sender = new SmsSender(
				properties("http://127.0.0.1:" + closedPort, "AC0123456789", "s3cret-token", "+15005550006"));

		assertThatThrownBy(() -> sender.send(message("+14155550123", "Title"))).isInstanceOf(DeliveryException.class)
			.hasMessageStartingWith("127.0.0.1 could not be reached");
	}

	@Test
	void aServerThatDoesNotAnswerInTimeIsAFailedAttempt() {
		server.after(Duration.ofSeconds(3));

		assertThatThrownBy(() -> sender().send(message("+14155550123", "Title"))).isInstanceOf(DeliveryException.class)
			.hasMessage("127.0.0.1 did not answer within 500 ms");
	}

	@Test
	void propertiesNeverPrintTheToken() {
		assertThat(properties(server.url(), "AC1", "s3cret-token", "+1").toString()).doesNotContain("s3cret-token");
	}

}
