package io.intime.accounts.web;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.io.ContactImport;
import io.intime.health.HealthFacts;
import io.intime.health.alerts.AlertStatus;
import io.intime.health.alerts.AlertView;
import io.intime.health.alerts.Alerts;
import io.intime.health.scoring.HealthRecompute;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Deleting an account archives it: every record of every module stays, the account leaves
 * lists, searches, exports and health; executives and admins restore it; only an admin's
 * purge, confirmed with the account's name, removes it, and its audit entry outlives it.
 */
@IntegrationTest
class AccountArchiveIntegrationTest {

	/** The tables of other modules (and of accounts) whose rows belong to an account. */
	private static final List<String> ACCOUNT_TABLES = List.of("account_team_member", "contact", "contract", "job",
			"placement", "invoice", "activity", "nps_response", "escalation", "opportunity", "account_health",
			"account_health_history", "health_alert");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HealthRecompute recompute;

	@Autowired
	Alerts alerts;

	@Autowired
	AccountManagement accounts;

	@Autowired
	ContactImport contactImport;

	AccountFixtures fixtures;

	CurrentUser owner;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		owner = fixtures.user(Role.ACCOUNT_MANAGER);
	}

	/**
	 * An account with a record in every module, a health score and open alerts (no
	 * hiring, an overdue invoice).
	 */
	private AccountDetails accountWithFactsEverywhere() {
		AccountDetails account = fixtures.account(owner);
		ContactView contact = fixtures.contact(account);
		fixtures.contract(account, ContractStatus.ACTIVE, "USD", "120000");
		fixtures.onTeam(account, fixtures.user(Role.RECRUITER));
		LocalDate today = recompute.today();
		new HealthFacts(jdbc, account.id()).placement("Engineer", today.minusDays(75), null)
			.invoice(today.minusDays(80), 30, null, new BigDecimal("85420.00"))
			.nps(6, today.minusDays(20), "Slow")
			.activity("CALL", "OUTBOUND", today.minusDays(3), false, contact.id())
			.escalation(AccountFixtures.unique("ESC-ARC"), "Late shortlist", today.minusDays(10), null)
			.opportunity("More engineers", 50_000, today.minusDays(15));
		recompute.recompute(List.of(account.id()));
		assertThat(alerts.forAccount(account.id(), owner)).extracting(AlertView::status).contains(AlertStatus.OPEN);
		return account;
	}

	private Map<String, Long> rowsOf(long accountId) {
		Map<String, Long> rows = new LinkedHashMap<>();
		for (String table : ACCOUNT_TABLES) {
			rows.put(table,
					jdbc.sql("select count(*) from " + table + " where account_id = :id")
						.param("id", accountId)
						.query(Long.class)
						.single());
		}
		rows.put("service_line", jdbc
			.sql("select count(*) from service_line l join contract c on c.id = l.contract_id "
					+ "where c.account_id = :id")
			.param("id", accountId)
			.query(Long.class)
			.single());
		return rows;
	}

	private long listed(String query, CurrentUser user) {
		return body(mvc.get().uri("/api/v1/accounts" + query).with(as(user)).exchange()).get("total").asLong();
	}

	// ------------------------------------------------------------ archive

	@Test
	void deletingArchivesTheAccountKeepingEveryRecordOfEveryModule() {
		AccountDetails account = accountWithFactsEverywhere();
		Map<String, Long> before = rowsOf(account.id());
		assertThat(before.values()).allMatch(count -> count > 0);
		CurrentUser director = fixtures.user(Role.SALES_DIRECTOR);

		assertThat(mvc.delete().uri("/api/v1/accounts/{id}", account.id()).with(as(director)))
			.hasStatus(HttpStatus.NO_CONTENT);

		assertThat(rowsOf(account.id())).isEqualTo(before);
		JsonNode read = body(mvc.get().uri("/api/v1/accounts/{id}", account.id()).with(as(owner)).exchange());
		assertThat(read.get("archivedAt").isNull()).isFalse();
		assertThat(read.get("archivedBy").asString()).isEqualTo(director.username());
	}

	@Test
	void anArchivedAccountLeavesListsSearchesAndExportsAndShowsUnderTheArchivedFilter() {
		AccountDetails account = fixtures.account(owner);
		String q = "?q=" + account.name();
		assertThat(listed(q, owner)).isOne();

		accounts.archive(account.id(), fixtures.executive());

		assertThat(listed(q, owner)).isZero();
		assertThat(listed(q, fixtures.executive())).isZero();
		assertThat(listed("?ownerId=" + owner.id(), owner)).isZero();
		assertThat(accounts.exportable(owner)).extracting(AccountSummary::id).doesNotContain(account.id());
		assertThat(listed(q + "&archived=true", fixtures.executive())).isOne();
		assertThat(listed(q + "&archived=true", fixtures.user(Role.ADMIN))).isOne();
		assertThat(mvc.get().uri("/api/v1/accounts" + q + "&archived=true").with(as(owner)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(
				mvc.get().uri("/api/v1/accounts" + q + "&archived=true").with(as(fixtures.user(Role.SALES_DIRECTOR))))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void aContactImportNoLongerFindsAnArchivedAccount() {
		AccountDetails account = fixtures.account(owner);
		byte[] csv = ("account,name,email,stakeholder_role,influence\n" + account.key() + ",Kim Ng,kim." + account.id()
				+ "@client.example,CHAMPION,HIGH\n")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		assertThat(contactImport.preview(csv, fixtures.executive()).rows().get(0).errorFor("account")).isNull();

		accounts.archive(account.id(), fixtures.executive());

		assertThat(contactImport.preview(csv, fixtures.executive()).rows().get(0).errorFor("account"))
			.contains("no account with the key or name");
	}

	@Test
	void healthSkipsAnArchivedAccountAndClearsItsOpenAlerts() {
		AccountDetails account = accountWithFactsEverywhere();
		long historyBefore = rowsOf(account.id()).get("account_health_history");

		accounts.archive(account.id(), fixtures.executive());

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(alerts.forAccount(account.id(), owner)).isNotEmpty().allSatisfy(alert -> {
				assertThat(alert.status()).isEqualTo(AlertStatus.RESOLVED);
				assertThat(alert.resolution()).isEqualTo("CLEARED");
			}));
		// New facts would move the score of a live account; an archived one keeps its
		// last score.
		new HealthFacts(jdbc, account.id()).openJobs(3, recompute.today())
			.placement("Analyst", recompute.today(), null);
		assertThat(recompute.recompute(List.of(account.id())).accounts()).isZero();
		assertThat(rowsOf(account.id()).get("account_health_history")).isEqualTo(historyBefore);
		assertThat(alerts.forAccount(account.id(), owner)).noneMatch(alert -> alert.status() != AlertStatus.RESOLVED);
	}

	@Test
	void archivingIsAuditedFieldByFieldAndLoggedAsAccountArchived() {
		AccountDetails account = fixtures.account(owner);
		CurrentUser executive = fixtures.executive();

		assertThat(mvc.delete().uri("/api/v1/accounts/{id}", account.id()).with(as(executive)))
			.hasStatus(HttpStatus.NO_CONTENT);
		// A second delete changes nothing more.
		assertThat(mvc.delete().uri("/api/v1/accounts/{id}", account.id()).with(as(executive)))
			.hasStatus(HttpStatus.NO_CONTENT);

		JsonNode audit = body(mvc.get()
			.uri("/api/v1/audit?entityType=account&entityId={id}", account.id())
			.with(as(executive))
			.exchange()).get("items");
		assertThat(audit.get(0).get("action").asString()).isEqualTo("UPDATE");
		assertThat(audit.get(0).get("field").asString()).isEqualTo("archived");
		assertThat(audit.get(0).get("oldValue").asString()).isEqualTo("false");
		assertThat(audit.get(0).get("newValue").asString()).isEqualTo("true");
		assertThat(audit.get(0).get("actorId").asLong()).isEqualTo(executive.id());
		JsonNode events = body(mvc.get()
			.uri("/api/v1/events?type=account.archived&accountId={id}", account.id())
			.with(as(executive))
			.exchange()).get("items");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("payload").get("account_id").asLong()).isEqualTo(account.id());
		assertThat(events.get(0).get("payload").get("archived_by").asLong()).isEqualTo(executive.id());
		assertThat(events.get(0).get("payload").get("timestamp").asString()).endsWith("Z");
	}

	@Test
	void anAccountManagerMayNotArchiveEvenTheirOwnAccount() {
		AccountDetails account = fixtures.account(owner);

		assertThat(mvc.delete().uri("/api/v1/accounts/{id}", account.id()).with(as(owner)))
			.hasStatus(HttpStatus.FORBIDDEN);

		assertThat(fixtures.reload(account).archived()).isFalse();
	}

	// ------------------------------------------------------------ restore

	@Test
	void anExecutiveOrAdminRestoresAnArchivedAccountAndNobodyElse() {
		AccountDetails account = fixtures.account(owner);
		accounts.archive(account.id(), fixtures.executive());

		for (Role role : List.of(Role.SALES_DIRECTOR, Role.ACCOUNT_MANAGER, Role.FINANCE)) {
			assertThat(mvc.post().uri("/api/v1/accounts/{id}/restore", account.id()).with(as(fixtures.user(role))))
				.hasStatus(HttpStatus.FORBIDDEN);
		}
		CurrentUser admin = fixtures.user(Role.ADMIN);
		MvcTestResult restored = mvc.post()
			.uri("/api/v1/accounts/{id}/restore", account.id())
			.with(as(admin))
			.exchange();

		assertThat(restored).hasStatusOk();
		assertThat(body(restored).get("archivedAt").isNull()).isTrue();
		assertThat(listed("?q=" + account.name(), owner)).isOne();
		JsonNode audit = body(mvc.get()
			.uri("/api/v1/audit?entityType=account&entityId={id}", account.id())
			.with(as(admin))
			.exchange()).get("items");
		assertThat(audit.get(0).get("field").asString()).isEqualTo("archived");
		assertThat(audit.get(0).get("newValue").asString()).isEqualTo("false");
		assertThat(audit.get(0).get("actorId").asLong()).isEqualTo(admin.id());
		JsonNode events = body(mvc.get()
			.uri("/api/v1/events?type=account.restored&accountId={id}", account.id())
			.with(as(admin))
			.exchange()).get("items");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).get("payload").get("restored_by").asLong()).isEqualTo(admin.id());
	}

	@Test
	void aRestoredAccountIsScoredAgain() {
		AccountDetails account = accountWithFactsEverywhere();
		accounts.archive(account.id(), fixtures.executive());
		assertThat(recompute.recompute(List.of(account.id())).accounts()).isZero();

		accounts.restore(account.id(), fixtures.executive());

		assertThat(recompute.recompute(List.of(account.id())).accounts()).isOne();
	}

	// ------------------------------------------------------------ purge

	@Test
	void aPurgeIsRefusedToNonAdminsWithoutTheRightNameAndForALiveAccount() {
		AccountDetails account = fixtures.account(owner);
		CurrentUser admin = fixtures.user(Role.ADMIN);
		String confirmed = json("{'confirm': '%s'}".formatted(account.name()));

		MvcTestResult live = purge(account, admin, confirmed);
		assertThat(live).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(live)).containsExactly("archived");

		accounts.archive(account.id(), fixtures.executive());
		assertThat(purge(account, fixtures.executive(), confirmed)).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(purge(account, owner, confirmed)).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult wrongName = purge(account, admin, json("{'confirm': '%s'}".formatted(account.name() + "x")));
		assertThat(wrongName).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(wrongName)).containsExactly("confirm");
		assertThat(errorFields(purge(account, admin, "{}"))).containsExactly("confirm");

		assertThat(jdbc.sql("select count(*) from account where id = :id")
			.param("id", account.id())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aPurgeRemovesTheAccountWithEveryRecordAndItsAuditEntryOutlivesIt() {
		AccountDetails account = accountWithFactsEverywhere();
		accounts.archive(account.id(), fixtures.executive());
		CurrentUser admin = fixtures.user(Role.ADMIN);

		assertThat(purge(account, admin, json("{'confirm': ' %s '}".formatted(account.name()))))
			.hasStatus(HttpStatus.NO_CONTENT);

		assertThat(mvc.get().uri("/api/v1/accounts/{id}", account.id()).with(as(admin)))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(rowsOf(account.id()).values()).allMatch(count -> count == 0);
		JsonNode audit = body(mvc.get()
			.uri("/api/v1/audit?entityType=account&entityId={id}", account.id())
			.with(as(admin))
			.exchange()).get("items");
		assertThat(audit.get(0).get("action").asString()).isEqualTo("DELETE");
		assertThat(audit.get(0).get("actorId").asLong()).isEqualTo(admin.id());
		assertThat(audit.get(0).get("detail").asString()).contains(account.key()).contains(account.name());
		JsonNode events = body(mvc.get()
			.uri("/api/v1/events?type=account.deleted&accountId={id}", account.id())
			.with(as(admin))
			.exchange()).get("items");
		assertThat(events).hasSize(1);
	}

	private MvcTestResult purge(AccountDetails account, CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/accounts/{id}/purge", account.id())
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	// ------------------------------------------------------------ pages

	private Document page(String path, CurrentUser user) throws Exception {
		MvcTestResult result = mvc.get().uri(path).with(as(user)).exchange();
		assertThat(result).hasStatusOk();
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	@Test
	void anArchivedAccountsPageShowsTheBannerWithRestoreForExecutivesAndPurgeForAdmins() throws Exception {
		AccountDetails account = fixtures.account(owner);
		String path = "/accounts/" + account.id();
		Document live = page(path, fixtures.executive());
		assertThat(live.select("#archived-banner")).isEmpty();
		assertThat(live.select("#delete-account")).hasSize(1);

		accounts.archive(account.id(), fixtures.executive());

		Document executive = page(path, fixtures.executive());
		assertThat(executive.selectFirst("#archived-banner").text()).contains("Archived")
			.contains(fixtures.executive().username());
		assertThat(executive.select("#restore-account")).hasSize(1);
		assertThat(executive.select("#purge-form")).isEmpty();
		assertThat(executive.select("#delete-account")).isEmpty();
		Document admin = page(path, fixtures.user(Role.ADMIN));
		assertThat(admin.select("#restore-account")).hasSize(1);
		assertThat(admin.selectFirst("#purge-form").attr("action")).isEqualTo(path + "/purge");
		assertThat(admin.select("#purge-form input[name=confirm]")).hasSize(1);
		Document manager = page(path, owner);
		assertThat(manager.select("#archived-banner")).hasSize(1);
		assertThat(manager.select("#restore-account, #purge-form, #delete-account")).isEmpty();
		Document director = page(path + "?tab=contacts", fixtures.user(Role.SALES_DIRECTOR));
		assertThat(director.select("#archived-banner")).hasSize(1);
		assertThat(director.select("#restore-account, #purge-form")).isEmpty();
	}

	@Test
	void theArchivedFilterOfTheListIsOfferedToExecutivesAndAdminsAndListsTheArchived() throws Exception {
		AccountDetails account = fixtures.account(owner);
		accounts.archive(account.id(), fixtures.executive());

		assertThat(page("/accounts?q=" + account.name(), owner).select("#filter-archived")).isEmpty();
		assertThat(page("/accounts?q=" + account.name(), owner).select("tr.account-row")).isEmpty();
		Document archived = page("/accounts?archived=true&q=" + account.name(), fixtures.executive());
		assertThat(archived.selectFirst("#filter-archived option[selected]").attr("value")).isEqualTo("true");
		assertThat(archived.select("tr.account-row a.account-link").eachText()).containsExactly(account.name());
		assertThat(mvc.get().uri("/accounts?archived=true").with(as(owner))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void thePageButtonsArchiveRestoreAndPurgeWithTheTypedName() {
		AccountDetails account = fixtures.account(owner);
		CurrentUser admin = fixtures.user(Role.ADMIN);

		assertThat(mvc.post().uri("/accounts/{id}/delete", account.id()).with(as(fixtures.executive())).with(csrf()))
			.hasStatus(HttpStatus.FOUND)
			.hasRedirectedUrl("/accounts");
		assertThat(fixtures.reload(account).archived()).isTrue();
		assertThat(mvc.post().uri("/accounts/{id}/restore", account.id()).with(as(fixtures.executive())).with(csrf()))
			.hasRedirectedUrl("/accounts/" + account.id());
		assertThat(fixtures.reload(account).archived()).isFalse();
		accounts.archive(account.id(), fixtures.executive());

		assertThat(mvc.post()
			.uri("/accounts/{id}/purge", account.id())
			.param("confirm", account.name())
			.with(as(fixtures.executive()))
			.with(csrf())).hasStatus(HttpStatus.FORBIDDEN);
		MvcTestResult wrong = mvc.post()
			.uri("/accounts/{id}/purge", account.id())
			.param("confirm", "not the name")
			.with(as(admin))
			.with(csrf())
			.exchange();
		assertThat(wrong).hasRedirectedUrl("/accounts/" + account.id());
		assertThat(wrong).flash().containsKey("flashError");
		assertThat(fixtures.reload(account).archived()).isTrue();
		assertThat(mvc.post()
			.uri("/accounts/{id}/purge", account.id())
			.param("confirm", account.name())
			.with(as(admin))
			.with(csrf())).hasRedirectedUrl("/accounts?archived=true");
		assertThat(jdbc.sql("select count(*) from account where id = :id")
			.param("id", account.id())
			.query(Long.class)
			.single()).isZero();
	}

}
