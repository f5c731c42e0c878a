package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.intime.DemoWorldTest;
import io.intime.TestClock;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountQuery;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo world tells the spec's stories: created on start (empty throw-away database,
 * {@code intime.demo=true}), through the facades, with the numbers of spec 01 and spec
 * 02.
 */
@DemoWorldTest
class DemoWorldIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDirectory users;

	@Autowired
	AccountManagement accounts;

	@Autowired
	PasswordEncoder passwords;

	final LocalDate today = TestClock.today();

	@Test
	void theUsersOfTheStoriesExistAndSignInWithTheDemoPassword() {
		Map<String, Role> expected = Map.of("ceo", Role.EXECUTIVE, "am", Role.ACCOUNT_MANAGER, "sarah.chen",
				Role.ACCOUNT_MANAGER, "director", Role.SALES_DIRECTOR, "tom.davis", Role.RECRUITING_MANAGER,
				"michael.torres", Role.RECRUITER, "finance", Role.FINANCE, "admin", Role.ADMIN, "legal", Role.LEGAL);
		expected.forEach((username, role) -> assertThat(users.findByUsername(username)).get()
			.extracting(UserSummary::role)
			.isEqualTo(role));
		assertThat(users.findByUsername("ceo").orElseThrow().fullName()).isEqualTo("Alex Morgan");
		assertThat(users.findByUsername("am").orElseThrow().fullName()).isEqualTo("Jordan Reyes");
		assertThat(users.findByUsername("sarah.chen").orElseThrow().fullName()).isEqualTo("Sarah Chen");
		assertThat(users.findByUsername("tom.davis").orElseThrow().fullName()).isEqualTo("Tom Davis");
		assertThat(users.findByUsername("michael.torres").orElseThrow().fullName()).isEqualTo("Michael Torres");
		assertThat(users.withRoles(Role.RECRUITER).stream().map(UserSummary::fullName)).contains("Emily Rodriguez",
				"David Kim", "Sarah Kim", "Mike Brennan", "Priya Sharma", "Amanda Torres", "Jennifer Walsh");
		// Only one Sarah Chen among the users: spec 02's recruiter "Sarah" is Sarah Kim.
		assertThat(users.all().stream().filter(u -> u.fullName().equals("Sarah Chen"))).hasSize(1);
		String hash = jdbc.sql("select password_hash from app_user where username = 'am'").query(String.class).single();
		assertThat(passwords.matches("demo", hash)).isTrue();
	}

	@Test
	void theCeoSponsorsTwentyFourStrategicAccountsWorth28Point5Million() {
		long ceo = users.findByUsername("ceo").orElseThrow().id();
		assertThat(count("select count(*) from account where strategic")).isEqualTo(24);
		assertThat(count("select count(*) from account where strategic and executive_sponsor_id = " + ceo))
			.isEqualTo(24);
		assertThat(count("select count(*) from account where tier = 'STRATEGIC'")).isEqualTo(24);
		assertThat(count("select count(*) from account where strategic and billing_currency = 'USD'")).isEqualTo(24);
		assertThat(amount("select sum(arr_amount) from account where strategic")).isEqualByComparingTo("28500000");
		assertThat(amount("""
				select sum(l.annual_value) from service_line l join contract c on c.id = l.contract_id
				join account a on a.id = c.account_id where a.strategic and c.status = 'ACTIVE'"""))
			.isEqualByComparingTo("28500000");
		// Portfolio summary: 5 renew within 90 days for $6.8M, 3 renewed recently for
		// $3.5M.
		assertThat(amount("""
				select sum(arr_amount) from account a where strategic and (select max(end_date) from contract c
				where c.account_id = a.id and c.status = 'ACTIVE') <= current_date + 90"""))
			.isEqualByComparingTo("6800000");
		assertThat(count("""
				select count(*) from account a where strategic and (select max(end_date) from contract c
				where c.account_id = a.id and c.status = 'ACTIVE') <= current_date + 90""")).isEqualTo(5);
		assertThat(amount("""
				select sum(arr_amount) from account a where strategic and exists (select 1 from contract c
				where c.account_id = a.id and c.status = 'RENEWED' and c.end_date >= current_date - 60)"""))
			.isEqualByComparingTo("3500000");
	}

	@Test
	void abcTechnologiesIsAcc001WithSarahChenAndRenewsIn120Days() {
		Map<String, Object> abc = jdbc.sql("""
				select a.*, u.username as owner from account a join app_user u on u.id = a.owner_id
				where a.name = 'ABC Technologies'""").query().singleRow();
		assertThat(abc.get("account_key")).isEqualTo("ACC-001");
		assertThat((BigDecimal) abc.get("arr_amount")).isEqualByComparingTo("500000");
		assertThat(abc.get("tier")).isEqualTo("STRATEGIC");
		assertThat(abc.get("industry")).isEqualTo("Technology / SaaS");
		assertThat(abc.get("employee_count")).isEqualTo(5000);
		assertThat(abc.get("hq_location")).isEqualTo("San Francisco, CA");
		assertThat(abc.get("owner")).isEqualTo("sarah.chen");
		assertThat(((java.sql.Date) abc.get("relationship_start")).toLocalDate()).isEqualTo(today.minusMonths(46));
		assertThat(renewalOf("ABC Technologies")).isEqualTo(today.plusDays(120));
		assertThat(contact("ABC Technologies", "John Smith")).containsEntry("title", "CEO")
			.containsEntry("email", "john.smith@abctech.com")
			.containsEntry("stakeholder_role", "EXECUTIVE")
			.containsEntry("influence", "HIGH");
		assertThat(team("ABC Technologies")).containsExactly("tom.davis");
	}

	@Test
	void renewalsFallWhereSpec01PutsThem() {
		assertThat(renewalOf("MegaCorp")).isEqualTo(today.plusDays(30));
		assertThat(renewalOf("TechStart Inc")).isEqualTo(today.plusDays(61));
		assertThat(renewalOf("GlobalCo")).isEqualTo(today.plusDays(76));
		assertThat(renewalOf("InnovateCorp")).isEqualTo(today.plusDays(89));
		assertThat(renewalOf("DataSystems")).isEqualTo(today.plusDays(104));
		assertThat(arr("TechStart Inc")).isEqualByComparingTo("1200000");
		assertThat(arr("GlobalCo")).isEqualByComparingTo("900000");
		assertThat(arr("InnovateCorp")).isEqualByComparingTo("1500000");
		assertThat(arr("DataSystems")).isEqualByComparingTo("1700000");
		assertThat(count("select count(*) from contract where status = 'DRAFT'")).isEqualTo(1);
		assertThat(count("""
				select count(*) from contract c join account a on a.id = c.account_id
				where a.name = 'MegaCorp' and c.status = 'DRAFT'""")).isEqualTo(1);
	}

	@Test
	void dataSystemsHasItsCtoAndVpHrAndRecruitersAreOnSomeTeams() {
		assertThat(contact("DataSystems", "Jennifer Wu")).containsEntry("title", "CTO");
		assertThat(contact("DataSystems", "Mark Johnson")).containsEntry("title", "VP HR");
		assertThat(team("DataSystems")).containsExactlyInAnyOrder("tom.davis", "david.kim");
		assertThat(count("select count(*) from account_team_member t join app_user u on u.id = t.user_id"
				+ " where u.username = 'michael.torres'"))
			.isGreaterThan(0);
		assertThat(count("select count(*) from account_team_member t join app_user u on u.id = t.user_id"
				+ " join account a on a.id = t.account_id where u.role = 'RECRUITER'"))
			.isGreaterThanOrEqualTo(10);
	}

	@Test
	void theAccountManagerOwnsTheFortyTwoAccountsOfSpec02() {
		long am = users.findByUsername("am").orElseThrow().id();
		// the portfolio of spec 02; the former clients lost this year are archived
		// (DemoRetention)
		assertThat(count("select count(*) from account where owner_id = " + am + " and archived_at is null"))
			.isEqualTo(42);
		assertThat(count("select count(*) from account where owner_id = " + am + " and archived_at is not null"))
			.isEqualTo(2);
		String live = " and archived_at is null";
		assertThat(count("select count(*) from account where owner_id = " + am + live + " and tier = 'GROWTH'"))
			.isEqualTo(9);
		assertThat(count("select count(*) from account where owner_id = " + am + live + " and tier = 'STANDARD'"))
			.isEqualTo(33);
		assertThat(count("select count(*) from account where owner_id = " + am + " and strategic")).isZero();

		CurrentUser me = users.findByUsername("am")
			.map(u -> new CurrentUser(u.id(), u.username(), u.fullName(), u.role(), java.time.ZoneId.of(u.timeZone())))
			.orElseThrow();
		var mine = accounts.search(new AccountQuery(null, null, null, am, null, null, null, null, "name", false, 0, 50),
				me);
		assertThat(mine.total()).isEqualTo(42);
		assertThat(mine.items()).allMatch(a -> a.editable());

		assertThat(contact("TechCorp", "Michael Chen")).containsEntry("title", "CFO")
			.containsEntry("email", "michael.chen@techcorp.com");
		assertThat(jdbc
			.sql("select distinct payment_terms from contract c join account a on a.id = c.account_id"
					+ " where a.name = 'TechCorp'")
			.query(String.class)
			.list()).containsExactly("Net 30");

		Map<String, Object> dsi = jdbc.sql("select * from account where name = 'DataSystems Inc.'").query().singleRow();
		assertThat(dsi.get("tier")).isEqualTo("GROWTH");
		assertThat((BigDecimal) dsi.get("arr_amount")).isEqualByComparingTo("280000");
		assertThat(contact("DataSystems Inc.", "Jane Doe")).containsEntry("influence", "HIGH");
		assertThat(contact("DataSystems Inc.", "John Smith")).containsEntry("title", "VP Operations")
			.containsEntry("email", "john.smith@datasystemsinc.com");
		assertThat(team("DataSystems Inc.")).containsExactly("priya.sharma");

		assertThat(contact("MegaBank", "Sarah Chen")).containsEntry("title", "VP Talent");
		assertThat(contact("MegaBank", "Mark Johnson")).containsEntry("title", "CTO");
		assertThat(contact("RetailCo", "Jennifer Wu")).containsEntry("stakeholder_role", "HIRING_MANAGER");
		assertThat(contact("FinanceHub", "Lisa Martinez")).containsEntry("email", "lisa.martinez@financehub.com");
		assertThat(contact("HealthTech", "David Lee")).containsEntry("email", "david.lee@healthtech.com");
		assertThat(jdbc.sql("select name from account where owner_id = :am").param("am", am).query(String.class).list())
			.contains("GrowthStartup", "InsureCo");
	}

	@Test
	void everyAccountHasContactsAndContractsWhoseActiveLinesMakeItsArr() {
		assertThat(count("select count(*) from account where archived_at is null")).isEqualTo(66);
		assertThat(
				count("select count(*) from account a where a.archived_at is null and (select count(*) from contact c"
						+ " where c.account_id = a.id) not between 2 and 5"))
			.isZero();
		assertThat(count("select count(*) from account a where a.archived_at is null and not exists (select 1"
				+ " from contract c where c.account_id = a.id and c.status = 'ACTIVE' and c.type = 'MSA')"))
			.isZero();
		assertThat(count("""
				select count(*) from account a where a.arr_amount <> (select coalesce(sum(l.annual_value), 0)
				from contract c join service_line l on l.contract_id = c.id
				where c.account_id = a.id and c.status = 'ACTIVE')""")).isZero();
		assertThat(count("select count(*) from contract c join account a on a.id = c.account_id"
				+ " where c.currency <> a.billing_currency"))
			.isZero();
		assertThat(jdbc.sql("select billing_currency from account where billing_currency <> 'USD' order by 1")
			.query(String.class)
			.list()).containsExactly("EUR", "GBP");
		assertThat(jdbc.sql("select distinct status from contract order by 1").query(String.class).list())
			.containsExactly("ACTIVE", "DRAFT", "EXPIRED", "RENEWED", "TERMINATED");
		assertThat(count("select count(*) from contract where end_date < start_date")).isZero();
		assertThat(count("select count(*) from contact where not active")).isEqualTo(1);
	}

	@Test
	void eachOpenHealthAlertOfTheDemoNotifiedItsRecipientsWithAnEmailQueued() {
		// every unresolved alert has, for each of its recipients, a notice of a health
		// kind
		// with an email delivery (sent by the delivery worker)
		long missing = jdbc.sql("""
				select count(*) from health_alert a, unnest(a.recipient_ids) as r(user_id)
				where a.status <> 'RESOLVED' and not exists (
				  select 1 from notification n join notification_delivery d on d.notification_id = n.id
				  where n.record_type = 'health_alert' and n.record_id = a.id and n.recipient_id = r.user_id
				    and n.kind in ('health.alert-raised', 'health.band-dropped') and d.channel = 'EMAIL')""")
			.query(Long.class)
			.single();
		long alerts = jdbc.sql("select count(*) from health_alert where status <> 'RESOLVED'")
			.query(Long.class)
			.single();
		assertThat(alerts).isPositive();
		assertThat(missing).isZero();
	}

	@Test
	void theWorldWasBuiltThroughTheFacades() {
		assertThat(count("select count(*) from domain_event where type = 'account.created'"))
			.as("66 clients and 3 former clients")
			.isEqualTo(69);
		assertThat(count("select count(*) from domain_event where type = 'contract.created'"))
			.isEqualTo(count("select count(*) from contract"));
		assertThat(jdbc
			.sql("select distinct actor_name from audit_entry where entity_type = 'account' and action = 'CREATE'"
					+ " order by 1")
			.query(String.class)
			.list()).containsExactly("admin", "ceo");
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private BigDecimal amount(String sql) {
		return jdbc.sql(sql).query(BigDecimal.class).single();
	}

	private BigDecimal arr(String account) {
		return jdbc.sql("select arr_amount from account where name = :n")
			.param("n", account)
			.query(BigDecimal.class)
			.single();
	}

	private LocalDate renewalOf(String account) {
		return jdbc.sql("""
				select max(c.end_date) from contract c join account a on a.id = c.account_id
				where a.name = :n and c.status = 'ACTIVE'""").param("n", account).query(LocalDate.class).single();
	}

	private Map<String, Object> contact(String account, String name) {
		return jdbc.sql("""
				select c.* from contact c join account a on a.id = c.account_id where a.name = :a and c.name = :n""")
			.param("a", account)
			.param("n", name)
			.query()
			.singleRow();
	}

	private List<String> team(String account) {
		return jdbc.sql("""
				select u.username from account_team_member t join app_user u on u.id = t.user_id
				join account a on a.id = t.account_id where a.name = :a order by 1""")
			.param("a", account)
			.query(String.class)
			.list();
	}

}
