package io.intime.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ContractView;
import io.intime.accounts.ServiceLineForm;
import io.intime.identity.CurrentUser;
import io.intime.revenue.ArrLedger;
import io.intime.revenue.ChurnCategory;
import io.intime.revenue.FxRates;

import org.springframework.stereotype.Component;

/**
 * What the revenue reports need beyond the portfolio: the exchange rates finance keeps
 * (two years of monthly euro and pound rates, the dollar strengthening, and a fixed rate
 * per year), and three former clients lost this year, one of each churn category (spec
 * 03), archived after they left so that the portfolios keep their stories.
 */
@Component
class DemoRetention implements DemoFacts {

	/** A client lost: its contract ended {@code endedDaysAgo} days ago. */
	record FormerClient(String name, String industry, String owner, long arr, int endedDaysAgo, ChurnCategory category,
			String why) {
	}

	static final List<FormerClient> FORMER = List.of(
			new FormerClient("Brightline Logistics", "Logistics", "am", 140_000, 200, ChurnCategory.VOLUNTARY,
					"Moved their contractor hiring to a cheaper vendor"),
			new FormerClient("Quarry Media Group", "Media", "am", 90_000, 110, ChurnCategory.INVOLUNTARY,
					"Services stopped after four months of unpaid invoices"),
			new FormerClient("Helix Biotech", "Life Sciences", "sarah.chen", 260_000, 45, ChurnCategory.STRUCTURAL,
					"Acquired by a competitor that has its own staffing partner"));

	private final AccountManagement accounts;

	private final ContractManagement contracts;

	private final ArrLedger ledger;

	private final FxRates rates;

	DemoRetention(AccountManagement accounts, ContractManagement contracts, ArrLedger ledger, FxRates rates) {
		this.accounts = accounts;
		this.contracts = contracts;
		this.ledger = ledger;
		this.rates = rates;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void create(DemoSetting world) {
		LocalDate today = world.today();
		CurrentUser finance = world.actor().apply("finance");
		YearMonth now = YearMonth.from(today);
		for (int i = 23; i >= 0; i--) {
			YearMonth month = now.minusMonths(i);
			// the dollar strengthens: the euro from 1.12 to 1.05, the pound from 1.31 to
			// 1.25
			rates.set(FxRates.Kind.MONTHLY, month.atDay(1), "EUR", drift("1.12", "1.05", 23 - i), null, finance);
			rates.set(FxRates.Kind.MONTHLY, month.atDay(1), "GBP", drift("1.31", "1.25", 23 - i), null, finance);
		}
		for (int year = today.getYear() - 1; year <= today.getYear(); year++) {
			boolean past = year < today.getYear();
			rates.set(FxRates.Kind.CONSTANT, LocalDate.of(year, 1, 1), "EUR", new BigDecimal(past ? "1.10" : "1.08"),
					null, finance);
			rates.set(FxRates.Kind.CONSTANT, LocalDate.of(year, 1, 1), "GBP", new BigDecimal(past ? "1.29" : "1.27"),
					null, finance);
		}
		CurrentUser admin = world.actor().apply("admin");
		CurrentUser director = world.actor().apply("director");
		for (FormerClient former : FORMER) {
			LocalDate end = today.minusDays(former.endedDaysAgo());
			AccountDetails account = accounts.create(new AccountForm(former.name(), former.industry(), 800, null,
					"America/New_York", AccountStatus.CHURNED, null, false, end.minusYears(3),
					world.people().get(former.owner()).id(), null, "USD", "North America"), admin);
			ContractView contract = contracts.create(account.id(),
					new ContractForm(ContractType.MSA, "MSA-FORMER-" + account.id(), end.minusYears(2).plusDays(1), end,
							ContractStatus.EXPIRED, "Net 30", "USD",
							List.of(new ServiceLineForm("Contract staffing", BigDecimal.valueOf(former.arr())))),
					director);
			ledger.recordChurnReason(account.id(), contract.id(), former.category(), former.why());
			accounts.archive(account.id(), director);
		}
	}

	/**
	 * The rate {@code step} months into a steady move from {@code from} to {@code to}.
	 */
	private static BigDecimal drift(String from, String to, int step) {
		BigDecimal a = new BigDecimal(from);
		BigDecimal b = new BigDecimal(to);
		return a.add(b.subtract(a)
			.multiply(BigDecimal.valueOf(step))
			.divide(BigDecimal.valueOf(23), 4, RoundingMode.HALF_UP));
	}

}
