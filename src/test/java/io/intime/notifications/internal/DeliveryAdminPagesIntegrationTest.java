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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A delivery that gave up is visible to admins with its error, and Retry (page or API)
 * queues it again so that the worker sends it; nobody else sees or retries deliveries.
 */
@IntegrationTest
class DeliveryAdminPagesIntegrationTest {

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
	void aFailedDeliveryIsShownToAdminsAndRetriedUntilItArrives() throws Exception {
		UserFixtures fixtures = new UserFixtures(users);
		UserSummary admin = fixtures.user(Role.ADMIN);
		UserSummary director = fixtures.user(Role.SALES_DIRECTOR);
		UserSummary recipient = fixtures.user(Role.ACCOUNT_MANAGER);
		String occasion = "failed-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> notifications.send(Notice
			.about("test.mail", null, "account", 2, occasion, "Gave up once", "Try again.", "/accounts", Actor.SYSTEM)
			.to(recipient.id())));
		// as the worker leaves a delivery whose SMTP server refused it max-attempts times
		long delivery = jdbc.sql("""
				update notification_delivery d set status = 'FAILED', attempts = 6,
				  last_error = '554 5.7.1 Relay access denied'
				from notification n where n.id = d.notification_id and n.occasion = ? returning d.id""")
			.params(occasion)
			.query(Long.class)
			.single();

		Document page = Jsoup
			.parse(mvc.perform(get("/admin/notifications").with(httpBasic(admin.username(), UserFixtures.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(page.select("#failed-deliveries tr[data-delivery=" + delivery + "]").text()).contains("Gave up once",
				recipient.email(), "Email", "6", "554 5.7.1 Relay access denied");
		assertThat(page.select("#delivery-counts tr[data-channel=EMAIL]").text()).isNotBlank();

		mvc.perform(get("/admin/notifications").with(httpBasic(director.username(), UserFixtures.PASSWORD)))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/notification-deliveries/" + delivery + "/retry")
			.with(httpBasic(director.username(), UserFixtures.PASSWORD))).andExpect(status().isForbidden());

		mvc.perform(post("/admin/notifications/" + delivery + "/retry").with(csrf())
			.with(httpBasic(admin.username(), UserFixtures.PASSWORD))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("select status from notification_delivery where id = ?")
			.params(delivery)
			.query(String.class)
			.single()).isEqualTo("QUEUED");
		assertThat(jdbc
			.sql("select count(*) from audit_entry where entity_type = 'notification_delivery' and entity_id = ?")
			.params(delivery)
			.query(Long.class)
			.single()).isEqualTo(1);
		// a delivery that is not FAILED cannot be retried
		mvc.perform(post("/api/v1/notification-deliveries/" + delivery + "/retry")
			.with(httpBasic(admin.username(), UserFixtures.PASSWORD))).andExpect(status().isNotFound());

		worker.sendDue();
		for (int i = 0; i < 100 && count(recipient.email()) == 0; i++) {
			Thread.sleep(100);
		}
		assertThat(count(recipient.email())).isEqualTo(1);
		assertThat(jdbc.sql("select status from notification_delivery where id = ?")
			.params(delivery)
			.query(String.class)
			.single()).isEqualTo("SENT");
	}

	private long count(String to) {
		return jdbc.sql("select count(*) from sent_mail where envelope_to = ?").params(to).query(Long.class).single();
	}

}
