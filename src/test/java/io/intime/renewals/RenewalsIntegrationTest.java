package io.intime.renewals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ContractView;
import io.intime.accounts.ServiceLineForm;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.revenue.ArrLedger;
import io.intime.revenue.ChurnCategory;
import io.intime.shared.StaleVersionException;
import io.intime.shared.database.AccountScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static io.intime.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Renewals on real PostgreSQL: the pipeline of an account manager's contracts ending
 * soon, opening a renewal (by a person, and 90 days before the end on the scheduler's
 * run, once), the forecasts recorded and scored, overriding, and each outcome changing
 * the contracts and the ARR movements.
 */
@IntegrationTest
class RenewalsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ContractManagement contracts;

	@Autowired
	Renewals renewals;

	@Autowired
	RenewalPipeline pipeline;

	@Autowired
	ArrLedger ledger;

	@Autowired
	RenewalRisk risk;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	AccountFixtures fixtures;

	CurrentUser am;

	CurrentUser director;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		director = fixtures.user(Role.SALES_DIRECTOR);
	}

	@Test
	void thePipelineGroupsAnAccountsContractsEndingTogetherAndExplainsTheProbability() {
		AccountDetails account = fixtures.account(am);
		ContractView msa = contract(account, ContractType.MSA, today.plusDays(40), "300000");
		contract(account, ContractType.SOW, today.plusDays(40), "50000");
		AccountDetails later = fixtures.account(am);
		contract(later, ContractType.MSA, today.plusDays(150), "90000");

		RenewalPipeline.View view = pipeline.of(am, 90, a -> true);
		assertThat(view.rows()).singleElement().satisfies(row -> {
			assertThat(row.contractId()).isEqualTo(msa.id());
			assertThat(row.arr().amount()).isEqualByComparingTo("350000");
			assertThat(row.renewalDate()).isEqualTo(today.plusDays(41));
			assertThat(row.probability().contributions()).hasSize(RenewalFactor.values().length);
			assertThat(row.reason()).isNotBlank();
		});
		assertThat(view.atStakeUsd().amount()).isEqualByComparingTo("350000");
		assertThat(pipeline.of(am, 180, a -> true).rows()).hasSize(2);
		assertThatThrownBy(() -> pipeline.of(am, 181, a -> true)).hasMessageContaining("180");
		assertThat(pipeline.of(fixtures.user(Role.ACCOUNT_MANAGER), 180, a -> true).rows()).isEmpty();
	}

	@Test
	void aRenewalIsOpenedOnceWithItsEventAndTasksAndTheScheduledRunOpensTheRest() {
		AccountDetails account = fixtures.account(am);
		ContractView msa = contract(account, ContractType.MSA, today.plusDays(60), "200000");
		AccountDetails other = fixtures.account(am);
		ContractView due = contract(other, ContractType.MSA, today.plusDays(85), "120000");
		ContractView notYet = contract(other, ContractType.SOW, today.plusDays(120), "10000");

		RenewalView opened = renewals.initiate(msa.id(), am);
		assertThat(opened.stage()).isEqualTo(RenewalStage.OPEN);
		assertThat(opened.ownerId()).isEqualTo(am.id());
		assertThat(opened.renewalDate()).isEqualTo(today.plusDays(61));
		assertThat(opened.targetDate()).isEqualTo(today.plusDays(15));
		assertThat(renewals.initiate(msa.id(), am).id()).as("opened once").isEqualTo(opened.id());
		assertThat(jdbc.sql("select count(*) from task where record_type = 'renewal' and record_id = :id")
			.param("id", opened.id())
			.query(Long.class)
			.single()).isEqualTo(2);
		JsonNode event = body(mvc.get()
			.uri("/api/v1/events?type=contract.renewal.initiated&accountId={a}", account.id())
			.with(as(fixtures.executive()))
			.exchange()).get("items").get(0).get("payload");
		assertThat(event.get("current_arr").get("amount").asString()).isEqualTo("200000.00");
		assertThat(event.get("renewal_date").asString()).isEqualTo(today.plusDays(61).toString());
		assertThat(event.get("probability").asInt()).isBetween(1, 99);

		AccountScope both = AccountScope.of(List.of(account.id(), other.id()));
		assertThat(renewals.openDue(both)).as("the other account's contract within 90 days").isEqualTo(1);
		assertThat(renewals.openDue(both)).as("once").isZero();
		assertThat(renewals.ofContracts(List.of(due.id(), notYet.id()), am)).containsOnlyKeys(due.id());
		assertThat(renewals.ofContracts(List.of(due.id()), am).get(due.id()).openedAutomatically()).isTrue();

		assertThatThrownBy(() -> renewals.initiate(msa.id(), fixtures.user(Role.ACCOUNT_MANAGER)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void renewedWithAChangeRenewsEveryContractEndingTogetherAndWritesTheMovements() {
		AccountDetails account = fixtures.account(am);
		ContractView msa = contract(account, ContractType.MSA, today.plusDays(30), "300000");
		ContractView sow = contract(account, ContractType.SOW, today.plusDays(30), "100000");
		ledger.reconcile(List.of(account.id()), "test");
		RenewalView renewal = renewals.initiate(msa.id(), am);
		assertThat(renewal.currentArr().amount()).isEqualByComparingTo("400000");

		RenewalView overridden = renewals.override(renewal.id(), 70, "Procurement asks for a discount",
				renewal.version(), am);
		assertThat(overridden.probability().percent()).isEqualTo(70);
		assertThat(overridden.probability().modelPercent()).isNotNull();
		assertThatThrownBy(() -> renewals.override(renewal.id(), 80, "again", renewal.version(), am))
			.isInstanceOf(StaleVersionException.class);
		assertThatThrownBy(() -> renewals.override(renewal.id(), 101, "x", overridden.version(), am))
			.hasMessageContaining("0 to 100");

		assertThatThrownBy(() -> renewals.close(renewal.id(), RenewalOutcome.RENEWED_WITH_CHANGE,
				new BigDecimal("440000"), null, null, overridden.version(), am))
			.as("an account manager does not execute contracts")
			.isInstanceOf(AccessDeniedException.class);
		RenewalView closed = renewals.close(renewal.id(), RenewalOutcome.RENEWED_WITH_CHANGE, new BigDecimal("440000"),
				null, "Two more roles", overridden.version(), director);
		assertThat(closed.outcome()).isEqualTo(RenewalOutcome.RENEWED_WITH_CHANGE);
		assertThat(closed.outcomeArr().amount()).isEqualByComparingTo("440000");
		assertThat(contracts.get(msa.id(), director).status()).isEqualTo(ContractStatus.RENEWED);
		assertThat(contracts.get(sow.id(), director).status()).isEqualTo(ContractStatus.RENEWED);
		assertThat(contracts.forAccount(account.id(), director)
			.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.map(c -> c.arr().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("440000");

		ledger.reconcile(List.of(account.id()), "test");
		List<String> movements = jdbc
			.sql("select kind || ' ' || amount from arr_movement where account_id = :a and occurred_on = :d"
					+ " order by kind")
			.param("a", account.id())
			.param("d", today)
			.query(String.class)
			.list();
		assertThat(movements).containsExactlyInAnyOrder("EXPANSION 40000.00", "RENEWAL 400000.00");
		assertThatThrownBy(() -> renewals.close(renewal.id(), RenewalOutcome.RENEWED, null, null, null,
				closed.version(), director))
			.hasMessageContaining("closed already");
	}

	@Test
	void aChurnedClientLeavesInItsCategoryAndTheForecastsAreScored() {
		AccountDetails account = fixtures.account(am);
		ContractView msa = contract(account, ContractType.MSA, today.minusDays(1), "150000");
		ledger.reconcile(List.of(account.id()), "test");
		assertThat(renewals.recordForecasts()).isPositive();
		RenewalView renewal = renewals.initiate(msa.id(), am);

		assertThat(errorFields(
				outcome(renewal.id(), director, "{'outcome': 'CHURNED', 'version': %d}".formatted(renewal.version()))))
			.containsExactly("churnCategory");
		assertThat(errorFields(outcome(renewal.id(), director,
				"{'outcome': 'DOWNGRADED', 'newArr': '200000', 'version': %d}".formatted(renewal.version()))))
			.containsExactly("newArr");
		assertThat(outcome(renewal.id(), director,
				"{'outcome': 'CHURNED', 'churnCategory': 'STRUCTURAL', 'note': 'Acquired', 'version': %d}"
					.formatted(renewal.version())))
			.hasStatusOk();
		assertThat(contracts.get(msa.id(), director).status()).isEqualTo(ContractStatus.EXPIRED);
		ledger.reconcile(List.of(account.id()), "test");
		assertThat(jdbc.sql("select churn_category from arr_movement where account_id = :a and kind = 'CHURN'")
			.param("a", account.id())
			.query(String.class)
			.single()).isEqualTo(ChurnCategory.STRUCTURAL.name());
		assertThat(jdbc
			.sql("select bool_and(renewed = false) and count(*) > 0 from renewal_forecast" + " where contract_id = :c")
			.param("c", msa.id())
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(mvc.get().uri("/api/v1/renewals/{id}", renewal.id()).with(as(fixtures.user(Role.RECRUITER))))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(body(mvc.get().uri("/api/v1/renewals/calibration").with(as(director)).exchange()).get("horizons"))
			.hasSize(3);
		assertThat(mvc.get().uri("/api/v1/renewals/calibration").with(as(am))).hasStatus(HttpStatus.FORBIDDEN);
		// legal sees contracts but not invoices, and probabilities read payment behaviour
		CurrentUser legal = fixtures.user(Role.LEGAL);
		assertThat(mvc.get().uri("/api/v1/renewals/{id}", renewal.id()).with(as(legal)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/renewals/pipeline").with(as(legal))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/renewals").with(as(legal))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/renewals/pipeline").with(as(fixtures.user(Role.RECRUITER))))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	private MvcTestResult outcome(long id, CurrentUser user, String body) {
		return mvc.post()
			.uri("/api/v1/renewals/{id}/outcome", id)
			.with(as(user))
			.contentType(MediaType.APPLICATION_JSON)
			.content(json(body))
			.exchange();
	}

	@Test
	void theRiskReportRanksRenewalsBelowHighConfidenceAndCallsAreScheduledOnce() {
		AccountDetails shaky = fixtures.account(am);
		ContractView shakyContract = contract(shaky, ContractType.MSA, today.plusDays(30), "200000");
		AccountDetails solid = fixtures.account(am);
		ContractView solidContract = contract(solid, ContractType.MSA, today.plusDays(60), "500000");
		RenewalView low = renewals.initiate(shakyContract.id(), am);
		renewals.override(low.id(), 40, "Their CFO is consolidating vendors", low.version(), am);
		RenewalView high = renewals.initiate(solidContract.id(), am);
		renewals.override(high.id(), 90, "Signed the expansion last month", high.version(), am);

		RenewalRisk.Report report = risk.report(pipeline.of(am, 90, a -> true));
		assertThat(report.renewalsInWindow()).isEqualTo(2);
		assertThat(report.items()).singleElement().satisfies(item -> {
			assertThat(item.row().accountName()).isEqualTo(shaky.name());
			assertThat(item.row().action()).isEqualTo(RenewalPipeline.Action.URGENT);
			// 200,000 × (1 − 40%)
			assertThat(item.expectedLossUsd().amount()).isEqualByComparingTo("120000");
		});
		assertThat(report.atRiskUsd().amount()).isEqualByComparingTo("200000");
		assertThat(report.sharePercent()).isEqualTo(29); // 200,000 of 700,000

		// the urgent renewal and the one without an executive touch get a call, once
		int added = risk.scheduleCalls(pipeline.of(am, 90, a -> true), am);
		assertThat(added).isEqualTo(2);
		assertThat(jdbc.sql("""
				select count(*) from task where assignee_id = :am and record_type = 'renewal-call'
				   and status = 'OPEN' and priority = 'HIGH' and record_id = :contract""")
			.param("am", am.id())
			.param("contract", shakyContract.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(risk.scheduleCalls(pipeline.of(am, 90, a -> true), am)).isZero();
		assertThat(RenewalRisk.saying(0)).contains("already");

		// "Send proposal" drafts the email from the renewal's terms; the composer merges
		// the contact and the sender
		Renewals.ProposalDraft draft = renewals.proposal(shakyContract.id(), am);
		assertThat(draft.accountId()).isEqualTo(shaky.id());
		assertThat(draft.subject()).contains(shakyContract.number());
		assertThat(draft.body()).contains("{{contact.firstName}}", "Renew " + shakyContract.number(), "$200,000");
		assertThat(mvc.get().uri("/renewals/contracts/{id}/proposal", shakyContract.id()).with(as(am)))
			.hasStatus(HttpStatus.FOUND)
			.redirectedUrl()
			.startsWith("/accounts/" + shaky.id() + "/email/new?subject=Renewal%20proposal");
		assertThat(mvc.get().uri("/renewals/risk").with(as(am))).hasStatusOk()
			.bodyText()
			.contains("Renewal risk report", shaky.name())
			.doesNotContain(solid.name());

		// the risk report reads payment behaviour: not for legal or a recruiter
		assertThat(mvc.get().uri("/renewals/risk").with(as(fixtures.user(Role.LEGAL)))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get()
			.uri("/renewals/contracts/{id}/proposal", shakyContract.id())
			.with(as(fixtures.user(Role.RECRUITER)))).hasStatus(HttpStatus.FORBIDDEN);
		// another account manager does not see the contract
		assertThat(mvc.get()
			.uri("/renewals/contracts/{id}/proposal", shakyContract.id())
			.with(as(fixtures.user(Role.ACCOUNT_MANAGER)))).hasStatus(HttpStatus.FORBIDDEN);
	}

	private ContractView contract(AccountDetails account, ContractType type, LocalDate end, String amount) {
		return contracts.create(account.id(),
				new ContractForm(type, AccountFixtures.unique(type.name()), end.minusYears(1).plusDays(1), end,
						ContractStatus.ACTIVE, "Net 30", "USD",
						List.of(new ServiceLineForm("Staffing", new BigDecimal(amount)))),
				fixtures.executive());
	}

}
