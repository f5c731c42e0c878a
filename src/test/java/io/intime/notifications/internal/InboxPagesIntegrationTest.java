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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The bell and the notifications page: the badge counts the unread, the panel shows the
 * latest, opening one marks it read and goes to its record, another user's is a 404, mark
 * all read empties the badge.
 */
@IntegrationTest
class InboxPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UserDirectory users;

	@Test
	void theBellCountsOpensAndMarksRead() throws Exception {
		UserFixtures fixtures = new UserFixtures(users);
		UserSummary me = fixtures.user(Role.ACCOUNT_MANAGER);
		UserSummary other = fixtures.user(Role.ACCOUNT_MANAGER);
		String occasion = "bell-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			notifications.send(Notice
				.about("test.mail", null, "account", 11, occasion, "First notice", "One.", "/accounts/11", Actor.SYSTEM)
				.to(me.id()));
			notifications.send(
					Notice
						.about("test.mail", null, "account", 12, occasion, "Second notice", "Two.", "/accounts/12",
								Actor.SYSTEM)
						.to(me.id()));
		});

		assertThat(html("/notifications/badge", me).select("#bell-badge").text()).isEqualTo("2");
		Document panel = html("/notifications/panel", me);
		assertThat(panel.select(".bell-list li")).hasSize(2);
		assertThat(panel.select(".bell-list li").first().text()).contains("Second notice", "Test mail");
		String id = panel.select(".bell-list li").first().attr("data-notification");

		mvc.perform(get("/notifications/" + id + "/open").with(httpBasic(other.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/notifications/" + id + "/open").with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(redirectedUrl("/accounts/12"));
		assertThat(html("/notifications/badge", me).select("#bell-badge").text()).isEqualTo("1");

		Document unread = html("/notifications?show=unread", me);
		assertThat(unread.select("#notification-list li")).hasSize(1);
		assertThat(unread.select("#notification-list li").text()).contains("First notice");
		assertThat(html("/notifications?kind=test.mail", me).select("#notification-list li")).hasSize(2);

		mvc.perform(post("/notifications/read-all").with(csrf()).with(httpBasic(me.username(), UserFixtures.PASSWORD)))
			.andExpect(redirectedUrl("/notifications"));
		assertThat(html("/notifications/badge", me).select("#bell-badge.empty")).hasSize(1);
	}

	private Document html(String path, UserSummary user) throws Exception {
		return Jsoup.parse(mvc.perform(get(path).with(httpBasic(user.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
