package io.intime.engagement.web;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jordan Reyes's email (spec 02 steps 6, 7 and 10): the GrowthStartup check-in from its
 * template, previewed merged and read back from the SMTP server; an unknown merge field
 * refused with its name; the morning's inbound mail reviewed (Jane Doe's and HealthTech's
 * confirmed); the suggested reply to Lisa Martinez sent in her thread. Runs late: it
 * changes the demo's pending emails.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 4)
class EmailBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void checkInReviewAndSuggestedReply() throws Exception {
		long growth = jdbc.sql("select id from account where name = 'GrowthStartup'").query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");

			// the check-in from its template
			long ines = jdbc.sql("select id from contact where email = 'ines.shah@growthstartup.io'")
				.query(Long.class)
				.single();
			browser.open("/accounts/" + growth + "/email/new?template=check-in&contact=" + ines);
			assertThat(browser.find("#preview-subject").getText()).isEqualTo("How are we doing, Ines?");
			assertThat(browser.find("#preview-body").getText()).startsWith("Hi Ines,")
				.contains("placed at GrowthStartup")
				.contains("Jordan Reyes");
			browser.screenshot("email-01-compose");

			// an unknown merge field is refused with its name, the text kept
			browser.find("#body").sendKeys("\nP.S. {{contact.nickname}}");
			browser.find("#send-email").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-field='body'] .field-error")).isEmpty());
			assertThat(browser.find("[data-field='body'] .field-error").getText())
				.contains("unknown merge field {{contact.nickname}}");
			String body = browser.find("#body").getAttribute("value");
			browser.script("document.getElementById('body').value = arguments[0];",
					body.replace("\nP.S. {{contact.nickname}}", ""));
			browser.find("#send-email").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/activities"));
			MimeMessage checkIn = awaitMail("ines.shah@growthstartup.io", "How are we doing, Ines?");
			assertThat(checkIn.getFrom()[0].toString()).contains("Jordan Reyes");
			assertThat(text(checkIn)).startsWith("Hi Ines,");

			// the morning's email, pending review
			browser.open("/activities/pending");
			assertThat(browser.findAll(".pending-email")).hasSizeGreaterThanOrEqualTo(3);
			assertThat(browser.find(".pending-email[data-account='HealthTech']").getText()).contains("Critical words");
			browser.screenshot("email-02-review");
			confirm(browser, "HealthTech", "NEGATIVE", "Contractor no-show: escalation raised");

			// the suggested reply to Lisa, sent in her thread
			browser.find(".pending-email[data-account='FinanceHub'] a[href$='/reply']").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/reply"));
			assertThat(browser.find("#body").getAttribute("value")).startsWith("Hi Lisa,").contains("8-10 roles");
			assertThat(browser.find("#why").getText()).contains("Hiring needs");
			browser.screenshot("email-03-suggested-reply");
			browser.find("#send-reply").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/activities"));
			MimeMessage reply = awaitMail("lisa.martinez@financehub.com", "Re: Q1 2025 Hiring Plans");
			assertThat(reply.getHeader("In-Reply-To")[0]).isEqualTo("<q1-plans@financehub.com>");

			// Lisa's email confirmed too (DataSystems' stays pending: its story is read
			// later)
			browser.open("/activities/pending");
			confirm(browser, "FinanceHub", "POSITIVE", "Q1 planning call offered");
			assertThat(jdbc.sql("select count(*) from activity where review_status = 'CONFIRMED'")
				.query(Long.class)
				.single()).isEqualTo(2);
		}
	}

	private void confirm(Browser browser, String account, String sentiment, String outcome) {
		String card = ".pending-email[data-account='" + account + "']";
		browser.find(card + " .segment:has(input[value='" + sentiment + "'])").click();
		browser.find(card + " input[name='outcome']").sendKeys(outcome);
		browser.find(card + " button[value='confirm']").click();
		browser.waitUntil(d -> d.findElements(By.cssSelector(card)).isEmpty());
	}

	private MimeMessage awaitMail(String to, String subject) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (System.nanoTime() < deadline) {
			List<byte[]> found = jdbc.sql(
					"select raw from sent_mail where lower(envelope_to) = lower(:to) and subject = :s order by id desc")
				.param("to", to)
				.param("s", subject)
				.query((rs, n) -> rs.getBytes(1))
				.list();
			if (!found.isEmpty()) {
				return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(found.get(0)));
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No email to " + to + ": " + subject);
	}

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

}
