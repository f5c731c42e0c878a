package io.intime.automation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ContractView;
import io.intime.accounts.HealthBand;
import io.intime.accounts.Influence;
import io.intime.accounts.ServiceLineForm;
import io.intime.accounts.StakeholderRole;
import io.intime.accounts.Tier;
import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.billing.InvoiceView;
import io.intime.health.HealthBandChanged;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.qbr.QbrScheduling;
import io.intime.qbr.QbrQuarter;
import io.intime.shared.Actor;
import io.intime.shared.PageRequest;
import io.intime.shared.StaleVersionException;
import io.intime.shared.database.AccountScope;
import io.intime.shared.web.MoneyInput;
import io.intime.workflows.RunView;
import io.intime.workflows.WorkflowRuns;
import io.intime.workflows.WorkflowTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.errorMessage;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The automation rules on real PostgreSQL: each condition fires once and only once per
 * occasion (the scan run twice, and two scans at once), through the scan and through the
 * events that happen in between; a disabled rule fires for nothing; admins change rules
 * with the version they read; others are refused; and the firings about an account are
 * shown only to those who see it. Scans are scoped to each test's own accounts (the
 * database is shared with the other tests).
 */
@IntegrationTest
class AutomationRulesIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	AutomationRules rules;

	@Autowired
	AutomationScan scan;

	@Autowired
	AutomationSwitch automation;

	@Autowired
	WorkflowRuns runs;

	@Autowired
	WorkflowTemplates templates;

	@Autowired
	ContractManagement contracts;

	@Autowired
	ContactManagement contacts;

	@Autowired
	AccountManagement accounts;

	@Autowired
	InvoiceManagement invoices;

	@Autowired
	QbrScheduling qbrScheduling;

	@Autowired
	AuditTrail audit;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	AccountFixtures fixtures;

	CurrentUser admin;

	CurrentUser am;

	final LocalDate today = TestClock.today();

	boolean wasLive;

	@BeforeEach
	void setUp() {
		// the listeners act only in the tests of them, on their own accounts' events
		wasLive = automation.live();
		automation.live(false);
		AutomationFixtures.defaults(context);
		fixtures = new AccountFixtures(context);
		admin = fixtures.user(Role.ADMIN);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
	}

	@AfterEach
	void restore() {
		automation.live(wasLive);
	}

	// ------------------------------------------------------------------ conditions

	@Test
	void aContractEndingStartsTheRenewalAndSendsTheSmsOnceEach() {
		AccountDetails soon = fixtures.account(am);
		ContractView endingSoon = contract(soon, today.plusDays(20), "40000");
		AccountDetails later = fixtures.account(am);
		ContractView endingLater = contract(later, today.plusDays(60), "40000");
		AccountDetails notYet = fixtures.account(am);
		contract(notYet, today.plusDays(120), "40000");
		AccountScope scope = AccountScope.of(List.of(soon.id(), later.id(), notYet.id()));

		AutomationScan.Result first = scan.scan(scope);
		assertThat(first.fired()).isEqualTo(3);
		AutomationRule renewal = rule("renewal-90-days");
		assertThat(firings(renewal, soon)).singleElement().satisfies(f -> {
			assertThat(f.occasion()).isEqualTo("contract:" + endingSoon.id() + ":" + today.plusDays(20));
			RunView run = runs.get(f.runId(), admin);
			assertThat(run.contractId()).isEqualTo(endingSoon.id());
			assertThat(run.accountId()).isEqualTo(soon.id());
			assertThat(f.result()).isEqualTo("Started " + run.templateName() + " #" + run.id());
		});
		assertThat(firings(renewal, later)).extracting(Firing::occasion)
			.containsExactly("contract:" + endingLater.id() + ":" + today.plusDays(60));
		assertThat(firings(renewal, notYet)).isEmpty();
		AutomationRule sms = rule("expiry-sms-30-days");
		assertThat(firings(sms, soon)).singleElement().satisfies(f -> {
			assertThat(f.runId()).isNull();
			assertThat(f.result()).startsWith("SMS to " + am.fullName() + ": contract " + endingSoon.number());
		});
		assertThat(firings(sms, later)).isEmpty();
		assertThat(notices(ExpiryAlerts.KIND, endingSoon.id(), am)).isEqualTo(1);

		AutomationScan.Result second = scan.scan(scope);
		assertThat(second.fired()).as("every occasion fired already").isZero();
		assertThat(second.occasions()).isEqualTo(first.occasions());
		assertThat(firings(renewal, soon)).hasSize(1);
		assertThat(firings(sms, soon)).hasSize(1);
		assertThat(runCount(soon)).isEqualTo(1);
	}

	@Test
	void twoScansAtOnceFireEachOccasionOnce() throws Exception {
		AccountDetails account = fixtures.account(am);
		ContractView ending = contract(account, today.plusDays(10), "40000");
		AccountScope scope = AccountScope.of(List.of(account.id()));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<AutomationScan.Result>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				results.add(pool.submit(() -> {
					start.await();
					return scan.scan(scope);
				}));
			}
			start.countDown();
			int fired = 0;
			for (Future<AutomationScan.Result> result : results) {
				fired += result.get(60, TimeUnit.SECONDS).fired();
			}
			assertThat(fired).as("the renewal and the SMS, once between the two scans").isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(firings(rule("renewal-90-days"), account)).hasSize(1);
		assertThat(firings(rule("expiry-sms-30-days"), account)).hasSize(1);
		assertThat(runCount(account)).isEqualTo(1);
		assertThat(notices(ExpiryAlerts.KIND, ending.id(), am)).isEqualTo(1);
	}

	@Test
	void aDisabledRuleFiresForNothingUntilItIsEnabled() {
		AutomationRule disabled = rules
			.create(new RuleForm("Early renewal (test)", ConditionKind.CONTRACT_ENDING, 15, null, null,
					ActionKind.START_WORKFLOW, templateId("annual-renewal"), OwnerKind.ACCOUNT_MANAGER, null, false),
					admin);
		try {
			AccountDetails account = fixtures.account(am);
			contract(account, today.plusDays(5), "40000");
			AccountScope scope = AccountScope.of(List.of(account.id()));

			scan.scan(scope);
			assertThat(firings(disabled, account)).isEmpty();
			assertThat(firings(rule("renewal-90-days"), account)).hasSize(1);

			AutomationRule enabled = rules.update(disabled.id(), disabled.form().withEnabled(true), disabled.version(),
					admin);
			assertThat(scan.scan(scope).fired()).isEqualTo(1);
			assertThat(firings(enabled, account)).hasSize(1);
		}
		finally {
			disable(disabled.id());
		}
	}

	@Test
	void healthBelowTheThresholdFiresOncePerDropAndTheSponsorOwnsWhatTheRuleSaysSo() {
		CurrentUser sponsor = fixtures.user(Role.EXECUTIVE);
		AccountDetails account = accounts.create(new io.intime.accounts.AccountForm(AccountFixtures.unique("Health"),
				"Technology", 100, "Austin, TX", "America/Chicago", AccountStatus.ACTIVE, Tier.STANDARD, false,
				LocalDate.of(2021, 3, 1), am.id(), sponsor.id(), "USD", "North America"), fixtures.executive());
		AutomationRule sponsored = rules.create(
				new RuleForm("Sponsor's health check (test)", ConditionKind.HEALTH_BELOW, null, 45, null,
						ActionKind.START_WORKFLOW, templateId("health-check"), OwnerKind.EXECUTIVE_SPONSOR, null, true),
				admin);
		try {
			AccountScope scope = AccountScope.of(List.of(account.id()));
			score(account, today.minusDays(20), 72);
			score(account, today.minusDays(12), 58);
			score(account, today.minusDays(5), 41);

			scan.scan(scope);
			AutomationRule healthRule = rule("health-below-60");
			assertThat(firings(healthRule, account)).extracting(Firing::occasion)
				.containsExactly("account:" + account.id() + ":health:" + today.minusDays(12));
			assertThat(firings(sponsored, account)).singleElement().satisfies(f -> {
				assertThat(f.occasion()).isEqualTo("account:" + account.id() + ":health:" + today.minusDays(5));
				assertThat(runs.get(f.runId(), admin).ownerId()).isEqualTo(sponsor.id());
			});
			assertThat(runs.get(firings(healthRule, account).get(0).runId(), admin).ownerId()).isEqualTo(am.id());
			assertThat(scan.scan(scope).fired()).as("the same drop").isZero();

			score(account, today.minusDays(3), 66);
			assertThat(scan.scan(scope).fired()).as("recovered").isZero();
			score(account, today.minusDays(1), 52);
			scan.scan(scope);
			assertThat(firings(healthRule, account)).extracting(Firing::occasion)
				.containsExactlyInAnyOrder("account:" + account.id() + ":health:" + today.minusDays(12),
						"account:" + account.id() + ":health:" + today.minusDays(1));
			assertThat(firings(sponsored, account)).as("52 is not below 45").hasSize(1);
		}
		finally {
			disable(sponsored.id());
		}
	}

	@Test
	void aHealthBandChangeIsLookedAtAtOnce() {
		AccountDetails account = fixtures.account(am);
		score(account, today.minusDays(30), 70);
		score(account, today, 45);
		automation.live(true);
		try {
			new TransactionTemplate(transactions)
				.executeWithoutResult(status -> events.publishEvent(new HealthBandChanged(account.id(),
						HealthBand.YELLOW, HealthBand.RED, 45, Actor.SYSTEM, TestClock.now())));
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(firings(rule("health-below-60"), account)).extracting(Firing::occasion)
					.containsExactly("account:" + account.id() + ":health:" + today));
		}
		finally {
			automation.live(false);
		}
	}

	@Test
	void eachQuarterStartsTheQbrWorkflowOfStrategicAndGrowthAccountsOnceWithTheirQbr() {
		AccountDetails growth = fixtures.account(am);
		contract(growth, today.plusDays(200), "250000");
		AccountDetails standard = fixtures.account(am);
		contract(standard, today.plusDays(200), "40000");
		AccountDetails flagged = fixtures.strategicAccount(am, fixtures.executive());
		assertThat(fixtures.reload(growth).tier()).isEqualTo(Tier.GROWTH);
		qbrScheduling.planFor(List.of(am.id()));
		Long qbr = jdbc.sql("select id from qbr where account_id = ? and quarter = ? and status <> 'CANCELLED'")
			.params(growth.id(), QbrQuarter.of(today).code())
			.query(Long.class)
			.single();
		AccountScope scope = AccountScope.of(List.of(growth.id(), standard.id(), flagged.id()));

		scan.scan(scope);
		AutomationRule quarterly = rule("quarterly-qbr");
		String quarter = QbrQuarter.of(today).code();
		assertThat(firings(quarterly, growth)).singleElement().satisfies(f -> {
			assertThat(f.occasion()).isEqualTo("account:" + growth.id() + ":" + quarter);
			assertThat(runs.get(f.runId(), admin).qbrId()).isEqualTo(qbr);
		});
		assertThat(firings(quarterly, flagged)).extracting(Firing::occasion)
			.containsExactly("account:" + flagged.id() + ":" + quarter);
		assertThat(firings(quarterly, standard)).isEmpty();
		assertThat(scan.scan(scope).fired()).isZero();
		assertThat(firings(quarterly, growth)).hasSize(1);
	}

	@Test
	void aKeyContactLeavingStartsAHealthCheckOnceThroughItsEvent() {
		AccountDetails account = fixtures.account(am);
		ContactView champion = fixtures.contact(account);
		ContactView other = contacts.create(account.id(), new ContactForm(AccountFixtures.unique("Clerk"), "Clerk",
				null, null, "America/Chicago", StakeholderRole.OTHER, Influence.LOW, true), fixtures.executive());
		AutomationRule leaving = rule("key-contact-left");
		automation.live(true);
		try {
			deactivate(other);
			deactivate(champion);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(firings(leaving, account)).extracting(Firing::occasion)
					.containsExactly("contact:" + champion.id() + ":left"));
		}
		finally {
			automation.live(false);
		}
		assertThat(scan.contactLeft(other.id()).occasions()).as("not a key contact").isZero();
		assertThat(scan.contactLeft(champion.id()).fired()).as("once").isZero();
		assertThat(firings(leaving, account)).singleElement()
			.satisfies(f -> assertThat(runs.get(f.runId(), admin).accountId()).isEqualTo(account.id()));
	}

	@Test
	void aDisputedInvoiceStartsTheBillingDisputeWithTheInvoice() {
		AccountDetails account = fixtures.account(am);
		CurrentUser finance = fixtures.user(Role.FINANCE);
		InvoiceView invoice = invoices.create(account.id(),
				new InvoiceForm(AccountFixtures.unique("INV"), today.minusDays(10), today.plusDays(20),
						new MoneyInput(new BigDecimal("2400.00"), "USD"), InvoiceStatus.OPEN, null, null),
				finance);
		automation.live(true);
		try {
			invoices.dispute(invoice.id(), "Charged twice for March", invoice.stamp().version(), finance);
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(
						() -> assertThat(firings(rule("billing-dispute"), account)).singleElement().satisfies(f -> {
							assertThat(f.occasion()).isEqualTo("invoice:" + invoice.id() + ":disputed:" + today);
							assertThat(runs.get(f.runId(), admin).invoiceId()).isEqualTo(invoice.id());
						}));
		}
		finally {
			automation.live(false);
		}
		assertThat(scan.invoiceDisputed(account.id(), invoice.id(), TestClock.now()).fired()).isZero();
	}

	@Test
	void aProspectsFirstSignedContractStartsItsOnboardingOnce() {
		AccountDetails prospect = accounts.create(new io.intime.accounts.AccountForm(AccountFixtures.unique("Won"),
				"Technology", 300, "Austin, TX", "America/Chicago", AccountStatus.PROSPECT, null, false, null, am.id(),
				null, "USD", "North America"), fixtures.executive());
		ContractView draft = contracts.create(prospect.id(),
				new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), today,
						today.plusYears(1).minusDays(1), ContractStatus.DRAFT, "Net 30", "USD",
						List.of(new ServiceLineForm("Staffing", new BigDecimal("120000")))),
				fixtures.executive());
		AccountDetails client = fixtures.account(am);
		ContractView running = contract(client, today.plusDays(200), "40000");
		AutomationRule onboarding = rule("first-contract-onboarding");
		automation.live(true);
		try {
			contracts.changeStatus(draft.id(), ContractStatus.ACTIVE, null, draft.stamp().version(),
					fixtures.executive());
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(firings(onboarding, prospect)).singleElement().satisfies(f -> {
					assertThat(f.occasion()).isEqualTo("account:" + prospect.id() + ":first-contract");
					assertThat(runs.get(f.runId(), admin).contractId()).isEqualTo(draft.id());
				}));
		}
		finally {
			automation.live(false);
		}
		assertThat(scan.contractChanged(prospect.id(), draft.id()).fired()).as("once").isZero();
		scan.contractChanged(client.id(), running.id());
		assertThat(firings(onboarding, client)).as("an active client is no prospect").isEmpty();
	}

	// ------------------------------------------------------------------ editing

	@Test
	void anAdminChangesARuleWithTheVersionReadAndAStaleVersionIsRefused() {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/automation-rules")
			.with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'name': 'Renewal 120 days out (test)', 'condition': 'CONTRACT_ENDING', 'days': 120, "
					+ "'action': 'START_WORKFLOW', 'templateId': %d, 'enabled': false}"
						.formatted(templateId("annual-renewal"))))
			.exchange();
		assertThat(created).hasStatus(HttpStatus.CREATED);
		long id = body(created).get("id").asLong();
		assertThat(created.getResponse().getHeader("Location")).isEqualTo("/api/v1/automation-rules/" + id);
		long version = body(created).get("version").asLong();

		MvcTestResult changed = patch(id, admin,
				"{'version': %d, 'days': 75, 'ownerKind': 'EXECUTIVE_SPONSOR'}".formatted(version));
		assertThat(changed).hasStatusOk();
		assertThat(body(changed).get("days").asInt()).isEqualTo(75);
		assertThat(body(changed).get("ownerKind").asString()).isEqualTo("EXECUTIVE_SPONSOR");
		assertThat(body(changed).get("version").asLong()).isEqualTo(version + 1);
		assertThat(audit.history(AutomationRules.ENTITY, id, new PageRequest(0, 20)).items()).anySatisfy(entry -> {
			assertThat(entry.field()).isEqualTo("days");
			assertThat(entry.oldValue()).isEqualTo("120");
			assertThat(entry.newValue()).isEqualTo("75");
			assertThat(entry.actorName()).isEqualTo(admin.username());
		});

		MvcTestResult stale = patch(id, admin, "{'version': %d, 'days': 60}".formatted(version));
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(body(stale).get("detail").asString()).contains("changed by someone else");
		assertThatThrownBy(() -> rules.update(id, rules.get(id, admin).form().withDays(30), version, admin))
			.isInstanceOf(StaleVersionException.class);
		assertThat(rules.get(id, admin).days()).isEqualTo(75);

		MvcTestResult zero = patch(id, admin, "{'version': %d, 'days': 0}".formatted(version + 1));
		assertThat(zero).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(zero)).containsExactly("days");
		assertThat(errorMessage(zero, "days")).contains("from 1 to 365");
		assertThat(errorFields(patch(id, admin, "{'version': %d, 'days': 'soon'}".formatted(version + 1))))
			.containsExactly("days");
		MvcTestResult sms = patch(id, admin, "{'version': %d, 'action': 'SMS_ALERT'}".formatted(version + 1));
		assertThat(errorMessage(sms, "days")).contains("from 1 to 30");
		assertThat(errorFields(
				patch(id, admin, "{'version': %d, 'ownerKind': 'USER', 'templateId': 999999}".formatted(version + 1))))
			.containsExactlyInAnyOrder("templateId", "ownerUserId");
		assertThat(errorFields(patch(id, admin, "{'version': %d, 'condition': 'QUARTERLY'}".formatted(version + 1))))
			.containsExactly("condition");
		MvcTestResult unknown = mvc.post()
			.uri("/api/v1/automation-rules")
			.with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'name': 'x', 'condition': 'RAINING'}"))
			.exchange();
		assertThat(unknown).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(unknown)).containsExactly("condition");
		MvcTestResult noTiers = mvc.post()
			.uri("/api/v1/automation-rules")
			.with(as(admin))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json("{'name': 'QBR (test)', 'condition': 'QUARTERLY', 'tiers': [], 'templateId': %d}"
				.formatted(templateId("qbr"))))
			.exchange();
		assertThat(errorFields(noTiers)).containsExactly("tiers");
	}

	@Test
	void theRulePageNamesTheWrongFieldAndShowsAConflictBesideTheEntries() {
		AutomationRule rule = rules
			.create(new RuleForm("Renewal 100 days out (page test)", ConditionKind.CONTRACT_ENDING, 100, null, null,
					ActionKind.START_WORKFLOW, templateId("annual-renewal"), OwnerKind.ACCOUNT_MANAGER, null, false),
					admin);
		MvcTestResult wrong = postRule(rule, "abc", rule.version());
		assertThat(wrong).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(wrong).bodyText().contains("&#39;abc&#39; is not a whole number", "id=\"error-days\"");
		MvcTestResult tooMany = postRule(rule, "400", rule.version());
		assertThat(tooMany).bodyText().contains("must be from 1 to 365");

		assertThat(postRule(rule, "80", rule.version())).hasStatus(HttpStatus.FOUND);
		assertThat(rules.get(rule.id(), admin).days()).isEqualTo(80);
		MvcTestResult stale = postRule(rule, "70", rule.version());
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(stale).bodyText().contains("Someone else changed this", "data-conflict-field=\"days\"");
		assertThat(rules.get(rule.id(), admin).days()).isEqualTo(80);
	}

	// ------------------------------------------------------------------ who may

	@Test
	void onlyAdminsChangeRulesAndRunTheScanWhileDirectorsAndExecutivesRead() {
		AutomationRule rule = rule("renewal-90-days");
		String patch = json("{'version': %d, 'days': 80}".formatted(rule.version()));
		for (Role role : List.of(Role.SALES_DIRECTOR, Role.EXECUTIVE)) {
			CurrentUser reader = fixtures.user(role);
			assertThat(mvc.get().uri("/api/v1/automation-rules").with(as(reader))).hasStatusOk();
			assertThat(mvc.get().uri("/automation").with(as(reader))).hasStatusOk()
				.bodyText()
				.contains(rule.name())
				.doesNotContain("id=\"scan-now\"");
			assertThat(mvc.get().uri("/automation/rules/{id}", rule.id()).with(as(reader))).hasStatusOk()
				.bodyText()
				.contains("id=\"rule-facts\"")
				.doesNotContain("id=\"rule-form\"");
			assertThat(mvc.patch()
				.uri("/api/v1/automation-rules/{id}", rule.id())
				.with(as(reader))
				.contentType(MediaType.APPLICATION_JSON)
				.content(patch)).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post()
				.uri("/api/v1/automation-rules")
				.with(as(reader))
				.contentType(MediaType.APPLICATION_JSON)
				.content(json("{'name': 'x', 'condition': 'BILLING_DISPUTE'}"))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/api/v1/automation-rules/scan").with(as(reader)))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/automation/scan").with(as(reader))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/automation/rules/new").with(as(reader))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(postRule(rule, "80", rule.version(), reader)).hasStatus(HttpStatus.FORBIDDEN);
		}
		for (Role role : List.of(Role.ACCOUNT_MANAGER, Role.RECRUITER, Role.FINANCE)) {
			CurrentUser other = fixtures.user(role);
			assertThat(mvc.get().uri("/api/v1/automation-rules").with(as(other))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/api/v1/automation-rules/{id}/firings", rule.id()).with(as(other)))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/automation").with(as(other))).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(rules.get(rule.id(), admin).version()).as("nothing changed").isEqualTo(rule.version());
	}

	@Test
	void anAdminRunsTheScanThroughTheApi() {
		List<AutomationRule> all = rules.list(admin).stream().filter(AutomationRule::enabled).toList();
		all.forEach(r -> disable(r.id()));
		try {
			MvcTestResult result = mvc.post().uri("/api/v1/automation-rules/scan").with(as(admin)).exchange();
			assertThat(result).hasStatusOk();
			JsonNode scanned = body(result);
			assertThat(scanned.get("rules").asInt()).as("all off").isZero();
			assertThat(scanned.get("fired").asInt()).isZero();
			assertThat(scanned.has("millis")).isTrue();
		}
		finally {
			all.forEach(r -> {
				AutomationRule now = rules.get(r.id(), admin);
				rules.update(r.id(), now.form().withEnabled(true), now.version(), admin);
			});
		}
	}

	@Test
	void theFiringsOfAnAccountAreShownOnlyToThoseWhoSeeTheAccount() {
		AccountDetails account = fixtures.account(am);
		contract(account, today.plusDays(45), "40000");
		scan.scan(AccountScope.of(List.of(account.id())));
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);

		assertThat(mvc.get().uri("/api/v1/automation-firings?accountId={id}", account.id()).with(as(recruiter)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/automation-firings").with(as(am))).hasStatus(HttpStatus.BAD_REQUEST);

		fixtures.onTeam(account, recruiter);
		MvcTestResult onTeam = mvc.get()
			.uri("/api/v1/automation-firings?accountId={id}", account.id())
			.with(as(recruiter))
			.exchange();
		assertThat(onTeam).hasStatusOk();
		assertThat(body(onTeam).get("total").asInt()).isEqualTo(1);
		JsonNode seen = body(onTeam).get("items").get(0);
		assertThat(seen.get("accountName").asString()).isEqualTo(account.name());
		assertThat(seen.get("runId").isNull()).as("recruiters read no workflows").isTrue();
		assertThat(seen.get("result").asString()).isEqualTo("Started a workflow you do not see");
		MvcTestResult owner = mvc.get()
			.uri("/api/v1/automation-firings?accountId={id}", account.id())
			.with(as(am))
			.exchange();
		assertThat(body(owner).get("items").get(0).get("result").asString()).startsWith("Started Annual Renewal #");
		assertThat(body(owner).get("items").get(0).get("runId").isNull()).isFalse();
	}

	// ------------------------------------------------------------------ helpers

	record Firing(String occasion, Long runId, String result) {
	}

	private List<Firing> firings(AutomationRule rule, AccountDetails account) {
		return jdbc
			.sql("select occasion, run_id, result from automation_firing where rule_id = ? and account_id = ?"
					+ " order by id")
			.params(rule.id(), account.id())
			.query((rs, n) -> new Firing(rs.getString(1), (Long) rs.getObject(2), rs.getString(3)))
			.list();
	}

	private AutomationRule rule(String key) {
		return rules.list(admin).stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
	}

	private long templateId(String key) {
		return templates.byKey(key).orElseThrow().id();
	}

	private void disable(long id) {
		AutomationRule now = rules.get(id, admin);
		if (now.enabled()) {
			rules.update(id, now.form().withEnabled(false), now.version(), admin);
		}
	}

	private ContractView contract(AccountDetails account, LocalDate end, String amount) {
		return contracts.create(account.id(),
				new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), end.minusYears(1).plusDays(1), end,
						ContractStatus.ACTIVE, "Net 30", "USD",
						List.of(new ServiceLineForm("Staffing", new BigDecimal(amount)))),
				fixtures.executive());
	}

	private long runCount(AccountDetails account) {
		return jdbc.sql("select count(*) from workflow_run where account_id = ?")
			.param(account.id())
			.query(Long.class)
			.single();
	}

	private long notices(String kind, long contractId, CurrentUser recipient) {
		return jdbc
			.sql("select count(*) from notification where kind = ? and record_type = 'contract' and record_id = ?"
					+ " and recipient_id = ?")
			.params(kind, contractId, recipient.id())
			.query(Long.class)
			.single();
	}

	/**
	 * Records a health score computed on {@code day}, as the health module's recompute
	 * writes it: the history row, and the current score.
	 */
	private void score(AccountDetails account, LocalDate day, int score) {
		String band = score >= 80 ? "GREEN" : score >= 50 ? "YELLOW" : "RED";
		Timestamp at = Timestamp.from(day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC));
		// the model the health module scores with (version 1, the default, on a new
		// database)
		int model = context.getBean(io.intime.health.model.HealthModels.class).current().version();
		jdbc.sql("""
				insert into account_health_history (account_id, as_of, computed_at, model_version, score, band, points)
				values (?, ?, ?, ?, ?, ?, '{}')""").params(account.id(), day, at, model, score, band).update();
		jdbc.sql(
				"""
						insert into account_health (account_id, as_of, computed_at, model_version, score, band, points, fingerprint)
						values (:a, :day, :at, :m, :score, :band, '{}', 0)
						on conflict (account_id) do update set as_of = :day, computed_at = :at, score = :score, band = :band""")
			.param("a", account.id())
			.param("day", day)
			.param("at", at)
			.param("m", model)
			.param("score", score)
			.param("band", band)
			.update();
	}

	private void deactivate(ContactView contact) {
		ContactView current = contacts.get(contact.id(), fixtures.executive());
		contacts.update(contact.id(),
				new ContactForm(current.name(), current.title(), current.email(), current.phone(), current.timeZone(),
						current.stakeholderRole(), current.influence(), false),
				current.stamp().version(), fixtures.executive());
	}

	private MvcTestResult patch(long id, CurrentUser user, String body) {
		return mvc.patch()
			.uri("/api/v1/automation-rules/{id}", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

	private MvcTestResult postRule(AutomationRule rule, String days, long version) {
		return postRule(rule, days, version, admin);
	}

	private MvcTestResult postRule(AutomationRule rule, String days, long version, CurrentUser user) {
		return mvc.post()
			.uri("/automation/rules/{id}", rule.id())
			.with(as(user))
			.param("name", rule.name())
			.param("condition", rule.condition().name())
			.param("days", days)
			.param("action", rule.action().name())
			.param("templateId", String.valueOf(rule.templateId()))
			.param("ownerKind", rule.ownerKind().name())
			.param("enabled", String.valueOf(rule.enabled()))
			.param("version", String.valueOf(version))
			.exchange();
	}

}
