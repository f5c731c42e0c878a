package io.intime.reporting;

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
import io.intime.accounts.ServiceLineForm;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.revenue.ArrLedger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scorecard of a portfolio made here (one client since two years, $100K, one lost 30
 * days ago, $25K): NRR and expansion from the movements, QBR completion missing (none was
 * due), the account manager's own only, and the director's comparison.
 */
@IntegrationTest
class ScorecardsIntegrationTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ContractManagement contracts;

	@Autowired
	ArrLedger ledger;

	@Test
	void anAccountManagersScorecardFromTheirMovementsWithQbrsMissing() {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser am = fixtures.user(Role.ACCOUNT_MANAGER);
		LocalDate today = TestClock.today();
		AccountDetails kept = fixtures.account(am);
		AccountDetails lost = fixtures.account(am);
		contract(fixtures, kept, today.minusYears(2), today.plusMonths(6), ContractStatus.ACTIVE, "100000");
		contract(fixtures, lost, today.minusYears(2), today.minusDays(31), ContractStatus.EXPIRED, "25000");
		ledger.reconcile(List.of(kept.id(), lost.id()), "test");

		JsonNode history = body(mvc.get().uri("/api/v1/scorecards").with(as(am)).exchange());
		assertThat(history).hasSize(12);
		JsonNode month = history.get(11);
		JsonNode nrr = month.get("components").get(0);
		assertThat(nrr.get("metric").asString()).isEqualTo("NRR");
		assertThat(nrr.get("value").decimalValue()).isEqualByComparingTo("80.0");
		assertThat(nrr.get("attainment").decimalValue()).isEqualByComparingTo("72.7");
		JsonNode qbr = month.get("components").get(5);
		assertThat(qbr.get("value").isNull()).as("no QBR was due yet").isTrue();
		assertThat(qbr.get("missing").asString()).isEqualTo("No QBR was due in the 12 months");
		assertThat(month.get("rating").asString()).isNotEqualTo("NOT_RATED");

		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThat(mvc.get().uri("/api/v1/scorecards?ownerId={o}", am.id()).with(as(other)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/v1/scorecards/team").with(as(other))).hasStatus(HttpStatus.FORBIDDEN);
		JsonNode team = body(
				mvc.get().uri("/api/v1/scorecards/team").with(as(fixtures.user(Role.SALES_DIRECTOR))).exchange());
		assertThat(team.findValuesAsString("ownerName")).contains(am.fullName());
		assertThat(mvc.get().uri("/scorecard").with(as(am))).hasStatusOk();
	}

	private void contract(AccountFixtures fixtures, AccountDetails account, LocalDate start, LocalDate end,
			ContractStatus status, String amount) {
		contracts.create(
				account.id(), new ContractForm(ContractType.MSA, AccountFixtures.unique("MSA"), start, end, status,
						"Net 30", "USD", List.of(new ServiceLineForm("Staffing", new BigDecimal(amount)))),
				fixtures.executive());
	}

}
