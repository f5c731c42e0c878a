package io.intime.notifications.internal;

import java.util.UUID;

import io.intime.IntegrationTest;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserFixtures;
import io.intime.identity.UserSummary;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.Actor;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Preferences on the page and in the API: bad fields are named, a stale version is
 * refused, and a kind turned off for email gives only the in-app notification.
 */
@IntegrationTest
class PreferencesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory users;

	@Test
	void emailTurnedOffForAKindLeavesOnlyTheInAppNotification() throws Exception {
		UserSummary me = new UserFixtures(users).user(Role.ACCOUNT_MANAGER);
		Document page = html("/settings/notifications?kind=test.mail", me);
		assertThat(page.select("tr[data-kind=test.mail].highlight").text()).contains("Test mail",
				"Untick Email to stop these emails");
		assertThat(page.select("input[name='email:test.mail']").attr("checked")).isNotNull();

		mvc.perform(post("/settings/notifications").with(csrf())
			.with(httpBasic(me.username(), UserFixtures.PASSWORD))
			.param("version", "0")
			.param("kinds", "test.mail")
			.param("phone", "555-1234"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Phone")));
		assertThat(jdbc.sql("select count(*) from notification_settings where user_id = ?")
			.params(me.id())
			.query(Long.class)
			.single()).isZero();

		mvc.perform(post("/settings/notifications").with(csrf())
			.with(httpBasic(me.username(), UserFixtures.PASSWORD))
			.param("version", "0")
			.param("kinds", "test.mail")
			.param("phone", "+14155550123")).andExpect(redirectedUrl("/settings/notifications"));

		String occasion = "prefs-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> notifications.send(Notice
			.about("test.mail", null, "account", 21, occasion, "Only in the app", "", "/accounts", Actor.SYSTEM)
			.to(me.id())));
		assertThat(jdbc.sql("select count(*) from notification where recipient_id = ? and occasion = ?")
			.params(me.id(), occasion)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from notification_delivery d join notification n on n.id = d.notification_id
				where n.recipient_id = ? and n.occasion = ?""").params(me.id(), occasion).query(Long.class).single())
			.isZero();
	}

	@Test
	void theApiNamesBadFieldsAndRefusesAStaleVersion() throws Exception {
		UserSummary me = new UserFixtures(users).user(Role.ACCOUNT_MANAGER);
		mvc.perform(get("/api/v1/notification-preferences").with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(0))
			.andExpect(jsonPath("$.kinds['test.mail'].email").value(true));

		put(me, "{\"version\":0,\"phone\":\"0800 CALL ME\",\"kinds\":{}}").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("\"phone\"")));
		put(me, "{\"version\":0,\"kinds\":{\"no.such-kind\":{\"email\":true,\"chat\":false,\"sms\":false}}}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("kinds.no.such-kind")));
		put(me, "{\"version\":0,\"quietStart\":\"22:00\",\"quietEnd\":\"07:00\",\"kinds\":{}}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.quietStart").value("22:00:00"));
		// another window still holds version 0
		put(me, "{\"version\":0,\"quietStart\":\"23:00\",\"quietEnd\":\"06:00\",\"kinds\":{}}")
			.andExpect(status().isConflict());
		put(me, "{\"version\":1,\"chatWebhookUrl\":\"http://hooks.example/x\",\"kinds\":{}}")
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("chatWebhookUrl")));
	}

	private org.springframework.test.web.servlet.ResultActions put(UserSummary me, String json) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.put("/api/v1/notification-preferences")
			.with(httpBasic(me.username(), UserFixtures.PASSWORD))
			.contentType("application/json")
			.content(json));
	}

	private Document html(String path, UserSummary user) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(httpBasic(user.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
