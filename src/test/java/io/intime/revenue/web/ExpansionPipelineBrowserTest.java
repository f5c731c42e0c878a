package io.intime.revenue.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec 02 steps 11 and 15 in a real Chromium with the demo world: the account manager
 * drags a card forward on the pipeline board, drafts a proposal, lowers a rate below the
 * rate card and requests a review; the sales director returns it with a comment; the
 * manager raises the rate, the director approves; the manager sends it and downloads the
 * PDF. The opportunity is the test's own, at an account of the manager's that no other
 * test reads and that already has an open opportunity over $100K (its health does not
 * move); it is deleted at the end with the review's tasks and notices.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE)
class ExpansionPipelineBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountManagerDraftsAProposalTheDirectorReturnsAndApprovesItAndItIsSentAsAPdf() throws Exception {
		long account = jdbc.sql("""
				select a.id from account a
				join app_user u on u.id = a.owner_id
				where u.username = 'am' and a.archived_at is null and a.billing_currency = 'USD'
				  and a.name not in ('TechCorp', 'DataSystems Inc.', 'ABC Technologies', 'MegaBank', 'FinanceHub',
				                     'RetailCo', 'GlobalCo', 'GrowthStartup', 'MegaCorp', 'TechStart Inc', 'HealthTech',
				                     'InnovateCorp', 'InsureCo')
				  and exists (select 1 from opportunity o where o.account_id = a.id and o.currency = 'USD'
				              and o.amount > 150000 and o.stage in ('IDENTIFIED','QUALIFIED','PROPOSAL','NEGOTIATION'))
				  and exists (select 1 from contract c join contract_rate r on r.contract_id = c.id
				              where c.account_id = a.id and c.status = 'ACTIVE' and c.currency = 'USD')
				order by a.name desc limit 1""").query(Long.class).single();
		String accountName = jdbc.sql("select name from account where id = :a")
			.param("a", account)
			.query(String.class)
			.single();
		Long opportunity = null;
		try (Browser am = new Browser("http://localhost:" + port)) {
			am.signIn("am", "demo");
			am.open("/accounts/" + account + "/opportunities/new");
			am.find("[data-field=title] input").sendKeys("Creative studio – marketing designers");
			am.find("[data-field=value] input").sendKeys("90000");
			am.find("#save-opportunity").click();
			am.waitUntil(d -> am.currentPath().endsWith("/opportunities"));
			opportunity = jdbc.sql(
					"select id from opportunity where account_id = :a and title = 'Creative studio – marketing designers'")
				.param("a", account)
				.query(Long.class)
				.single();

			// the board: the card in Identified, dragged to Qualified
			am.open("/opportunities/board");
			WebElement card = am.find("#card-" + opportunity);
			assertThat(am.find("#xp-stage-IDENTIFIED").getText()).contains("Creative studio – marketing designers");
			assertThat(card.findElement(By.cssSelector(".xp-forward")).getAttribute("aria-label"))
				.isEqualTo("Move " + accountName + " – Creative studio – marketing designers forward to Qualified");
			assertThat(am.find("#xp-coverage-ratio").getText()).matches("[0-9.]+× of 3× target");
			am.screenshot("xp-01-board");
			am.script(
					"""
							const card = document.getElementById(arguments[0]);
							const column = document.getElementById('xp-stage-QUALIFIED');
							const data = new DataTransfer();
							card.dispatchEvent(new DragEvent('dragstart', {dataTransfer: data, bubbles: true}));
							column.dispatchEvent(new DragEvent('dragover', {dataTransfer: data, bubbles: true, cancelable: true}));
							column.dispatchEvent(new DragEvent('drop', {dataTransfer: data, bubbles: true, cancelable: true}));""",
					"card-" + opportunity);
			Long moved = opportunity;
			am.waitUntil(d -> "QUALIFIED".equals(stage(moved)));
			assertThat(am.find("#xp-stage-QUALIFIED").getText()).contains("Creative studio – marketing designers");
			am.screenshot("xp-02-board-after-drag");

			// the opportunity: draft the proposal, lower a rate, save, request review
			am.find("#card-" + opportunity + " .xp-view").click();
			assertThat(am.find("#stage-history").getText()).contains("Identified → Qualified");
			am.find("#draft-proposal").click();
			am.waitUntil(d -> am.currentPath().startsWith("/proposals/"));
			long proposal = Long.parseLong(am.currentPath().substring("/proposals/".length()));
			awaitStatus(am, "Draft");
			List<WebElement> roles = am.findAll("input[name=rateRole]");
			assertThat(roles.get(0).getAttribute("value")).isEqualTo("Graphic Designer");
			am.screenshot("xp-03-proposal-draft");
			WebElement rate = am.findAll("input[name=rateValue]").get(0);
			rate.clear();
			rate.sendKeys("60");
			am.find("#save-proposal").click();
			assertThat(am.find("#proposal-version").getText()).startsWith("Version 2");
			assertThat(am.find("#proposal-flags").getText())
				.contains("needs director approval: Graphic Designer at $60/hr is below the rate card's $65");
			am.find("#request-review").click();
			awaitStatus(am, "In review");
			am.screenshot("xp-04-proposal-in-review");

			try (Browser director = new Browser("http://localhost:" + port)) {
				director.signIn("director", "demo");
				director.open("/proposals/" + proposal);
				director.find("#return-proposal").click();
				assertThat(director.find("#return-comment-error").getText())
					.isEqualTo("Say what should change before it can be approved");
				director.find("#return-comment").sendKeys("Keep the Graphic Designer at the rate card's $65.");
				director.find("#return-proposal").click();
				awaitStatus(director, "Returned");
				director.screenshot("xp-05-director-returned");

				am.open("/proposals/" + proposal);
				assertThat(am.find("#proposal-returned").getText()).contains("Keep the Graphic Designer");
				WebElement again = am.findAll("input[name=rateValue]").get(0);
				again.clear();
				again.sendKeys("65");
				am.find("#save-proposal").click();
				assertThat(am.find("#proposal-version").getText()).startsWith("Version 3");
				assertThat(am.findAll("#proposal-flags")).isEmpty();
				am.find("#request-review").click();
				awaitStatus(am, "In review");

				director.open("/proposals/" + proposal);
				director.find("#approve-proposal").click();
				awaitStatus(director, "Approved");
			}

			am.open("/proposals/" + proposal);
			am.find("#diff-3").click();
			assertThat(am.find("#diff").getText()).contains("Rates");
			assertThat(am.find("#diff del").getText()).contains("60");
			assertThat(am.find("#diff ins").getText()).contains("65");
			am.screenshot("xp-06-diff");
			am.open("/proposals/" + proposal);
			am.find("#send-proposal").click();
			awaitStatus(am, "Sent");
			am.screenshot("xp-07-proposal-sent");
			String href = am.find("#download-pdf").getAttribute("href");
			Object answer = am.script("""
					const x = new XMLHttpRequest();
					x.open('GET', arguments[0], false);
					x.overrideMimeType('text/plain; charset=x-user-defined');
					x.send();
					return [String(x.status), x.getResponseHeader('Content-Type'), x.responseText.substring(0, 5)];""",
					href);
			assertThat(((List<?>) answer).stream().map(String::valueOf).toList()).containsExactly("200",
					"application/pdf", "%PDF-");
			assertThat(stage(opportunity)).isEqualTo("PROPOSAL");
			byte[] pdf = jdbc.sql("select sent_pdf from proposal where id = :p")
				.param("p", proposal)
				.query(byte[].class)
				.single();
			Files.createDirectories(Path.of("target", "screenshots"));
			Files.write(Path.of("target", "screenshots", "xp-proposal.pdf"), pdf);
		}
		finally {
			if (opportunity != null) {
				jdbc.sql(
						"delete from task where record_type = 'proposal' and record_id in (select id from proposal where opportunity_id = :o)")
					.param("o", opportunity)
					.update();
				jdbc.sql(
						"delete from notification where record_type = 'proposal' and record_id in (select id from proposal where opportunity_id = :o)")
					.param("o", opportunity)
					.update();
				jdbc.sql("delete from opportunity where id = :o").param("o", opportunity).update();
			}
		}
	}

	private String stage(long opportunity) {
		return jdbc.sql("select stage from opportunity where id = :o")
			.param("o", opportunity)
			.query(String.class)
			.single();
	}

	/**
	 * Waits for the proposal's status after an action: the click's page load may still be
	 * replacing the page the status was read from.
	 */
	private static void awaitStatus(Browser browser, String expected) {
		browser.waitUntil(d -> {
			try {
				return expected.equals(d.findElement(org.openqa.selenium.By.cssSelector("#proposal-status")).getText());
			}
			catch (org.openqa.selenium.WebDriverException e) {
				return false;
			}
		});
	}

}
