package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.Tier;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark portfolio: counts, determinism and ARR consistent with the contracts.
 * Runs in the shared test database, so it looks only at its own rows
 * ({@code created_by = 'synthetic'}) and removes them afterwards.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyntheticPortfolioIntegrationTest {

	static final long SEED = 20251130L;

	@Autowired
	SyntheticPortfolio portfolio;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CurrencyRates rates;

	@Test
	void loadsTheAccountsWithContactsAndContractsOwnedByFiftyBenchAccountManagers() {
		portfolio.load(500);
		assertThat(count("select count(*) from account where created_by = 'synthetic'")).isEqualTo(500);
		long contacts = count("select count(*) from contact where created_by = 'synthetic'");
		long contracts = count("select count(*) from contract where created_by = 'synthetic'");
		assertThat(contacts).isBetween(1350L, 1650L);
		assertThat(contracts).isBetween(900L, 1100L);
		assertThat(count("""
				select count(*) from service_line l join contract c on c.id = l.contract_id
				where c.created_by = 'synthetic'""")).isGreaterThan(contracts);
		assertThat(count("""
				select count(distinct u.username) from account a join app_user u on u.id = a.owner_id
				where a.created_by = 'synthetic' and u.username like 'am-bench-%' and u.role = 'ACCOUNT_MANAGER'"""))
			.isBetween(45L, 50L);
		assertThat(count("select count(*) from app_user where username like 'am-bench-%'")).isEqualTo(50);
		assertThat(jdbc.sql("select distinct tier from account where created_by = 'synthetic' order by 1")
			.query(String.class)
			.list()).containsExactly("GROWTH", "STANDARD", "STRATEGIC");
		assertThat(jdbc.sql("select distinct status from contract where created_by = 'synthetic' order by 1")
			.query(String.class)
			.list()).contains("ACTIVE", "EXPIRED", "RENEWED");

		// Loading again adds nothing; a larger target adds the next accounts only.
		assertThat(portfolio.load(500).accounts()).isZero();
		assertThat(portfolio.load(520).accounts()).isEqualTo(20);
		assertThat(count("select count(*) from account where created_by = 'synthetic'")).isEqualTo(520);
	}

	@Test
	void theSameSeedGivesTheSameNamesAndArr() {
		portfolio.load(500);
		LocalDate today = TestClock.today();
		List<String> planned = IntStream.rangeClosed(1, 500)
			.mapToObj(i -> SyntheticPortfolio.plan(SEED, i, today))
			.map(p -> p.name() + " | " + p.arr().setScale(2).toPlainString())
			.toList();
		List<String> again = IntStream.rangeClosed(1, 500)
			.mapToObj(i -> SyntheticPortfolio.plan(SEED, i, today.plusDays(3)))
			.map(p -> p.name() + " | " + p.arr().setScale(2).toPlainString())
			.toList();
		assertThat(again).isEqualTo(planned);
		List<String> loaded = jdbc.sql("""
				select name || ' | ' || arr_amount from account where created_by = 'synthetic' order by id limit 500""")
			.query(String.class)
			.list();
		assertThat(loaded).isEqualTo(planned);
		List<String> otherSeed = IntStream.rangeClosed(1, 50)
			.mapToObj(i -> SyntheticPortfolio.plan(SEED + 1, i, today).name())
			.toList();
		assertThat(otherSeed)
			.isNotEqualTo(planned.subList(0, 50).stream().map(s -> s.substring(0, s.indexOf(" | "))).toList());
	}

	@Test
	void arrIsTheSumOfActiveServiceLinesAndTheTierFollowsIt() {
		portfolio.load(500);
		assertThat(count("""
				select count(*) from account a where a.created_by = 'synthetic' and a.arr_amount <>
				(select coalesce(sum(l.annual_value), 0) from contract c join service_line l on l.contract_id = c.id
				 where c.account_id = a.id and c.status = 'ACTIVE')""")).isZero();
		assertThat(count("select count(*) from contract c join account a on a.id = c.account_id"
				+ " where a.created_by = 'synthetic' and c.currency <> a.billing_currency"))
			.isZero();
		jdbc.sql("select arr_amount, billing_currency, tier from account where created_by = 'synthetic'")
			.query((rs, i) -> {
				BigDecimal usd = rates.convert(new Money(rs.getBigDecimal(1), rs.getString(2)), "USD").amount();
				assertThat(rs.getString(3)).isEqualTo(Tier.forArrUsd(usd).name());
				return null;
			})
			.list();
		assertThat(count("select count(*) from account where created_by = 'synthetic' and strategic"
				+ " and executive_sponsor_id is null"))
			.isZero();
	}

	@Test
	void everyPlannedAccountOfALargePortfolioIsValid() {
		LocalDate today = TestClock.today();
		IntStream.rangeClosed(1, 100_000)
			.parallel()
			.mapToObj(i -> SyntheticPortfolio.plan(SEED, i, today))
			.forEach(p -> {
				assertThat(p.contacts()).hasSizeBetween(2, 4);
				assertThat(p.contracts()).isNotEmpty().allSatisfy(c -> {
					assertThat(c.end()).isAfterOrEqualTo(c.start());
					assertThat(c.lines()).isNotEmpty().allSatisfy(l -> assertThat(l.value().signum()).isNotNegative());
				});
				assertThat(p.contacts().stream().map(SyntheticPortfolio.PlannedContact::email).distinct())
					.hasSameSizeAs(p.contacts());
				assertThat(p.owner()).isBetween(1, SyntheticPortfolio.OWNERS);
			});
	}

	@AfterAll
	void removeTheSyntheticRows() {
		jdbc.sql("delete from account where created_by = 'synthetic'").update();
		jdbc.sql("delete from app_user where username like 'am-bench-%' or username = 'exec-bench'").update();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

}
