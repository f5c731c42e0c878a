package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import io.intime.shared.PageRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A year of contract changes in one portfolio, made through {@link ContractManagement}
 * with the clock on each change's day: the movements the ledger derives from them, and
 * NRR, GRR and churn month by month and over the year, as spec 03 computes them.
 */
@IntegrationTest
class RetentionIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	ContractManagement contracts;

	@Autowired
	ArrLedger ledger;

	@Autowired
	RevenueKpis kpis;

	AccountFixtures fixtures;

	CurrentUser executive;

	CurrentUser am;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		executive = fixtures.executive();
		am = fixtures.user(Role.ACCOUNT_MANAGER);
	}

	@AfterEach
	void resetClock() {
		TestClock.INSTANCE.reset();
	}

	/**
	 * Four clients worth $1M on Jan 1, 2025 (contracts since mid-2024); in 2025 Alpha
	 * expands by $200K (March), Beta's project stops (−$50K, May), Gamma leaves (−$100K,
	 * July), Delta renews at $330K instead of $300K (October) and Epsilon arrives ($80K,
	 * November): spec 03's worked example plus a renewal and a new logo.
	 */
	@Test
	void aYearOfContractChangesGivesSpec03sRetentionMonthByMonth() {
		on("2024-12-20");
		AccountDetails alpha = account("Alpha");
		AccountDetails beta = account("Beta");
		AccountDetails gamma = account("Gamma");
		AccountDetails delta = account("Delta");
		ContractView alphaMsa = contract(alpha, "MSA", "2024-06-01", "2026-05-31", ContractStatus.ACTIVE, "400000");
		contract(beta, "MSA", "2024-06-01", "2026-05-31", ContractStatus.ACTIVE, "150000");
		ContractView betaSow = contract(beta, "SOW", "2024-07-01", "2025-12-31", ContractStatus.ACTIVE, "50000");
		ContractView gammaMsa = contract(gamma, "MSA", "2024-08-01", "2025-07-31", ContractStatus.ACTIVE, "100000");
		ContractView deltaMsa = contract(delta, "MSA", "2024-10-01", "2025-09-30", ContractStatus.ACTIVE, "300000");
		reconcile(alpha, beta, gamma, delta);

		on("2025-03-10");
		contracts.update(alphaMsa.id(), form(alphaMsa, "400000", "200000"), alphaMsa.stamp().version(), executive);
		reconcile(alpha);

		on("2025-05-15");
		contracts.changeStatus(betaSow.id(), ContractStatus.TERMINATED, null, version(betaSow), executive);
		reconcile(beta);

		on("2025-08-01");
		contracts.changeStatus(gammaMsa.id(), ContractStatus.EXPIRED, null, version(gammaMsa), executive);
		reconcile(gamma);

		on("2025-10-01");
		ContractView successor = contract(delta, "MSA", "2025-10-01", "2026-09-30", ContractStatus.DRAFT, "330000");
		contracts.changeStatus(deltaMsa.id(), ContractStatus.RENEWED, null, version(deltaMsa), executive);
		reconcile(delta);
		contracts.changeStatus(successor.id(), ContractStatus.ACTIVE, null, version(successor), executive);
		reconcile(delta);

		on("2025-11-03");
		AccountDetails epsilon = account("Epsilon");
		contract(epsilon, "MSA", "2025-11-01", "2026-10-31", ContractStatus.ACTIVE, "80000");
		reconcile(epsilon);
		on("2025-12-31");

		RevenueSegment portfolio = RevenueSegment.portfolioOf(am.id());
		RevenueKpis.Report year = kpis.report(portfolio, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
				executive);
		Retention.Figures f = year.retention().constant();
		assertThat(f.startingArr()).isEqualByComparingTo("1000000");
		assertThat(f.expansion()).as("Alpha +200K, Delta renewed +30K").isEqualByComparingTo("230000");
		assertThat(f.contraction()).isEqualByComparingTo("50000");
		assertThat(f.churn()).isEqualByComparingTo("100000");
		assertThat(f.nrr()).isEqualByComparingTo("108.0");
		assertThat(f.grr()).isEqualByComparingTo("85.0");
		assertThat(f.newLogoArr()).isEqualByComparingTo("80000");
		assertThat(f.renewedArr()).isEqualByComparingTo("300000");
		assertThat(year.retention().startingClients()).isEqualTo(4);
		assertThat(year.retention().churnedClients()).isEqualTo(1);
		assertThat(year.retention().logoChurnRate()).isEqualByComparingTo("25.0");
		assertThat(year.retention().newClients()).isEqualTo(1);
		assertThat(f.churnOf(ChurnCategory.VOLUNTARY)).isEqualByComparingTo("100000");

		// month by month: each month's own NRR and GRR over the clients it started with
		List<String> monthly = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth month = YearMonth.of(2025, m);
			Retention.Figures mf = kpis.report(portfolio, month.atDay(1), month.atEndOfMonth(), executive)
				.retention()
				.constant();
			monthly.add(month.getMonthValue() + ":" + mf.nrr() + "/" + mf.grr());
		}
		assertThat(monthly).containsExactly("1:100.0/100.0", "2:100.0/100.0", "3:120.0/100.0", "4:100.0/100.0",
				"5:95.8/95.8", "6:100.0/100.0", "7:100.0/100.0", "8:91.3/91.3", "9:100.0/100.0", "10:102.9/100.0",
				"11:100.0/100.0", "12:100.0/100.0");

		// the trailing-year series ends with the same year
		List<RevenueKpis.Month> series = kpis.trailingYear(portfolio, YearMonth.of(2025, 12), executive);
		assertThat(series).hasSize(12);
		assertThat(series.get(11).trailingYear().constant().nrr()).isEqualByComparingTo("108.0");
		assertThat(series.get(2).inMonth().constant().expansion()).isEqualByComparingTo("200000");

		// each figure drills down to its movements
		var churns = kpis.movements(portfolio, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
				RevenueKpis.Figure.CHURN, null, new PageRequest(0, 50), executive);
		assertThat(churns.items()).singleElement().satisfies(m -> {
			assertThat(m.accountId()).isEqualTo(gamma.id());
			assertThat(m.occurredOn()).isEqualTo(LocalDate.of(2025, 8, 1));
			assertThat(m.amount().amount()).isEqualByComparingTo("-100000");
			assertThat(m.cause()).contains("expired without renewal");
		});
		var renewals = kpis.movements(portfolio, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
				RevenueKpis.Figure.RENEWALS, null, new PageRequest(0, 50), executive);
		assertThat(renewals.items()).singleElement()
			.satisfies(m -> assertThat(m.cause()).contains("renewed as " + successor.number()));
		var newClients = kpis.movements(portfolio, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31),
				RevenueKpis.Figure.NEW_CLIENTS, null, new PageRequest(0, 50), executive);
		assertThat(newClients.items()).extracting(ArrMovement::accountId).containsExactly(epsilon.id());

		// the ledger agrees with the accounts' ARR
		assertThat(ledger.recordedArr(delta.id()).get("USD")).isEqualByComparingTo("330000");
		assertThat(ledger.recordedArr(gamma.id()).get("USD")).isEqualByComparingTo("0");
	}

	@Test
	void anAccountManagerReportsOnTheirOwnPortfolioOnly() {
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		LocalDate today = TestClock.today();
		assertThat(kpis.report(RevenueSegment.company(), today.minusYears(1), today, am).segmentLabel())
			.endsWith("'s portfolio");
		assertThatThrownBy(() -> kpis.report(RevenueSegment.portfolioOf(other.id()), today.minusYears(1), today, am))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> kpis.report(RevenueSegment.teamOf(other.id()), today.minusYears(1), today, am))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> kpis.report(RevenueSegment.company(), today, today.minusDays(1), am))
			.hasMessageContaining("on or after");
		CurrentUser recruiter = fixtures.user(Role.RECRUITER);
		assertThatThrownBy(() -> kpis.report(RevenueSegment.company(), today.minusYears(1), today, recruiter))
			.isInstanceOf(AccessDeniedException.class);
	}

	private AccountDetails account(String name) {
		return fixtures.account(am);
	}

	private ContractView contract(AccountDetails account, String type, String start, String end, ContractStatus status,
			String... amounts) {
		List<ServiceLineForm> lines = new ArrayList<>();
		for (String amount : amounts) {
			lines.add(new ServiceLineForm("Line " + amount, new BigDecimal(amount)));
		}
		return contracts.create(account.id(), new ContractForm(ContractType.valueOf(type), AccountFixtures.unique(type),
				LocalDate.parse(start), LocalDate.parse(end), status, "Net 30", "USD", lines), executive);
	}

	private static ContractForm form(ContractView c, String... amounts) {
		List<ServiceLineForm> lines = new ArrayList<>();
		for (String amount : amounts) {
			lines.add(new ServiceLineForm("Line " + amount, new BigDecimal(amount)));
		}
		return new ContractForm(c.type(), c.number(), c.startDate(), c.endDate(), c.status(), c.paymentTerms(),
				c.currency(), lines);
	}

	private long version(ContractView c) {
		return contracts.get(c.id(), executive).stamp().version();
	}

	private void reconcile(AccountDetails... accounts) {
		List<Long> ids = new ArrayList<>();
		for (AccountDetails a : accounts) {
			ids.add(a.id());
		}
		ledger.reconcile(ids, "test");
	}

	private static void on(String day) {
		TestClock.INSTANCE.setInstant(LocalDate.parse(day).atTime(12, 0).toInstant(ZoneOffset.UTC));
	}

}
