package io.intime.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.intime.DemoWorldTest;
import io.intime.TestClock;
import io.intime.engagement.EngagementFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.EscalationFacts;
import io.intime.escalations.IssueFacts;
import io.intime.shared.database.AccountScope;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo world's NPS responses, activities and escalations ({@link DemoEngagement},
 * {@link DemoEscalations}) give every account the NPS, executive engagement and issue
 * points its {@link DemoHealthPlan} asks for, as the facts queries read them today, and
 * tell the stories of spec 01 and spec 02 with their exact figures.
 */
@DemoWorldTest
class DemoEngagementAndEscalationsIntegrationTest {

	@Autowired
	EngagementFacts engagement;

	@Autowired
	EscalationFacts escalations;

	@Autowired
	JdbcClient jdbc;

	final LocalDate today = TestClock.today();

	final List<DemoAccount> catalog = new ArrayList<>();

	final Map<String, Long> ids = new HashMap<>();

	DemoHealthPlan plan;

	@BeforeEach
	void catalog() {
		catalog.addAll(DemoCatalog.strategicAccounts());
		catalog.addAll(DemoCatalog.accountManagerPortfolio());
		plan = DemoHealthPlan.of(catalog);
		jdbc.sql("select id, name from account").query(rs -> {
			ids.put(rs.getString("name"), rs.getLong("id"));
		});
	}

	// The rules of DemoHealthPlan's Javadoc, applied to the facts.

	static int npsPoints(NpsFacts facts) {
		if (facts == null || facts.averageScore() == null) {
			return 0;
		}
		double average = facts.averageScore().doubleValue();
		return average >= 9 ? 20 : average >= 7 ? 15 : average >= 5 ? 10 : average >= 3 ? 5 : 0;
	}

	static int executivePoints(ExecutiveFacts facts) {
		if (facts == null) {
			return 0;
		}
		if (facts.touchpoints() >= 3) {
			return 15;
		}
		if (facts.touchpoints() >= 1) {
			return 10;
		}
		return facts.contactsEngaged() >= 2 ? 5 : 0;
	}

	static int issuePoints(IssueFacts facts) {
		if (facts == null) {
			return 10;
		}
		if (facts.open() > 0 || facts.inWindow() >= 3) {
			return 0;
		}
		return facts.inWindow() >= 1 ? 5 : 10;
	}

	@Test
	void everyDemoAccountScoresItsPlannedNpsExecutiveAndIssuePointsToday() {
		Map<Long, NpsFacts> nps = engagement.nps(today, 180, AccountScope.all());
		Map<Long, ExecutiveFacts> executive = engagement.executive(today, 90, AccountScope.all());
		Map<Long, IssueFacts> issues = escalations.issues(today, 90, AccountScope.all());
		assertThat(catalog).hasSize(66);
		SoftAssertions softly = new SoftAssertions();
		for (DemoAccount account : catalog) {
			long id = ids.get(account.name);
			DemoHealthPlan.Points planned = plan.of(account.name);
			softly.assertThat(npsPoints(nps.get(id)))
				.as("NPS points of %s (%s)", account.name, nps.get(id))
				.isEqualTo(planned.nps());
			softly.assertThat(executivePoints(executive.get(id)))
				.as("executive points of %s (%s)", account.name, executive.get(id))
				.isEqualTo(planned.executive());
			softly.assertThat(issuePoints(issues.get(id)))
				.as("issue points of %s (%s)", account.name, issues.get(id))
				.isEqualTo(planned.issues());
		}
		softly.assertAll();
	}

	@Test
	void dataSystemsIncHasItsDetractorItsPauseRequestTwoUnansweredEmailsAndTwoResolvedEscalations() {
		long id = ids.get("DataSystems Inc.");
		AccountScope scope = AccountScope.of(List.of(id));
		NpsFacts nps = engagement.nps(today, 180, scope).get(id);
		assertThat(nps.responses()).isEqualTo(1);
		assertThat(nps.averageScore()).isEqualByComparingTo("3.0");
		assertThat(nps.latestScore()).isEqualTo(3);
		assertThat(nps.latestDate()).isEqualTo(today.minusDays(43));
		assertThat(nps.latestComment()).isEqualTo("Not meeting expectations");
		assertThat(jdbc.sql("""
				select c.name from nps_response r join contact c on c.id = r.contact_id
				where r.account_id = :a and r.responded_on = :d""")
			.param("a", id)
			.param("d", today.minusDays(43))
			.query(String.class)
			.single()).isEqualTo("Jane Doe");

		ExecutiveFacts executive = engagement.executive(today, 90, scope).get(id);
		assertThat(executive.touchpoints()).isEqualTo(1);
		assertThat(executive.unresponsiveContactId()).isEqualTo(contactId(id, "Jane Doe"));
		assertThat(executive.unansweredEmails()).isEqualTo(2);
		assertThat(activityDays(id, "EMAIL", "INBOUND", "Requested pause on all searches"))
			.containsExactly(today.minusDays(40));
		assertThat(jdbc.sql("""
				select (occurred_at at time zone 'UTC')::date from activity
				where account_id = :a and type = 'EMAIL' and direction = 'OUTBOUND' and :jane = any(contact_ids)
				  and occurred_at > (select max(occurred_at) from activity where account_id = :a
				                     and direction = 'INBOUND' and :jane = any(contact_ids)
				                     and review_status is distinct from 'PENDING')
				order by 1""").param("a", id).param("jane", contactId(id, "Jane Doe")).query(LocalDate.class).list())
			.containsExactly(today.minusDays(12), today.minusDays(5));

		IssueFacts issues = escalations.issues(today, 90, scope).get(id);
		assertThat(issues.inWindow()).isEqualTo(2);
		assertThat(issues.open()).isZero();
		assertThat(escalation(id, "Missed deadline on Software Engineer role")).containsExactly(today.minusDays(48),
				today.minusDays(41));
		assertThat(escalation(id, "Poor candidate quality")).containsExactly(today.minusDays(36), today.minusDays(33));
	}

	@Test
	void abcTechnologiesLastMetItsCeo45DaysAgoAndItsNpsFellFrom75To15WithThreeEscalationsThisMonth() {
		long id = ids.get("ABC Technologies");
		AccountScope scope = AccountScope.of(List.of(id));
		ExecutiveFacts executive = engagement.executive(today, 90, scope).get(id);
		assertThat(executive.lastTouchpoint()).isEqualTo(today.minusDays(45));
		assertThat(executive.touchpoints()).isBetween(1, 2);
		assertThat(activityDays(id, "CALL", "OUTBOUND", "Executive sponsor call")).containsExactly(today.minusDays(45));
		assertThat(jdbc.sql("""
				select c.name from activity a join contact c on c.id = any(a.contact_ids)
				where a.account_id = :a and a.executive_touchpoint and (a.occurred_at at time zone 'UTC')::date = :d""")
			.param("a", id)
			.param("d", today.minusDays(45))
			.query(String.class)
			.list()).containsExactly("John Smith");

		NpsFacts nps = engagement.nps(today, 180, scope).get(id);
		assertThat(nps.accountNps()).isEqualTo(15);
		assertThat(nps.accountNpsPrevious()).isEqualTo(75);
		assertThat(nps.responses()).isEqualTo(24);
		assertThat(nps.averageScore()).isEqualByComparingTo("6.9");

		IssueFacts issues = escalations.issues(today, 90, scope).get(id);
		assertThat(issues.last30()).isEqualTo(3);
		assertThat(issues.open()).isEqualTo(1);
		assertThat(issues.latestTitle()).endsWith("Client CEO complaint about candidate quality");
	}

	@Test
	void megaBankHasANineOutOfTenRecentlyAndRetailCoAnOpenLateSubmissionFromSarahKim() {
		long megaBank = ids.get("MegaBank");
		NpsFacts nps = engagement.nps(today, 180, AccountScope.of(List.of(megaBank))).get(megaBank);
		assertThat(nps.latestScore()).isEqualTo(9);
		assertThat(nps.latestDate()).isAfterOrEqualTo(today.minusDays(7));
		assertThat(nps.averageScore().doubleValue()).isGreaterThanOrEqualTo(9.0);

		long retailCo = ids.get("RetailCo");
		Map<String, Object> late = jdbc.sql("""
				select status, severity, created_by from escalation where account_id = :a and title = :t""")
			.param("a", retailCo)
			.param("t", "Late submission – Senior UX Designer")
			.query()
			.singleRow();
		assertThat(late).containsEntry("status", "OPEN")
			.containsEntry("severity", "P2")
			.containsEntry("created_by", "sarah.kim");
	}

	@Test
	void escalationKeysFollowTheOrderTheyWereRaisedInEachYear() {
		List<Map<String, Object>> rows = jdbc.sql("""
				select escalation_key, extract(year from raised_at at time zone 'UTC')::int as year
				from escalation order by raised_at, id""").query().listOfRows();
		assertThat(rows).hasSizeGreaterThan(60);
		Map<Integer, Integer> last = new HashMap<>();
		for (Map<String, Object> row : rows) {
			String key = (String) row.get("escalation_key");
			int year = (Integer) row.get("year");
			assertThat(key).matches("ESC-" + year + "-\\d{4}");
			int number = Integer.parseInt(key.substring(9));
			assertThat(number).isEqualTo(last.getOrDefault(year, 0) + 1);
			last.put(year, number);
		}
	}

	@Test
	void theHistoryReachesBack15MonthsSoEarlierMonthEndsHaveFactsToo() {
		LocalDate sixMonthsAgo = today.minusMonths(6).withDayOfMonth(1).minusDays(1);
		Map<Long, NpsFacts> nps = engagement.nps(sixMonthsAgo, 180, AccountScope.all());
		Map<Long, ExecutiveFacts> executive = engagement.executive(sixMonthsAgo, 90, AccountScope.all());
		assertThat(nps).hasSize(66);
		assertThat(executive).hasSize(66);
		assertThat(executive.values()).allMatch(f -> f.contactsEngaged() >= 1);
		assertThat(jdbc.sql("select min(occurred_at)::date from activity").query(LocalDate.class).single())
			.isBefore(today.minusMonths(14));
		// DataSystems Inc. was a passive-to-neutral account before its detractor: an
		// earlier band than today.
		long dsi = ids.get("DataSystems Inc.");
		assertThat(npsPoints(engagement.nps(today.minusDays(200), 180, AccountScope.of(List.of(dsi))).get(dsi)))
			.isGreaterThan(5);
	}

	private long contactId(long accountId, String name) {
		return jdbc.sql("select id from contact where account_id = :a and name = :n")
			.param("a", accountId)
			.param("n", name)
			.query(Long.class)
			.single();
	}

	private List<LocalDate> activityDays(long accountId, String type, String direction, String subject) {
		return jdbc.sql("""
				select (occurred_at at time zone 'UTC')::date from activity
				where account_id = :a and type = :t and direction = :d and subject = :s order by occurred_at""")
			.param("a", accountId)
			.param("t", type)
			.param("d", direction)
			.param("s", subject)
			.query(LocalDate.class)
			.list();
	}

	private List<LocalDate> escalation(long accountId, String title) {
		Map<String, Object> row = jdbc
			.sql("""
					select (raised_at at time zone 'UTC')::date as raised, (resolved_at at time zone 'UTC')::date as resolved
					from escalation where account_id = :a and title = :t""")
			.param("a", accountId)
			.param("t", title)
			.query()
			.singleRow();
		return List.of(((java.sql.Date) row.get("raised")).toLocalDate(),
				((java.sql.Date) row.get("resolved")).toLocalDate());
	}

}
