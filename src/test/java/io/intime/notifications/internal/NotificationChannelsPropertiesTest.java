package io.intime.notifications.internal;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationChannelsPropertiesTest {

	private static NotificationChannelsProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("intime.notifications",
				NotificationChannelsProperties.class);
	}

	@Test
	void withNothingSetNeitherChannelIsConfiguredAndTheDefaultsHold() {
		NotificationChannelsProperties properties = bind(Map.of());

		assertThat(properties.chat().configured()).isFalse();
		assertThat(properties.sms().configured()).isFalse();
		assertThat(properties.sms().url()).isEqualTo("https://api.twilio.com");
		assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void bindsTheWebhookAndTheSmsAccountAndPrintsNoSecret() {
		NotificationChannelsProperties properties = bind(Map.of("intime.notifications.chat.webhook-url",
				"https://hooks.slack.com/services/T1/B2/secret-part", "intime.notifications.sms.account-sid", "AC1",
				"intime.notifications.sms.auth-token", "s3cret-token", "intime.notifications.sms.from", "+15005550006",
				"intime.notifications.read-timeout", "3s"));

		assertThat(properties.chat().configured()).isTrue();
		assertThat(properties.sms().configured()).isTrue();
		assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.toString()).doesNotContain("s3cret-token").doesNotContain("secret-part");
	}

}
