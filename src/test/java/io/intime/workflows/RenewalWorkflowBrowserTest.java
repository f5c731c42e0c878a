package io.intime.workflows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.SentMails;
import io.intime.workflows.esign.OrganizationSigningKey;
import io.intime.workflows.esign.PdfSignatures;
import io.intime.workflows.esign.SamplePdfs;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Annual Renewal of spec 05 on the demo world, as people do it: the account manager
 * starts it from the account's Workflows tab and fills in the kickoff form and the usage
 * report; the client's contact answers the renewal survey through the emailed link in a
 * browser of their own, with no login; finance approves the price; the proposal goes up;
 * the client accepts it and e-signs the agreement (consent, typed name) through their
 * link; the signed PDF carries the certificate page and the organization's valid
 * signature; the automated CRM update renews the contract. It changes a demo account's
 * contract, so it runs late.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 1)
class RenewalWorkflowBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkflowRuns runs;

	@Autowired
	OrganizationSigningKey key;

	@Test
	void theClientAnswersTheSurveyAndSignsTheRenewalThroughTheirLink() throws Exception {
		// an account of Jordan Reyes with an active contract and a client contact who has
		// an email
		Map<String, Object> pick = jdbc
			.sql("""
					select a.id account_id, a.name account_name, c.id contract_id, ct.name contact_name, ct.email contact_email
					from account a join app_user u on u.id = a.owner_id and u.username = 'am'
					join contract c on c.account_id = a.id and c.status = 'ACTIVE'
					join contact ct on ct.account_id = a.id and ct.active and ct.email is not null
					where a.archived_at is null and a.status = 'ACTIVE'
					order by (ct.stakeholder_role = 'ECONOMIC_BUYER') desc, a.name desc, c.id, ct.id limit 1""")
			.query()
			.singleRow();
		long accountId = ((Number) pick.get("account_id")).longValue();
		long contractId = ((Number) pick.get("contract_id")).longValue();
		String contact = (String) pick.get("contact_name");
		String email = (String) pick.get("contact_email");
		Path usage = Files.createTempFile("usage-report", ".pdf");
		Files.write(usage, SamplePdfs.document("Usage and value report", 2));
		Path proposal = Files.createTempFile("renewal-proposal", ".pdf");
		Files.write(proposal, SamplePdfs.document("Renewal proposal", 1));
		String base = "http://localhost:" + port;
		try (Browser am = new Browser(base); Browser client = new Browser(base); Browser finance = new Browser(base)) {
			am.signIn("am", "demo");
			am.open("/accounts/" + accountId + "/workflows");
			am.find("#wf-start-account").click();
			long template = jdbc.sql("select id from workflow_template where template_key = 'annual-renewal'")
				.query(Long.class)
				.single();
			new Select(am.find("#wf-template")).selectByValue(String.valueOf(template));
			new Select(am.find("#wf-contract")).selectByValue(String.valueOf(contractId));
			am.screenshot("workflow-renewal-00-start");
			am.find("#wf-start-submit").click();
			am.waitUntil(d -> d.getCurrentUrl().contains("/workflows/runs/"));
			long runId = Long.parseLong(am.currentPath().replaceAll(".*/workflows/runs/(\\d+).*", "$1"));
			assertThat(am.text("#step-kickoff")).contains("Renewal kickoff details", "Form", "Active");
			am.screenshot("workflow-renewal-01-started");

			// the kickoff form: an empty required field is named, then it is filled in
			// (the browser checks required fields first; the server names them too)
			am.script("arguments[0].noValidate = true", am.find("#act-kickoff"));
			am.find("#act-kickoff button[type=submit]").click();
			assertThat(am.text("#step-kickoff [data-field=account-name] .field-error")).isEqualTo("is required");
			am.find("#act-kickoff [name='f.account-name']").sendKeys((String) pick.get("account_name"));
			am.script("arguments[0].value = '2027-03-31'", am.find("#act-kickoff [name='f.contract-end-date']"));
			am.find("#act-kickoff [name='f.current-arr']").sendKeys("500000");
			am.find("#act-kickoff button[type=submit]").click();
			am.find("#act-usage-report input[type=file]").sendKeys(usage.toAbsolutePath().toString());
			am.find("#act-usage-report button[type=submit]").click();
			assertThat(am.text("#step-usage-report")).contains("Done", usage.getFileName().toString());

			// the client answers the survey in a browser of their own, with no login
			String surveyLink = WorkflowEngineIntegrationTest
				.linkIn(SentMails.await(jdbc, email, "Client renewal survey"));
			client.open("/client/" + surveyLink);
			assertThat(client.text("#client-step")).isEqualTo("Client renewal survey");
			assertThat(client.text("#client-page")).contains(contact).doesNotContain("500000", "Jordan Reyes");
			client.screenshot("workflow-renewal-02-client-survey");
			client.script("arguments[0].noValidate = true", client.find("#client-form"));
			client.find("#client-submit").click();
			assertThat(client.text("[data-field=overall-satisfaction] .field-error")).isEqualTo("is required");
			new Select(client.find("[name='f.overall-satisfaction']")).selectByIndex(1);
			new Select(client.find("[name='f.usage-level']")).selectByIndex(1);
			new Select(client.find("[name='f.budget-changes']")).selectByIndex(1);
			client.find("#client-submit").click();
			assertThat(client.text("#client-thanks")).contains("Thank you");

			// finance approves the price
			finance.signIn("finance", "demo");
			finance.open("/workflows/runs/" + runId);
			finance.find("#act-pricing-approval [name='f.proposed-arr']").sendKeys("540000");
			finance.find("#act-pricing-approval button[value=approve]").click();
			assertThat(finance.text("#step-pricing-approval")).contains("Done");

			// the proposal goes up; the client accepts it
			am.open("/workflows/runs/" + runId);
			am.find("#act-proposal-delivery input[type=file]").sendKeys(proposal.toAbsolutePath().toString());
			am.find("#act-proposal-delivery button[type=submit]").click();
			String reviewLink = WorkflowEngineIntegrationTest
				.linkIn(SentMails.await(jdbc, email, "Client proposal review"));
			client.open("/client/" + reviewLink);
			client.find("[data-option=accept]").click();
			assertThat(client.text("#client-thanks")).contains("decision was recorded");

			// the client signs the agreement: consent and their typed name are required
			String signLink = WorkflowEngineIntegrationTest
				.linkIn(SentMails.await(jdbc, email, "Renewal contract e-signature"));
			client.open("/client/" + signLink);
			assertThat(client.find("#client-document").getAttribute("src"))
				.endsWith("/client/" + signLink + "/document");
			client.screenshot("workflow-renewal-03-esign");
			client.find("#client-typed-name").sendKeys(contact);
			client.find("#client-sign-button").click();
			assertThat(client.text("[data-field=consent] .field-error")).contains("tick the box");
			client.find("#client-consent").click();
			client.find("#client-sign-button").click();
			assertThat(client.text("#client-thanks")).contains("you signed the document");
			client.screenshot("workflow-renewal-04-signed");
			byte[] signed = client.download("/client/" + signLink + "/signed");
			String certificate = PdfSignatures.verify(signed, key.certificate());
			assertThat(certificate).contains("Certificate of completion", contact);

			// the automated CRM update renews the contract; the run shows it all
			RunView done = await(runId, am);
			assertThat(done.step("crm-update").status()).isEqualTo(StepStatus.DONE);
			am.open("/workflows/runs/" + runId);
			assertThat(am.text("#step-esign")).contains("(signed).pdf");
			assertThat(am.text("#run-activity")).contains("signed by " + contact);
			am.screenshot("workflow-renewal-05-run");
		}
	}

	private RunView await(long runId, Browser unused) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		var admin = new io.intime.identity.CurrentUser(0, "system", "InTime", io.intime.identity.Role.ADMIN,
				java.time.ZoneOffset.UTC);
		RunView run = runs.get(runId, admin);
		while (run.step("crm-update").status() != StepStatus.DONE && System.nanoTime() < deadline) {
			Thread.sleep(500);
			run = runs.get(runId, admin);
		}
		return run;
	}

}
