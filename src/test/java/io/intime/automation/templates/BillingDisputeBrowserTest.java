package io.intime.automation.templates;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.SentMails;
import io.intime.automation.LiveRules;
import io.intime.workflows.esign.SamplePdfs;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Billing Dispute Resolution of spec 05 on the demo world, as people do it: finance
 * flags a demo invoice as disputed on the account's Invoices tab, and the automation rule
 * starts the dispute workflow for it; the client's finance contact fills in the intake
 * form (an empty required field named first) and uploads the supporting documentation
 * through the emailed links in a browser of their own, with no login; finance
 * investigates and approves a credit; the finance lead's email tells the client, who
 * accepts through the decision link; the automated processing issues the credit memo,
 * which the invoice then shows with the lower balance; finance confirms and the client
 * acknowledges, which completes the run. It changes a demo invoice, so it runs late.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 1)
class BillingDisputeBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aDisputedInvoiceIsCreditedThroughTheWorkflowWithTheClientOnTheirLinks() throws Exception {
		// an unpaid dollar invoice of an account whose finance contact has an email, with
		// no dispute workflow of its own yet
		Map<String, Object> pick = jdbc.sql("""
				select i.id invoice_id, i.invoice_number, i.amount, a.id account_id
				from invoice i join account a on a.id = i.account_id
				join contact ct on ct.account_id = a.id and ct.active and ct.email is not null
				where i.status in ('OPEN', 'OVERDUE') and i.currency = 'USD' and i.amount > 5000
				  and a.archived_at is null
				  and not exists (select 1 from workflow_run r where r.invoice_id = i.id)
				  and not exists (select 1 from credit_memo m where m.invoice_id = i.id)
				order by (ct.stakeholder_role = 'FINANCE') desc, i.status, i.id limit 1""").query().singleRow();
		long invoiceId = ((Number) pick.get("invoice_id")).longValue();
		long accountId = ((Number) pick.get("account_id")).longValue();
		String number = (String) pick.get("invoice_number");
		BigDecimal amount = (BigDecimal) pick.get("amount");
		BigDecimal credit = new BigDecimal("1250.00");
		Path evidence = Files.createTempFile("invoice-copy", ".pdf");
		Files.write(evidence, SamplePdfs.document("Invoice " + number + " with week 42 twice", 1));
		String base = "http://localhost:" + port;
		try (Browser finance = new Browser(base); Browser client = new Browser(base)) {
			// finance flags the invoice as disputed on the account's Invoices tab
			finance.signIn("finance", "demo");
			finance.open("/accounts/" + accountId + "/invoices");
			finance.find("#invoice-" + invoiceId + " .dispute-button").click();
			finance.find("#dispute-reason-" + invoiceId).sendKeys("Hours for week 42 billed twice");
			finance.screenshot("workflow-dispute-00-flag");
			// the automation rule starts the dispute workflow on the invoice
			long runId;
			try (LiveRules live = LiveRules.on(context)) {
				finance.find("#invoice-" + invoiceId + " .dispute-form button[type=submit]").click();
				finance.waitUntil(d -> d.getPageSource().contains("flagged as disputed"));
				assertThat(finance.text("#invoice-" + invoiceId + " .invoice-status")).startsWith("Disputed");
				runId = awaitRun(invoiceId);
			}
			Map<String, Object> bound = jdbc.sql("""
					select ct.name, ct.email from workflow_run_role rr join contact ct on ct.id = rr.contact_id
					where rr.run_id = ? and rr.role_key = 'client'""").param(runId).query().singleRow();
			String contact = (String) bound.get("name");
			String email = (String) bound.get("email");
			finance.open("/workflows/runs/" + runId);
			assertThat(finance.text("#step-dispute-intake")).contains("Dispute intake form", "Active");
			finance.screenshot("workflow-dispute-01-started");

			// the client fills in the intake form through their link, with no login: an
			// empty required field is named first
			String intake = TemplateRuns.tokenIn(SentMails.await(jdbc, email, "Dispute intake form"));
			client.open("/client/" + intake);
			assertThat(client.text("#client-step")).isEqualTo("Dispute intake form");
			assertThat(client.text("#client-page")).contains(contact);
			client.script("arguments[0].noValidate = true", client.find("#client-form"));
			client.find("#client-submit").click();
			assertThat(client.text("[data-field=invoice-number] .field-error")).isEqualTo("is required");
			client.screenshot("workflow-dispute-02-intake-errors");
			client.find("[name='f.invoice-number']").sendKeys(number);
			client.find("[name='f.disputed-amount']").sendKeys("1250");
			new Select(client.find("[name='f.dispute-category']")).selectByVisibleText("Duplicate charge");
			client.find("[name='f.description']").sendKeys("The hours of week 42 appear twice on the invoice.");
			client.find("[name='f.expected-resolution']").sendKeys("Credit the duplicated week.");
			client.find("#client-submit").click();
			assertThat(client.text("#client-thanks")).contains("Thank you");

			// the supporting documentation, uploaded through its own link
			String documents = TemplateRuns.tokenIn(SentMails.await(jdbc, email, "Supporting documentation"));
			client.open("/client/" + documents);
			client.find("#client-file").sendKeys(evidence.toAbsolutePath().toString());
			client.screenshot("workflow-dispute-03-documents");
			client.find("#client-send-files").click();
			assertThat(client.text("#client-thanks")).isNotBlank();

			// finance investigates and approves a credit
			finance.open("/workflows/runs/" + runId);
			assertThat(finance.text("#step-supporting-documents")).contains("Done", evidence.getFileName().toString());
			finance.find("#act-investigation button[type=submit]").click();
			new Select(finance.find("#act-resolution-approval [name='f.resolution-type']"))
				.selectByVisibleText("Credit");
			finance.find("#act-resolution-approval [name='f.amount']").sendKeys("1250");
			finance.find("#act-resolution-approval [name='f.rationale']")
				.sendKeys("Week 42 was billed twice; the duplicate is credited.");
			finance.screenshot("workflow-dispute-04-approval");
			finance.find("#act-resolution-approval button[value=approve]").click();
			assertThat(finance.text("#step-resolution-approval")).contains("Done");

			// the finance lead's email tells the client; they accept through its link
			var decision = SentMails.await(jdbc, email, "Your billing dispute on invoice " + number);
			String decisionLink = TemplateRuns.tokenIn(SentMails.await(jdbc, email, "Resolution acceptance"));
			String decided = TemplateRuns.textOf(decision).isEmpty() ? decision.getContent().toString()
					: TemplateRuns.textOf(decision);
			assertThat(decided).contains("Dear " + contact, "Our decision: A credit of $1,250");
			client.open("/client/" + decisionLink);
			assertThat(client.text("#client-step")).isEqualTo("Resolution acceptance");
			client.screenshot("workflow-dispute-05-decision");
			client.find("[data-option=accept]").click();
			assertThat(client.text("#client-thanks")).contains("decision was recorded");

			// the automated processing issues the credit memo; finance confirms
			Map<String, Object> memo = awaitMemo(invoiceId);
			assertThat((String) memo.get("memo_number")).startsWith("CM-");
			assertThat((BigDecimal) memo.get("amount")).isEqualByComparingTo(credit);
			assertThat(memo.get("kind")).isEqualTo("CREDIT");
			awaitStepActive(runId, "processing-confirmation");
			finance.open("/workflows/runs/" + runId);
			finance.find("#act-processing-confirmation button[type=submit]").click();

			// the client acknowledges the resolution: the dispute is closed
			String ack = TemplateRuns.tokenIn(SentMails.await(jdbc, email, "Resolution acknowledgement"));
			client.open("/client/" + ack);
			client.find("#client-confirm").click();
			client.screenshot("workflow-dispute-06-acknowledge");
			client.find("#client-acknowledge").click();
			assertThat(client.text("#client-thanks")).isNotBlank();
			assertThat(awaitStatus(runId)).isEqualTo("COMPLETED");

			// the run and the invoice show the credit and what is still owed
			finance.open("/workflows/runs/" + runId);
			assertThat(finance.text("#run-activity")).contains((String) memo.get("memo_number"));
			finance.screenshot("workflow-dispute-07-run");
			finance.open("/accounts/" + accountId + "/invoices");
			String dollars = NumberFormat.getCurrencyInstance(Locale.US).format(amount.subtract(credit));
			assertThat(finance.text("#invoice-" + invoiceId + " .invoice-balance")).isEqualTo(dollars + " owed");
			assertThat(finance.text("#credit-memo-" + memo.get("id"))).contains((String) memo.get("memo_number"),
					"Credit of $1,250.00");
			finance.screenshot("workflow-dispute-08-invoice");
		}
	}

	private long awaitRun(long invoiceId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Optional<Long> run = jdbc
				.sql("select r.id from workflow_run r join workflow_template_version v on v.id = r.template_version_id "
						+ "join workflow_template t on t.id = v.template_id "
						+ "where r.invoice_id = ? and t.template_key = 'billing-dispute'")
				.param(invoiceId)
				.query(Long.class)
				.optional();
			if (run.isPresent()) {
				return run.get();
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No billing dispute run for invoice " + invoiceId);
	}

	private Map<String, Object> awaitMemo(long invoiceId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (System.nanoTime() < deadline) {
			var memo = jdbc.sql("select id, memo_number, amount, kind from credit_memo where invoice_id = ?")
				.param(invoiceId)
				.query()
				.listOfRows();
			if (!memo.isEmpty()) {
				return memo.get(0);
			}
			Thread.sleep(500);
		}
		throw new AssertionError("No credit memo on invoice " + invoiceId);
	}

	private void awaitStepActive(long runId, String key) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		while (System.nanoTime() < deadline) {
			String status = jdbc.sql("select status from workflow_step where run_id = ? and step_key = ?")
				.param(runId)
				.param(key)
				.query(String.class)
				.single();
			if ("ACTIVE".equals(status)) {
				return;
			}
			Thread.sleep(500);
		}
		throw new AssertionError("Step " + key + " of run " + runId + " never became active");
	}

	private String awaitStatus(long runId) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		String status = null;
		while (System.nanoTime() < deadline) {
			status = jdbc.sql("select status from workflow_run where id = ?").param(runId).query(String.class).single();
			if ("COMPLETED".equals(status)) {
				return status;
			}
			Thread.sleep(500);
		}
		return status;
	}

}
