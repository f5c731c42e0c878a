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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin's "Sent mail": a delivered notice is listed, shown with its headers, its HTML
 * part from its own sandboxed URL and its text part, and downloadable as .eml; only
 * admins see any of it.
 */
@IntegrationTest
class SentMailPagesIntegrationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Notifications notifications;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DeliveryWorker worker;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory users;

	@Test
	void anAdminSeesADeliveredNoticeAsItsRecipientDoes() throws Exception {
		UserFixtures fixtures = new UserFixtures(users);
		UserSummary admin = fixtures.user(Role.ADMIN);
		UserSummary recipient = fixtures.user(Role.ACCOUNT_MANAGER, "Rory Recipient");
		String occasion = "sent-mail-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> notifications.send(
				Notice
					.about("test.mail", null, "account", 1, occasion, "Renewal in 30 days", "Plan the renewal call.",
							"/accounts", Actor.SYSTEM)
					.to(recipient.id())));
		worker.sendDue();
		long id = awaitMail(recipient.email());

		Document list = Jsoup.parse(mvc
			.perform(get("/admin/mail").param("to", recipient.email())
				.with(httpBasic(admin.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(list.select("#sent-mail-table tbody tr")).hasSize(1);
		assertThat(list.select("#sent-mail-table tbody tr").text()).contains(recipient.email(), "Renewal in 30 days");

		Document shown = Jsoup
			.parse(mvc.perform(get("/admin/mail/" + id).with(httpBasic(admin.username(), UserFixtures.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(shown.select("#mail-headers").text()).contains("From", "notifications@intime.local", "To",
				recipient.email(), "List-Unsubscribe", "/settings/notifications?kind=test.mail");
		assertThat(shown.select("iframe#mail-html").attr("sandbox")).doesNotContain("allow-scripts")
			.doesNotContain("allow-same-origin");

		String html = mvc
			.perform(get("/admin/mail/" + id + "/html").with(httpBasic(admin.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("default-src 'none'"),
							org.hamcrest.Matchers.containsString("sandbox"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("Renewal in 30 days", "Plan the renewal call.");

		Document text = Jsoup.parse(mvc
			.perform(get("/admin/mail/" + id).param("view", "text")
				.with(httpBasic(admin.username(), UserFixtures.PASSWORD)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(text.select("#mail-text").text()).contains("Plan the renewal call.");

		mvc.perform(get("/admin/mail/" + id + "/raw").with(httpBasic(admin.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".eml")));
		mvc.perform(get("/admin/mail/999999999").with(httpBasic(admin.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isNotFound());
	}

	@Test
	void noOneButAdminsSeesSentMail() throws Exception {
		UserSummary director = new UserFixtures(users).user(Role.SALES_DIRECTOR);
		for (String path : new String[] { "/admin/mail", "/admin/mail/1", "/admin/mail/1/html", "/admin/mail/1/raw" }) {
			mvc.perform(get(path).with(httpBasic(director.username(), UserFixtures.PASSWORD)))
				.andExpect(status().isForbidden());
		}
	}

	private long awaitMail(String to) throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			var ids = jdbc.sql("select id from sent_mail where envelope_to = ?").params(to).query(Long.class).list();
			if (!ids.isEmpty()) {
				return ids.get(0);
			}
			Thread.sleep(100);
		}
		throw new AssertionError("no mail to " + to);
	}

}
