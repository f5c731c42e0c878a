package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.intime.DemoWorldTest;
import io.intime.TestClock;
import io.intime.accounts.AccountTimeline;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.PageRequest;
import io.intime.shared.TimelineEntry;
import io.intime.shared.database.AccountScope;
import io.intime.staffing.HiringFacts;
import io.intime.staffing.RecruiterManagement;
import io.intime.staffing.RecruiterView;
import io.intime.staffing.StaffingFacts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo world's jobs and placements ({@link DemoStaffing}) give every account the
 * hiring points its health plan asks for, as of today, and tell the stories of spec 01
 * and spec 02 with their exact figures. On the shared demo world ({@link DemoWorldTest}).
 */
@DemoWorldTest
class DemoStaffingIntegrationTest {

	@Autowired
	StaffingFacts facts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RecruiterManagement recruiters;

	@Autowired
	UserDirectory users;

	@Autowired
	AccountTimeline timeline;

	final LocalDate today = TestClock.today();

	Map<String, Long> ids;

	List<DemoAccount> catalog;

	@BeforeEach
	void setUp() {
		ids = new HashMap<>();
		jdbc.sql("select id, name from account").query(rs -> {
			ids.put(rs.getString("name"), rs.getLong("id"));
		});
		catalog = new ArrayList<>(DemoCatalog.strategicAccounts());
		catalog.addAll(DemoCatalog.accountManagerPortfolio());
	}

	/** The hiring rule of the default model as {@link DemoHealthPlan} states it. */
	static int hiringPoints(HiringFacts f) {
		if (f == null || f.openJobs() == 0) {
			return 0;
		}
		double perMonth = f.hires() / 3.0;
		if (f.openJobs() >= 11 && perMonth > 5) {
			return 25;
		}
		if (f.openJobs() >= 5 && perMonth >= 3) {
			return 20;
		}
		if (f.openJobs() >= 2 && perMonth >= 1) {
			return 15;
		}
		return 10;
	}

	@Test
	void everyDemoAccountScoresItsPlannedHiringPointsToday() {
		DemoHealthPlan plan = DemoHealthPlan.of(catalog);
		Map<Long, HiringFacts> now = facts.hiring(today, 90, AccountScope.all());
		assertThat(catalog).hasSize(66);
		for (DemoAccount account : catalog) {
			HiringFacts f = now.get(ids.get(account.name));
			assertThat(hiringPoints(f)).as("%s: %s", account.name, f).isEqualTo(plan.of(account.name).hiring());
		}
		for (String name : List.of("MegaBank", "TechCorp", "HealthTech", "InsureCo", "FinanceHub")) {
			assertThat(hiringPoints(now.get(ids.get(name)))).as(name).isEqualTo(25);
		}
		assertThat(now.get(ids.get("MegaBank")).hires()).as("spec 02's QBR: 18 placements in the quarter")
			.isEqualTo(18);
	}

	@Test
	void dataSystemsIncHasHadNoJobOpenFor60DaysAndLastHiredAFrontendDeveloper60DaysAgo() {
		long id = ids.get("DataSystems Inc.");
		HiringFacts f = facts.hiring(today, 90, AccountScope.of(List.of(id))).get(id);
		assertThat(f.openJobs()).isZero();
		assertThat(f.lastHireDate()).isEqualTo(today.minusDays(60));
		assertThat(f.lastHireTitle()).isEqualTo("Frontend Developer");
		assertThat(hiringPoints(f)).isZero();
		for (int daysAgo = 0; daysAgo <= 60; daysAgo++) {
			LocalDate day = today.minusDays(daysAgo);
			assertThat(facts.hiring(day, 90, AccountScope.of(List.of(id))).get(id).openJobs()).as("open on %s", day)
				.isZero();
		}
		assertThat(facts.hiring(today.minusDays(62), 90, AccountScope.of(List.of(id))).get(id).openJobs())
			.as("the Software Engineer search was still open before it was cancelled")
			.isPositive();
		assertThat(jdbc.sql("select max(coalesce(filled_on, cancelled_on)) from job where account_id = ?")
			.param(id)
			.query(LocalDate.class)
			.single()).isEqualTo(today.minusDays(61));
		assertThat(jdbc.sql(
				"select cancelled_on from job where account_id = ? and title = 'Software Engineer' and status = 'CANCELLED'"
						+ " order by cancelled_on desc limit 1")
			.param(id)
			.query(LocalDate.class)
			.single()).isEqualTo(today.minusDays(61));
		Map<String, Object> last = jdbc
			.sql("""
					select p.candidate_name, p.start_date, j.title, j.filled_on from placement p join job j on j.id = p.job_id
					where p.account_id = ? order by p.start_date desc, p.id desc limit 1""")
			.param(id)
			.query()
			.singleRow();
		assertThat(last).containsEntry("candidate_name", "Ana Ruiz").containsEntry("title", "Frontend Developer");
		assertThat(((java.sql.Date) last.get("start_date")).toLocalDate()).isEqualTo(today.minusDays(60));
		assertThat(jdbc.sql("select count(*) from placement where account_id = ? and start_date >= ?")
			.param(id)
			.param(today.minusDays(60))
			.query(Long.class)
			.single()).as("nothing started since").isEqualTo(1);

		CurrentUser am = actor("am");
		List<TimelineEntry> entries = timeline.of(id, TestClock.now().minusSeconds(70L * 86400), 500, am);
		assertThat(entries).anySatisfy(e -> {
			assertThat(e.title()).isEqualTo("Placement – Frontend Developer (Ana Ruiz) started");
			assertThat(e.tone()).isEqualTo("positive");
			assertThat(e.href()).startsWith("/accounts/" + id + "/jobs#placement-");
		});
		assertThat(entries).anySatisfy(e -> assertThat(e.title()).isEqualTo("Job cancelled – Software Engineer"));
	}

	@Test
	void abcTechnologiesHas12OpenJobsDownFrom18SixMonthsAgoAndThreeRecentFalloffs() {
		long id = ids.get("ABC Technologies");
		HiringFacts f = facts.hiring(today, 90, AccountScope.of(List.of(id))).get(id);
		assertThat(f.openJobs()).isEqualTo(12);
		assertThat(facts.hiring(today.minusMonths(6), 90, AccountScope.of(List.of(id))).get(id).openJobs())
			.isEqualTo(18);
		assertThat(f.falloffs60()).isEqualTo(3);
		assertThat(f.hires()).isBetween(9, 15);
		assertThat(hiringPoints(f)).isEqualTo(20);
		assertThat(jdbc
			.sql("""
					select count(*) from placement where account_id = ? and status = 'FALLOFF' and falloff_date between ? and ?
					and falloff_date - start_date <= 90""")
			.param(id)
			.param(today.minusDays(60))
			.param(today)
			.query(Long.class)
			.single()).as("three placements failed within 90 days, in the last two months").isEqualTo(3);
	}

	@Test
	void retailCoHasSarahKimsSeniorUxDesignerSearchAndHealthTechJenniferWalshsContractorJohnSmith() {
		Map<String, Object> ux = jdbc
			.sql("""
					select j.*, u.full_name from job j join recruiter r on r.id = j.recruiter_id join app_user u on u.id = r.user_id
					where j.account_id = ? and j.title = 'Senior UX Designer'""")
			.param(ids.get("RetailCo"))
			.query()
			.singleRow();
		assertThat(ux).containsEntry("status", "OPEN")
			.containsEntry("submissions", 2)
			.containsEntry("full_name", "Sarah Kim")
			.containsEntry("priority", "HIGH");
		assertThat((BigDecimal) ux.get("bill_rate_amount")).isEqualByComparingTo("75");
		assertThat(((java.sql.Date) ux.get("opened_on")).toLocalDate()).isEqualTo(today.minusDays(14));

		Map<String, Object> john = jdbc
			.sql("""
					select p.*, u.full_name from placement p join recruiter r on r.id = p.recruiter_id join app_user u on u.id = r.user_id
					where p.account_id = ? and p.candidate_name = 'John Smith'""")
			.param(ids.get("HealthTech"))
			.query()
			.singleRow();
		assertThat(john).containsEntry("full_name", "Jennifer Walsh")
			.containsEntry("status", "ACTIVE")
			.containsEntry("type", "CONTRACT");
	}

	@Test
	void everyRecruitingUserHasAProfileWithinCapacityAndMichaelTorresHasRoomAndNoFalloffs() {
		CurrentUser ceo = actor("ceo");
		List<RecruiterView> all = recruiters.search(null, null, new PageRequest(0, 200), ceo).items();
		assertThat(all).extracting(RecruiterView::username)
			.containsExactlyInAnyOrder("tom.davis", "michael.torres", "emily.rodriguez", "david.kim", "sarah.kim",
					"mike.brennan", "priya.sharma", "amanda.torres", "jennifer.walsh");
		assertThat(all).allSatisfy(r -> {
			assertThat(r.activeJobs()).as(r.name()).isLessThanOrEqualTo(r.maxActiveJobs());
			assertThat(r.specialties()).as(r.name()).isNotEmpty();
		});
		RecruiterView michael = all.stream()
			.filter(r -> r.username().equals("michael.torres"))
			.findFirst()
			.orElseThrow();
		assertThat(michael.activeJobs()).isEqualTo(8);
		assertThat(michael.maxActiveJobs()).isEqualTo(11);
		assertThat(michael.falloffs180()).isZero();
		assertThat(jdbc.sql("select count(*) from placement where recruiter_id = ? and status = 'FALLOFF'")
			.param(michael.id())
			.query(Long.class)
			.single()).isZero();
		assertThat(michael.placements180()).isPositive();
		RecruiterView david = all.stream().filter(r -> r.username().equals("david.kim")).findFirst().orElseThrow();
		assertThat(david.utilisationPercent()).isEqualTo(60);
	}

	@Test
	void theHistoryReachesBack15MonthsSoThatMonthEndsGiveATrend() {
		Map<Long, HiringFacts> now = facts.hiring(today, 90, AccountScope.all());
		long openNow = now.values().stream().mapToLong(HiringFacts::openJobs).sum();
		long ds = ids.get("DataSystems Inc.");
		for (int months = 1; months <= 12; months++) {
			LocalDate monthEnd = today.minusMonths(months).withDayOfMonth(today.minusMonths(months).lengthOfMonth());
			Map<Long, HiringFacts> then = facts.hiring(monthEnd, 90, AccountScope.all());
			long open = then.values().stream().mapToLong(HiringFacts::openJobs).sum();
			long hires = then.values().stream().mapToLong(HiringFacts::hires).sum();
			assertThat(open).as("open jobs at %s", monthEnd).isBetween(openNow * 8 / 10, openNow * 13 / 10);
			assertThat(hires).as("hires in the 90 days to %s", monthEnd).isPositive();
			assertThat(then).as("every account was hiring at %s", monthEnd).hasSize(66);
		}
		assertThat(hiringPoints(facts.hiring(today.minusMonths(6), 90, AccountScope.of(List.of(ds))).get(ds)))
			.as("DataSystems Inc. was still hiring six months ago")
			.isPositive();
		assertThat(jdbc.sql("select min(opened_on) from job").query(LocalDate.class).single())
			.isBefore(today.minusMonths(15));
	}

	private CurrentUser actor(String username) {
		UserSummary user = users.findByUsername(username).orElseThrow();
		return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(),
				java.time.ZoneId.of(user.timeZone()));
	}

}
