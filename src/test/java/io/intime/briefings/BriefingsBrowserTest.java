package io.intime.briefings;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jordan Reyes (am) prepares the weekly recruiting sync (spec 02 step 12), makes two of
 * the agreed actions tasks after the meeting (step 13), and at the end of the day sends
 * the summary to Dana Whitfield, the sales director (step 18), whose mailbox receives it.
 * A recruiter may not open either page. Runs late: it adds tasks to Jordan's list.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 2)
class BriefingsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory users;

	@Test
	void anAccountManagerPreparesTheSyncAgreesActionsAndSendsTheDailySummary() throws Exception {
		UserSummary am = users.findByUsername("am").orElseThrow();
		UserSummary director = users.findByUsername("director").orElseThrow();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/briefings/team-sync");
			assertThat(browser.find("h1").getText()).contains("Weekly recruiting sync");
			List<String> discussed = browser.findAll(".sync-account")
				.stream()
				.map(e -> e.getAttribute("data-account"))
				.toList();
			assertThat(discussed).contains("DataSystems Inc.", "RetailCo");
			assertThat(Integer.parseInt(browser.find("#accounts-to-discuss").getText())).isEqualTo(discussed.size())
				.isLessThan(42);
			WebElement dataSystems = browser.find(".sync-account[data-account='DataSystems Inc.']");
			assertThat(dataSystems.getText()).contains("Health: RED")
				.contains("for any intel on changes at DataSystems Inc.");
			browser.screenshot("briefings-01-team-sync");

			// after the meeting: the first two agreed actions become tasks
			List<WebElement> boxes = browser.findAll("input[name='agree']");
			List<String> agreed = List.of(boxes.get(0), boxes.get(1))
				.stream()
				.map(box -> box
					.findElement(org.openqa.selenium.By.xpath("./following-sibling::span[@class='sync-action-text']"))
					.getText())
				.toList();
			long before = agreedTasks(am.id());
			browser.script("arguments[0].click(); arguments[1].click();", boxes.get(0), boxes.get(1));
			browser.find("#create-tasks").click();
			browser.waitUntil(d -> agreedTasks(am.id()) == before + 2);
			assertThat(jdbc.sql("select title from task where assignee_id = :a and notes = :n order by id desc limit 2")
				.param("a", am.id())
				.param("n", "Agreed in the weekly recruiting sync.")
				.query(String.class)
				.list()).containsExactlyInAnyOrderElementsOf(agreed);

			// end of day: the summary, counted from the records, goes to the director
			browser.open("/briefings/daily-summary");
			assertThat(browser.find("#send-summary").getText()).isEqualTo("Confirm and send to " + director.fullName());
			assertThat(browser.find("#summary-preview").getText()).contains("ACCOUNTS ENGAGED TODAY:")
				.contains("TOMORROW'S PRIORITIES:");
			browser.find("#note").sendKeys("TechCorp payment confirmed for Friday.");
			browser.screenshot("briefings-02-daily-summary");
			browser.find("#send-summary").click();
			browser.waitUntil(d -> !d.findElements(org.openqa.selenium.By.id("last-sent")).isEmpty());
			assertThat(browser.find("#last-sent").getText()).startsWith("Sent to " + director.fullName());
			String body = awaitMail(director.email(), "AM Daily Summary");
			assertThat(body).contains("TechCorp payment confirmed for Friday.").contains("ACCOUNTS ENGAGED TODAY:");
			browser.screenshot("briefings-03-sent");

		}
		// a recruiter has no briefings
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("sarah.kim", "demo");
			browser.open("/briefings/team-sync");
			assertThat(browser.find(".empty-code").getText()).isEqualTo("403");
		}
	}

	private long agreedTasks(long assignee) {
		return jdbc.sql("select count(*) from task where assignee_id = :a and notes = :n")
			.param("a", assignee)
			.param("n", "Agreed in the weekly recruiting sync.")
			.query(Long.class)
			.single();
	}

	/** The text/plain part of a message. */
	private static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = text(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private String awaitMail(String to, String subject) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (System.nanoTime() < deadline) {
			List<byte[]> found = jdbc
				.sql("select raw from sent_mail where lower(envelope_to) = lower(:to) and subject like :s")
				.param("to", to)
				.param("s", "%" + subject + "%")
				.query((rs, n) -> rs.getBytes(1))
				.list();
			if (!found.isEmpty()) {
				return text(
						new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(found.get(0))));
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No email to " + to + " about " + subject);
	}

}
