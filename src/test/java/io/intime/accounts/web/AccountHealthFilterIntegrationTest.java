package io.intime.accounts.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.HealthBand;
import io.intime.accounts.HealthMark;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

/** Health as a filter and sort of the accounts list, in the API and the page. */
@IntegrationTest
class AccountHealthFilterIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountManagement accounts;

	AccountFixtures fixtures;

	CurrentUser owner;

	AccountDetails red;

	AccountDetails yellow;

	AccountDetails green;

	AccountDetails unscored;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		owner = fixtures.user(Role.ACCOUNT_MANAGER);
		red = fixtures.account(owner);
		yellow = fixtures.account(owner);
		green = fixtures.account(owner);
		unscored = fixtures.account(owner);
		Instant now = TestClock.now();
		accounts.recordHealth(List.of(new HealthMark(red.id(), 35, HealthBand.RED, now),
				new HealthMark(yellow.id(), 70, HealthBand.YELLOW, now),
				new HealthMark(green.id(), 95, HealthBand.GREEN, now)));
	}

	@Test
	void filtersTheApiByBandAndScoreRange() {
		assertThat(names("band=RED")).containsExactly(red.name());
		assertThat(names("healthMin=50")).containsExactly(yellow.name(), green.name());
		assertThat(names("healthMin=50&healthMax=79")).containsExactly(yellow.name());
		assertThat(names("band=GREEN&healthMax=90")).isEmpty();
	}

	@Test
	void sortsByHealthWithUnscoredAccountsLastEitherWay() {
		assertThat(names("sort=health")).containsExactly(red.name(), yellow.name(), green.name(), unscored.name());
		assertThat(names("sort=health&direction=desc")).containsExactly(green.name(), yellow.name(), red.name(),
				unscored.name());
	}

	@Test
	void showsTheScoreOnEachSummaryAndOnTheAccount() {
		JsonNode page = body(get("/api/v1/accounts?ownerId=" + owner.id() + "&band=RED"));
		assertThat(page.get("items").get(0).get("healthScore").asInt()).isEqualTo(35);
		assertThat(page.get("items").get(0).get("healthBand").asString()).isEqualTo("RED");
		JsonNode account = body(get("/api/v1/accounts/" + unscored.id()));
		assertThat(account.get("healthScore").isNull()).isTrue();
	}

	@Test
	void refusesAScoreRangeOutsideZeroToHundredNamingTheField() {
		MvcTestResult result = get("/api/v1/accounts?healthMin=-1&healthMax=101");
		assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(result)).containsExactlyInAnyOrder("healthMin", "healthMax");
		MvcTestResult reversed = get("/api/v1/accounts?healthMin=80&healthMax=50");
		assertThat(reversed).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorMessage(reversed, "healthMax")).contains("healthMin");
		assertThat(get("/api/v1/accounts?band=PURPLE")).hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void anOlderMarkNeverReplacesANewerOneAndTheAccountVersionStays() {
		long version = fixtures.reload(red).stamp().version();
		accounts
			.recordHealth(List.of(new HealthMark(red.id(), 90, HealthBand.GREEN, TestClock.now().minusSeconds(3600))));
		AccountDetails reloaded = fixtures.reload(red);
		assertThat(reloaded.healthScore()).isEqualTo(35);
		assertThat(reloaded.healthBand()).isEqualTo(HealthBand.RED);
		assertThat(reloaded.stamp().version()).isEqualTo(version);
	}

	@Test
	void thePageFiltersByBandAndShowsTheScoreInItsColour() throws Exception {
		MvcTestResult result = mvc.get()
			.uri("/accounts?owner=" + owner.id() + "&band=YELLOW")
			.with(as(owner))
			.accept(MediaType.TEXT_HTML)
			.exchange();
		assertThat(result).hasStatusOk();
		Document page = Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(page.select("tr.account-row .account-link").eachText()).containsExactly(yellow.name());
		assertThat(page.select("tr.account-row .health-pill.YELLOW").text()).isEqualTo("70 · Yellow");
		assertThat(page.select("#filter-band option[selected]").attr("value")).isEqualTo("YELLOW");
	}

	private List<String> names(String filter) {
		JsonNode page = body(get("/api/v1/accounts?ownerId=" + owner.id() + "&" + filter));
		List<String> names = new ArrayList<>();
		page.get("items").forEach(item -> names.add(item.get("name").asString()));
		return names;
	}

	private MvcTestResult get(String uri) {
		return mvc.get().uri(uri).with(as(owner)).exchange();
	}

}
