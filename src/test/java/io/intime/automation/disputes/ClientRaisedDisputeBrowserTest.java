package io.intime.automation.disputes;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.SentMails;
import io.intime.automation.LiveRules;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client raises a billing dispute themselves (spec 05: "Client raises billing
 * dispute"): the account manager emails a contact a dispute link from the Invoices tab;
 * the contact, in a browser of their own with no login, chooses an open invoice and says
 * what is wrong (an empty answer named first); the invoice is disputed as by them and the
 * rule starts the Billing Dispute with them as its client, whose intake link they get. A
 * tampered link opens nothing, nor a withdrawn one, and a recruiter may not send links.
 * It disputes a demo invoice, so it runs late.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 1)
class ClientRaisedDisputeBrowserTest {

	private static final Pattern LINK = Pattern.compile("/client-disputes/([A-Za-z0-9_-]{32})");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aClientRaisesADisputeThroughTheirLinkAndTheWorkflowStartsWithThem() throws Exception {
		// an account of am's with an open invoice and a contact with an email who is not
		// the account's default client for disputes
		Map<String, Object> pick = jdbc.sql("""
				select a.id account_id, i.id invoice_id, i.invoice_number, ct.id contact_id, ct.name, ct.email
				from account a join app_user u on u.id = a.owner_id and u.username = 'am'
				join invoice i on i.account_id = a.id and i.status in ('OPEN', 'OVERDUE')
				join contact ct on ct.account_id = a.id and ct.active and ct.email is not null
				where a.archived_at is null
				  and not exists (select 1 from workflow_run r where r.invoice_id = i.id)
				order by (ct.stakeholder_role = 'FINANCE'), a.id, i.id, ct.id limit 1""").query().singleRow();
		long accountId = ((Number) pick.get("account_id")).longValue();
		long invoiceId = ((Number) pick.get("invoice_id")).longValue();
		long contactId = ((Number) pick.get("contact_id")).longValue();
		String number = (String) pick.get("invoice_number");
		String contact = (String) pick.get("name");
		String email = (String) pick.get("email");
		String base = "http://localhost:" + port;
		try (Browser am = new Browser(base); Browser client = new Browser(base)) {
			am.signIn("am", "demo");
			am.open("/accounts/" + accountId + "/invoices");
			am.find("#dispute-link").click();
			am.waitUntil(d -> d.getCurrentUrl().contains("/dispute-link"));
			am.find("#send-dispute-link").click();
			assertThat(am.text("[data-field=contactId] .field-error")).contains("choose a contact");
			new Select(am.find("#contactId")).selectByValue(String.valueOf(contactId));
			am.screenshot("client-dispute-00-send");
			am.find("#send-dispute-link").click();
			am.waitUntil(d -> d.getCurrentUrl().contains("/invoices"));
			assertThat(am.text("body")).contains("Dispute link sent to " + contact);

			String token = tokenIn(SentMails.await(jdbc, email, "Raise a billing dispute"));

			// opening the link changes nothing
			client.open("/client-disputes/" + token);
			assertThat(client.text("#client-step")).isEqualTo("Raise a billing dispute");
			assertThat(client.text("#client-page")).contains(contact, number);
			assertThat(status(invoiceId)).isNotEqualTo("DISPUTED");

			// an empty answer is named, nothing is saved
			client.script("arguments[0].noValidate = true", client.find("#client-dispute-form"));
			client.find("#client-raise").click();
			assertThat(client.text("[data-field=invoiceId] .field-error")).contains("choose the invoice");
			assertThat(client.text("[data-field=reason] .field-error")).contains("is required");
			assertThat(status(invoiceId)).isNotEqualTo("DISPUTED");
			client.screenshot("client-dispute-01-errors");

			client.find("[data-invoice='" + number + "'] input").click();
			client.find("#reason").sendKeys("The hours of week 42 are billed twice.");
			client.screenshot("client-dispute-02-filled");
			long runId;
			try (LiveRules live = LiveRules.on(context)) {
				client.find("#client-raise").click();
				assertThat(client.text("#client-thanks")).contains("We received your dispute on invoice " + number);
				runId = awaitRun(invoiceId);
			}
			client.screenshot("client-dispute-03-thanks");
			assertThat(status(invoiceId)).isEqualTo("DISPUTED");
			assertThat(jdbc.sql("select ip from client_dispute where invoice_id = ?")
				.param(invoiceId)
				.query(String.class)
				.single()).isNotBlank();

			// the workflow runs with the client who raised it, who gets its intake link
			Long bound = jdbc.sql("select contact_id from workflow_run_role where run_id = ? and role_key = 'client'")
				.param(runId)
				.query(Long.class)
				.single();
			assertThat(bound).isEqualTo(contactId);
			assertThat(SentMails.await(jdbc, email, "Dispute intake form").getSubject()).contains("Dispute intake");

			am.open("/accounts/" + accountId + "/invoices");
			assertThat(am.text("#invoice-" + invoiceId + " .invoice-status")).startsWith("Disputed");
			am.screenshot("client-dispute-04-invoices");

			// a tampered link opens nothing; a recruiter may not send links
			client.open("/client-disputes/" + token.substring(0, 31) + (token.endsWith("A") ? "B" : "A"));
			assertThat(client.text("#refusal-title")).isEqualTo("This link is not valid");
			// the account manager withdraws the account's links: the client's no longer
			// opens
			am.open("/accounts/" + accountId + "/dispute-link");
			assertThat(am.text("#open-dispute-links")).contains(contact);
			am.screenshot("client-dispute-05-open-links");
			am.script("window.confirm = () => true");
			am.find("#withdraw-dispute-links").click();
			am.waitUntil(d -> d.getPageSource().contains("Withdrew"));
			assertThat(am.text("#open-dispute-links")).contains("None");
			client.open("/client-disputes/" + token);
			assertThat(client.text("#refusal-title")).isEqualTo("This link was withdrawn");
			try (Browser recruiter = new Browser(base)) {
				recruiter.signIn("michael.torres", "demo");
				recruiter.open("/accounts/" + accountId + "/dispute-link");
				assertThat(recruiter.text("body")).doesNotContain("Send the link");
			}
		}
	}

	private String status(long invoiceId) {
		return jdbc.sql("select status from invoice where id = ?").param(invoiceId).query(String.class).single();
	}

	private long awaitRun(long invoiceId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Long> run = jdbc.sql("select id from workflow_run where invoice_id = ?")
				.param(invoiceId)
				.query(Long.class)
				.optional();
			if (run.isPresent()) {
				return run.get();
			}
			Thread.sleep(300);
		}
		throw new AssertionError("No billing dispute run for invoice " + invoiceId);
	}

	private static String tokenIn(MimeMessage message) throws Exception {
		Object content = message.getContent();
		String text = content instanceof Multipart multipart ? partsText(multipart) : content.toString();
		Matcher matcher = LINK.matcher(text);
		assertThat(matcher.find()).as("a dispute link in the email").isTrue();
		return matcher.group(1);
	}

	private static String partsText(Multipart multipart) throws Exception {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			Object content = part.getContent();
			text.append(content instanceof Multipart inner ? partsText(inner) : content.toString());
		}
		return text.toString();
	}

}
