package io.intime.accounts.web;

import java.util.List;
import java.util.Map;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where an account manager lands, and the pages at a phone's width (390 px) and on a
 * laptop (1440 px), in a real Chromium on the demo world. Reads the demo world only
 * (DataSystems Inc. and the {@code am} portfolio); changes nothing in it.
 */
@DemoWorldTest
class AccountsLayoutBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void accountManagerLandsOnTheirPortfolioAndAllAccountsIsOneClickAwayAndSticks() throws Exception {
		long mine = count("select count(*) from account a join app_user u on u.id = a.owner_id"
				+ " where u.username = 'am' and a.archived_at is null");
		long all = count("select count(*) from account where archived_at is null");
		assertThat(mine).isPositive().isLessThan(all);
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.open("/");
			assertThat(browser.find("h1").getText()).isEqualTo("Account Manager Console");
			browser.open("/accounts");
			assertThat(browser.find("#scope-mine").getAttribute("aria-current")).isEqualTo("page");
			assertThat(browser.find("#account-count").getText()).endsWith(mine + " accounts");
			assertThat(browser.findAll("tr.account-row .owner .person-name")).extracting(WebElement::getText)
				.containsOnly("Jordan Reyes");
			assertThat(browser.findAll(".clear-filters")).as("My accounts is a view, not a filter to clear").isEmpty();
			browser.screenshot("layout-01-my-accounts");

			browser.find("#scope-all").click();
			browser.waitUntil(d -> text(browser, "#account-count").endsWith(all + " accounts"));
			assertThat(browser.find("#scope-all").getAttribute("aria-current")).isEqualTo("page");
			assertThat(browser.find("#scope-mine").getAttribute("aria-current")).isNull();
			browser.screenshot("layout-02-all-accounts");

			// Back through the menu: the choice is kept.
			browser.find("a.nav-item[href='/accounts']").click();
			browser.waitUntil(d -> browser.currentPath().equals("/accounts"));
			assertThat(browser.find("#account-count").getText()).endsWith(all + " accounts");
			assertThat(browser.find("#scope-all").getAttribute("aria-current")).isEqualTo("page");

			browser.find("#scope-mine").click();
			browser.waitUntil(d -> text(browser, "#account-count").endsWith(mine + " accounts"));
			browser.find("#account-search").sendKeys("DataSystems Inc.");
			browser.waitUntil(d -> browser.findAll("tr.account-row").size() == 1);
			browser.open("/accounts");
			assertThat(browser.find("#account-count").getText()).endsWith(mine + " accounts");
			assertThat(browser.cspViolations()).as("blocked by the Content-Security-Policy").isEmpty();
		}
	}

	@Test
	void atPhoneWidthAMenuButtonReachesTheNavigationAndNoPageScrollsSideways() throws Exception {
		long dataSystems = count("select id from account where name = 'DataSystems Inc.'");
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.resize(390, 844);
			Map<String, String> pages = Map.of("accounts", "/accounts", "account-360",
					"/accounts/" + dataSystems + "?tab=history", "health", "/accounts/" + dataSystems + "/health");
			for (String name : List.of("accounts", "account-360", "health")) {
				browser.open(pages.get(name));
				browser.find("#content");
				browser.screenshot("layout-390-" + name);
				assertThat(number(browser,
						"return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
					.as("%s scrolls sideways", name)
					.isLessThanOrEqualTo(0);
				assertThat(number(browser, "return document.documentElement.clientWidth")).isLessThanOrEqualTo(390);
				if (!name.equals("accounts")) {
					assertThat(number(browser,
							"""
									const tab = document.querySelector('.tabs .tab.active');
									const bar = tab.closest('.tabs').getBoundingClientRect();
									const box = tab.getBoundingClientRect();
									return box.left >= bar.left && box.right <= bar.right && box.right <= window.innerWidth ? 1 : 0"""))
						.as("%s: the active tab is fully visible", name)
						.isEqualTo(1);
				}

				WebElement menu = browser.find("#menu-button");
				assertThat(browser.findAll("a.nav-item[href='/alerts']").get(0).isDisplayed()).isFalse();
				assertThat(menu.getAttribute("aria-expanded")).isEqualTo("false");
				if (name.equals("accounts")) {
					menu.sendKeys(Keys.ENTER); // a real button: the keyboard opens it
				}
				else {
					menu.click();
				}
				browser.waitUntil(d -> "true".equals(menu.getAttribute("aria-expanded")));
				assertThat(browser.find("a.nav-item[href='/alerts']").isDisplayed()).isTrue();
				assertThat(browser.find(".sidebar a.me[href='/profile']").isDisplayed()).isTrue();
				assertThat(browser.find(".sidebar button[aria-label='Sign out']").isDisplayed()).isTrue();
				assertThat(number(browser,
						"""
								const r = document.querySelector('.sidebar button[aria-label="Sign out"]').getBoundingClientRect();
								return r.bottom <= window.innerHeight && r.right <= window.innerWidth && r.left >= 0 ? 1 : 0"""))
					.as("%s: Sign out is on the screen", name)
					.isEqualTo(1);
				browser.screenshot("layout-390-" + name + "-menu");
				browser.find("a.nav-item[href='/alerts']").sendKeys(Keys.ESCAPE);
				browser.waitUntil(d -> "false".equals(menu.getAttribute("aria-expanded")));
				assertThat(browser.findAll("a.nav-item[href='/alerts']").get(0).isDisplayed()).isFalse();
				assertThat(browser.script("return document.activeElement.id")).isEqualTo("menu-button");
			}
			browser.find("#menu-button").click();
			browser.find("a.nav-item[href='/alerts']").click();
			browser.waitUntil(d -> browser.currentPath().equals("/alerts"));
			assertThat(browser.cspViolations()).as("blocked by the Content-Security-Policy").isEmpty();
		}
	}

	@Test
	void atLaptopWidthTheAccountsTableFitsAndHealthIsALabelledChip() throws Exception {
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("am", "demo");
			browser.resize(1440, 1000);
			browser.open("/accounts");
			browser.find("#scope-all").click();
			browser.waitUntil(d -> "page".equals(browser.script(
					"const all = document.querySelector('#scope-all'); return all && all.getAttribute('aria-current')")));
			browser.screenshot("layout-1440-accounts");
			assertThat(number(browser, """
					const wrap = document.querySelector('#account-results .table-wrap');
					return wrap.scrollWidth - wrap.clientWidth""")).as("the table overflows its box")
				.isLessThanOrEqualTo(0);
			assertThat(number(browser,
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
				.isLessThanOrEqualTo(0);
			assertThat(number(browser, """
					const wrap = document.querySelector('#account-results .table-wrap').getBoundingClientRect();
					const last = document.querySelector('.accounts-table thead th:last-child').getBoundingClientRect();
					return last.right <= wrap.right ? 1 : 0""")).as("Updated is on the screen").isEqualTo(1);

			browser.find("#account-search").sendKeys("DataSystems Inc.");
			browser.waitUntil(d -> browser.findAll("tr.account-row").size() == 1);
			WebElement chip = browser.find("tr.account-row .health-pill");
			assertThat(chip.getText()).isEqualTo("35 · Red");
			browser.screenshot("layout-1440-health-chip");
		}
	}

	/** An element's text read in the page (never stale while the page changes). */
	private static String text(Browser browser, String css) {
		Object text = browser.script(
				"const e = document.querySelector(arguments[0]); return e ? e.textContent.replace(/\\s+/g, ' ').trim() : ''",
				css);
		return String.valueOf(text);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static long number(Browser browser, String script) {
		return ((Number) browser.script(script)).longValue();
	}

}
