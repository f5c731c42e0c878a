package io.intime.escalations.web;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jordan Reyes's escalations (spec 02 steps 8 and 14): the queue; RetailCo's late
 * submission taken on (Sarah Kim told), waiting on the client, resolved inside its SLA
 * after a refused attempt without a resolution; HealthTech's P1 raised from David Lee's
 * urgent email, prefilled, with its response clock running; and the admin's SLA policy
 * page refusing an unreadable target by name. Runs late: it changes RetailCo's story.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 6)
class EscalationBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/**
	 * The toast of the last step may cover the button: click it as a keyboard user would.
	 */
	private static void submit(Browser browser) {
		browser.script("document.getElementById('move-submit').click();");
	}

	@Test
	void takeOwnershipResolveWithinSlaAndRaiseFromAnInboundEmail() throws Exception {
		long retailEscalation = jdbc
			.sql("select e.id from escalation e join account a on a.id = e.account_id where a.name = 'RetailCo' "
					+ "and e.title like 'Late submission%'")
			.query(Long.class)
			.single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");

			// the queue: RetailCo's escalation, nobody owns it yet
			browser.open("/escalations?owner=none");
			assertThat(browser.find(".queue-row[data-key] .row-title").isDisplayed()).isTrue();
			String retailRow = ".queue-row:has(a[href='/escalations/" + retailEscalation + "'])";
			assertThat(browser.find(retailRow).getText()).contains("RetailCo").contains("P2");
			browser.open("/escalations");
			browser.screenshot("escalations-01-queue");

			// take ownership (spec 02 step 8)
			browser.find(retailRow + " a.row-title").click();
			browser.waitUntil(d -> browser.currentPath().equals("/escalations/" + retailEscalation));
			assertThat(browser.find("#owner").getText()).isEqualTo("Nobody yet");
			browser.find("#take-ownership").click();
			browser.waitUntil(d -> browser.find("#owner").getText().equals("Jordan Reyes"));
			assertThat(browser.find("#status").getText()).isEqualTo("In progress");
			browser.waitUntil(d -> browser.find("#toast").getText().contains("Sarah Kim was notified"));
			assertThat(jdbc.sql("""
					select count(*) from notification n join app_user u on u.id = n.recipient_id
					 where n.record_type = 'escalation' and n.record_id = :id and u.username = 'sarah.kim'
					   and n.occasion like 'owner-%'""").param("id", retailEscalation).query(Long.class).single())
				.isEqualTo(1);
			assertThat(browser.find("#response-clock").getText()).contains("Answered in time");

			// waiting on the client pauses the resolution clock
			new Select(browser.find("#move-status")).selectByValue("WAITING_ON_CLIENT");
			browser.find("#move-note").sendKeys("Emailed Jennifer the options: rate, requirements, timeline");
			submit(browser);
			browser.waitUntil(d -> browser.find("#status").getText().equals("Waiting on client"));
			assertThat(browser.find("#paused").isDisplayed()).isTrue();

			// resolving without a resolution is refused by name, nothing changes
			new Select(browser.find("#move-status")).selectByValue("RESOLVED");
			submit(browser);
			browser.waitUntil(d -> !d.findElements(By.cssSelector("#action-errors")).isEmpty());
			assertThat(browser.find("#action-errors [data-field='resolutionCategory']").getText())
				.contains("is required to resolve");
			assertThat(browser.find("#status").getText()).isEqualTo("Waiting on client");
			new Select(browser.find("#move-status")).selectByValue("RESOLVED");
			new Select(browser.find("#resolutionCategory")).selectByValue("EXPECTATIONS_RESET");
			browser.find("#rootCause").sendKeys("Rate $75/hr below the ~$90/hr market for Retail + Healthcare UX");
			submit(browser);
			browser.waitUntil(d -> browser.find("#status").getText().equals("Resolved"));
			assertThat(browser.find("#resolution-clock").getText()).contains("Within SLA");
			assertThat(browser.findAll(".incident-log li")).hasSizeGreaterThanOrEqualTo(5);
			browser.screenshot("escalations-02-retailco-resolved");
			assertThat(jdbc.sql("select resolution_met from escalation where id = :id")
				.param("id", retailEscalation)
				.query(Boolean.class)
				.single()).isTrue();

			// HealthTech's urgent email becomes a P1 (spec 02 step 14)
			browser.open("/activities/pending");
			browser.find(".pending-email[data-account='HealthTech'] a[id^='escalate-']").click();
			browser.waitUntil(d -> browser.currentPath().endsWith("/escalations/new"));
			assertThat(browser.find("#from-email").getText()).contains("URGENT: contractor did not show up today");
			assertThat(browser.find("#title").getAttribute("value"))
				.isEqualTo("URGENT: contractor did not show up today");
			assertThat(new Select(browser.find("#contactId")).getFirstSelectedOption().getText())
				.startsWith("David Lee");
			assertThat(browser.find("#suggested-severity").getText()).isEqualTo("P1 – High");
			assertThat(browser.find("input[name='severity'][value='P1']").isSelected()).isTrue();
			new Select(browser.find("#category")).selectByValue("NO_SHOW");
			browser.find("#impact").sendKeys("Release blocked");
			browser.screenshot("escalations-03-raise-from-email");
			browser.find("#save-escalation").click();
			browser.waitUntil(d -> browser.currentPath().matches("/escalations/\\d+"));
			assertThat(browser.find(".severity-pill").getText()).isEqualTo("P1 – High");
			assertThat(browser.find("#owner").getText()).as("the matrix: the AM manages a P1 directly")
				.isEqualTo("Jordan Reyes");
			assertThat(browser.find("#response-clock").getText()).contains("Waiting");
			assertThat(browser.find("#clocks").getText()).contains("respond < 4 h · resolve < 1 d");
			browser.screenshot("escalations-04-healthtech-p1");
			long p1 = Long.parseLong(browser.currentPath().substring("/escalations/".length()));
			assertThat(jdbc.sql("""
					select u.username from notification n join app_user u on u.id = n.recipient_id
					 where n.record_id = :id and n.kind = 'escalation.raised'""")
				.param("id", p1)
				.query(String.class)
				.list()).contains("jennifer.walsh");

			// bad input on the raise form: the title is named and the rest kept
			long healthTech = jdbc.sql("select id from account where name = 'HealthTech'").query(Long.class).single();
			browser.open("/accounts/" + healthTech + "/escalations/new");
			browser.find("#description").sendKeys("Timesheets differ from invoices");
			browser.find("#save-escalation").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector("[data-field='title'] .field-error")).isEmpty());
			assertThat(browser.find("#description").getAttribute("value")).isEqualTo("Timesheets differ from invoices");
		}

		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("admin", "demo");
			browser.open("/admin/sla-policy");
			assertThat(browser.find("#P1-resolution").getAttribute("value")).isEqualTo("24");
			browser.find("#P2-response").clear();
			browser.find("#P2-response").sendKeys("a day");
			browser.find("#save-policy").click();
			browser.waitUntil(d -> !d.findElements(By.cssSelector(".field-error")).isEmpty());
			assertThat(browser.find(".field-error").getText()).contains("'a day' is not a number of hours");
			assertThat(browser.find("#P2-response").getAttribute("value")).as("kept as typed").isEqualTo("a day");
			assertThat(browser.find("#P1-resolution").getAttribute("value")).isEqualTo("24");
			browser.screenshot("escalations-05-sla-policy");
		}
	}

}
