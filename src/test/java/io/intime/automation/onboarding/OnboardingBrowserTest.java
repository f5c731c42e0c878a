package io.intime.automation.onboarding;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.SentMails;
import io.intime.automation.LiveRules;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client onboarding of spec 04 on the demo world, started the way it is meant to be:
 * the sales director enters a new prospect with its contacts (the same person twice, once
 * without an email) and a draft contract, and marks the contract active once it is
 * signed; the first-contract rule starts the onboarding on its own, and its sixteen
 * automated steps run on the scheduler. Every step's effect is then looked at where
 * people see it: the run page, the account's status, the tasks in the assignees' task
 * lists, the welcome email, the health report PDF, and the one contact left of the two.
 * It adds an account and its records only; it runs late because it lets the rules act on
 * their own.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 1)
class OnboardingBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Test
	void aWonProspectIsOnboardedStepByStep() throws Exception {
		String name = "Halvorsen Freight " + (System.nanoTime() % 100000);
		String email = "ingrid.halvorsen@halvorsen-freight.example";
		long amId = jdbc.sql("select id from app_user where username = 'am'").query(Long.class).single();
		String base = "http://localhost:" + port;
		try (Browser director = new Browser(base); Browser am = new Browser(base)) {
			// the sales director enters the prospect, owned by Jordan Reyes (am)
			director.signIn("director", "demo");
			director.open("/accounts/new");
			director.find("#name").sendKeys(name);
			director.find("#industry").sendKeys("Logistics");
			director.find("#timeZone").clear();
			director.find("#timeZone").sendKeys("Europe/Oslo");
			new Select(director.find("#status")).selectByValue("PROSPECT");
			new Select(director.find("#ownerId")).selectByValue(String.valueOf(amId));
			director.screenshot("workflow-onboarding-00-new-prospect");
			director.find("#save-account").click();
			director.waitUntil(d -> d.getCurrentUrl().matches(".*/accounts/\\d+.*"));
			long accountId = Long.parseLong(director.currentPath().replaceAll(".*/accounts/(\\d+).*", "$1"));
			assertThat(director.text("#account-status")).isEqualTo("Prospect");

			// two contacts who are one person: the second entered later without her email
			addContact(director, accountId, "Ingrid Halvorsen", email, "+47 22 55 01 00");
			addContact(director, accountId, "ingrid  halvorsen", null, "22-55-01-00");
			director.open("/accounts/" + accountId + "?tab=contacts");
			assertThat(director.findAll(".contact-row")).hasSize(2);
			director.screenshot("workflow-onboarding-01-two-contacts");

			// a draft contract: nothing starts yet
			director.open("/accounts/" + accountId + "/contracts/new");
			director.find("#number").sendKeys("MSA-HF-" + accountId);
			director.find("[name='serviceLines[0].name']").sendKeys("Contract staffing — logistics engineering");
			director.find("[name='serviceLines[0].annualValue']").sendKeys("240000");
			director.find("#save-contract").click();
			director.waitUntil(d -> d.getCurrentUrl().contains("tab=contracts"));
			long contractId = jdbc.sql("select id from contract where account_id = ?")
				.param(accountId)
				.query(Long.class)
				.single();
			assertThat(runOf(accountId)).isNull();

			// the director, who executes contracts, marks it signed: the prospect's first
			director.open("/accounts/" + accountId + "?tab=contracts");
			new Select(director.find("#status-" + contractId)).selectByValue("ACTIVE");
			director.find("#contract-" + contractId + " .status-form button[type=submit]").click();
			assertThat(director.text("#status-question")).isEqualTo("Make MSA-HF-" + accountId + " active?");
			director.screenshot("workflow-onboarding-02-sign-contract");
			// the rule starts the onboarding; its sixteen steps run on the scheduler
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			Long runId;
			try (LiveRules live = LiveRules.on(context)) {
				director.find("#confirm-status").click();
				director.waitUntil(d -> d.getCurrentUrl().contains("tab=contracts"));
				runId = runOf(accountId);
				while (runId == null && System.nanoTime() < deadline) {
					Thread.sleep(500);
					runId = runOf(accountId);
				}
			}
			am.signIn("am", "demo");
			assertThat(runId).as("the onboarding run of the new client").isNotNull();
			String status = runStatus(runId);
			while (!"COMPLETED".equals(status) && !"FAILED".equals(status) && System.nanoTime() < deadline) {
				Thread.sleep(500);
				status = runStatus(runId);
			}
			long seconds = Duration.ofNanos(System.nanoTime() - (deadline - Duration.ofSeconds(90).toNanos()))
				.toSeconds();
			assertThat(status).as("the run's status after %d s", seconds).isEqualTo("COMPLETED");

			// the run page: sixteen steps done, each with its line in the activity
			am.open("/workflows/runs/" + runId);
			List<String> stepStatuses = am.findAll(".wf-step .wf-step-status").stream().map(e -> e.getText()).toList();
			assertThat(stepStatuses).hasSize(16).allMatch("Done"::equals);
			String activity = am.text("#run-activity");
			assertThat(activity).contains("Welcome email to Ingrid Halvorsen", "Assign an account manager to " + name,
					"Onboarding checklist: " + name, "Schedule the QBR with " + name, ".pdf");
			am.screenshot("workflow-onboarding-03-run");
			am.scrollTo("#run-activity");
			am.screenshot("workflow-onboarding-04-run-activity");

			// the health report: listed on step 15, a real PDF about this client
			var link = am.find("#step-health-report").findElement(By.cssSelector("a[href*='/workflows/files/']"));
			String href = link.getAttribute("href");
			byte[] pdf = am.download(href.substring(href.indexOf("/workflows/files/")));
			assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
			Path file = Path.of("target/screenshots/workflow-onboarding-health-report.pdf");
			Files.createDirectories(file.getParent());
			Files.write(file, pdf);
			try (PDDocument document = Loader.loadPDF(pdf)) {
				assertThat(document.getNumberOfPages()).isPositive();
				assertThat(new PDFTextStripper().getText(document)).contains(name);
			}
			Process render = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", file.toString(),
					"target/screenshots/workflow-onboarding-05-health-report")
				.inheritIO()
				.start();
			assertThat(render.waitFor()).isZero();

			// the account is active now
			am.open("/accounts/" + accountId);
			assertThat(am.text("#account-status")).isEqualTo("Active");
			am.screenshot("workflow-onboarding-06-account-active");

			// the welcome email reached the client's contact
			MimeMessage welcome = SentMails.await(jdbc, email, "Welcome");
			assertThat(welcome.getSubject()).contains(name);

			// the tasks are in their assignees' lists
			List<Map<String, Object>> tasks = jdbc.sql(
					"select t.title, u.username from task t join app_user u on u.id = t.assignee_id where t.account_id = ? order by t.id")
				.param(accountId)
				.query()
				.listOfRows();
			assertThat(tasks).extracting(t -> (String) t.get("title"))
				.contains("Assign an account manager to " + name, "Onboarding checklist: " + name,
						"Schedule the QBR with " + name);
			for (Map<String, Object> task : tasks) {
				try (Browser assignee = new Browser(base)) {
					assignee.signIn((String) task.get("username"), "demo");
					// filtered to the new client, as a person with a long list looks for
					// them
					assignee.open("/tasks?account=" + accountId);
					assertThat(assignee.text("main")).as("My tasks of %s", task.get("username"))
						.contains((String) task.get("title"));
					if (task.get("title").toString().startsWith("Assign")) {
						assignee.screenshot("workflow-onboarding-07-tasks-" + task.get("username"));
					}
				}
			}

			// one contact where there were two: the one with the email
			am.open("/accounts/" + accountId + "?tab=contacts");
			assertThat(am.findAll(".contact-row")).hasSize(1);
			assertThat(am.text("#contacts")).contains("Ingrid Halvorsen", email);
			am.screenshot("workflow-onboarding-08-one-contact");
		}
	}

	private void addContact(Browser browser, long accountId, String name, String email, String phone) {
		browser.open("/accounts/" + accountId + "/contacts/new");
		browser.find("#name").sendKeys(name);
		if (email != null) {
			browser.find("#email").sendKeys(email);
		}
		browser.find("#phone").sendKeys(phone);
		browser.find("#save-contact").click();
		browser.waitUntil(d -> d.getCurrentUrl().contains("tab=contacts"));
	}

	private Long runOf(long accountId) {
		return jdbc.sql("""
				select r.id from workflow_run r
				join workflow_template_version v on v.id = r.template_version_id
				join workflow_template t on t.id = v.template_id
				where r.account_id = ? and t.template_key = 'onboarding'""")
			.param(accountId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private String runStatus(long runId) {
		return jdbc.sql("select status from workflow_run where id = ?").param(runId).query(String.class).single();
	}

}
