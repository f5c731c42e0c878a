package io.intime.executive;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.intime.DemoWorldTest;
import io.intime.billing.ServiceCredits;
import io.intime.staffing.RecruiterAssignments;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The executive's strategic accounts on the demo world (spec 01): the CEO's portfolio of
 * 24 and a sales director's of the team; who may open what (derived views: the portfolio,
 * the dashboard, the executive notes, the report); the notes' versions and their
 * conflict; service credits through finance; flow A1; recovery plans; the recruiter
 * refused when at capacity. Runs late: it changes ABC Technologies and DataSystems.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 1)
class StrategicAccountsIntegrationTest {

	@Autowired
	StrategicPortfolio portfolio;

	@Autowired
	AccountDashboard dashboard;

	@Autowired
	ExecutiveNotes notes;

	@Autowired
	ServiceCredits credits;

	@Autowired
	TaskForces taskForces;

	@Autowired
	RecoveryPlans plans;

	@Autowired
	DedicatedRecruiters recruiters;

	@Autowired
	RecruiterAssignments assignments;

	@Autowired
	ExecutiveCalls calls;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	DemoPeople people;

	@org.junit.jupiter.api.BeforeEach
	void people() {
		people = new DemoPeople(users, jdbc);
	}

	@Autowired
	Today time;

	@Test
	void theCeoSeesTheTwentyFourSponsoredAccountsAndADirectorTheTeams() {
		PortfolioView ceo = portfolio.of(people.user("ceo"));
		assertThat(ceo.count()).isEqualTo(24);
		assertThat(ceo.combinedArr().amount()).isEqualByComparingTo("28500000");
		assertThat(ceo.rows()).allMatch(r -> r.signals().account().healthScore() != null);
		assertThat(ceo.bands().stream().mapToInt(PortfolioView.Band::count).sum()).isEqualTo(24);
		assertThat(ceo.urgent()).extracting(ExecutiveAction::accountName).contains("ABC Technologies", "MegaCorp");
		assertThat(ceo.attention()).extracting(ExecutiveAction::accountName)
			.contains("GlobalCo", "EnterpriseHQ", "DataSystems", "InnovateCorp");
		assertThat(ceo.sharePercent()).isBetween(1, 100);
		assertThat(ceo.rows("red")).extracting(r -> r.signals().account().name()).contains("ABC Technologies");

		// the sales director: the strategic accounts of the account managers who report
		PortfolioView director = portfolio.of(people.user("director"));
		assertThat(director.team()).isTrue();
		assertThat(director.rows()).allMatch(r -> r.signals().account().ownerId() != null);
		Set<Long> reports = Set
			.copyOf(users.directReports(people.user("director").id()).stream().map(UserSummary::id).toList());
		assertThat(director.rows()).allMatch(r -> reports.contains(r.signals().account().ownerId()));
	}

	@Test
	void derivedViewsOnlyForThoseWhoMaySeeThem() {
		long abc = people.account("ABC Technologies");
		// the portfolio is for executives and sales directors
		assertThatThrownBy(() -> portfolio.of(people.user("am"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> portfolio.of(people.user("michael.torres"))).isInstanceOf(AccessDeniedException.class);
		// the dashboard shows health: not to another account manager, nor a recruiter off
		// the team
		assertThatThrownBy(() -> dashboard.refresh(abc, people.user("am"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> dashboard.refresh(abc, people.user("priya.sharma")))
			.isInstanceOf(AccessDeniedException.class);
		// its own account manager opens it, with the notes; a sales director without them
		DashboardView owner = dashboard.refresh(abc, people.user("sarah.chen"));
		assertThat(owner.notesAllowed()).isTrue();
		assertThat(owner.issues()).filteredOn(i -> i.title().equals("Open escalations"))
			.singleElement()
			.satisfies(i -> assertThat(i.impact()).matches(".*, oldest open \\d+ days"));
		// a recruiter on DataSystems' team sees its health, not its invoices: no payment
		// issue, no lifetime value, no credits
		long dataSystems = people.account("DataSystems");
		DashboardView recruiter = dashboard.refresh(dataSystems, people.user("david.kim"));
		assertThat(recruiter.lifetimeValue()).isNull();
		assertThat(recruiter.credits()).isEmpty();
		assertThat(recruiter.issues()).noneMatch(i -> i.title().equals("Payment delays"));
		assertThat(recruiter.recommendations())
			.noneMatch(r -> r.details().stream().anyMatch(x -> x.contains("Invoice")));
		assertThat(dashboard.refresh(dataSystems, people.user("ceo")).lifetimeValue()).isNotNull();
		DashboardView director = dashboard.refresh(abc, people.user("director"));
		assertThat(director.notesAllowed()).isFalse();
		assertThat(director.notes()).isEmpty();
		assertThatThrownBy(() -> notes.history(abc, people.user("director"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> notes.save(abc, "mine", 0, people.user("am")))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void executiveNotesAreVersionedAndTheSecondOfTwoConcurrentSavesIsRefused() {
		long abc = people.account("ABC Technologies");
		long before = notes.history(abc, people.user("ceo"))
			.stream()
			.mapToLong(ExecutiveNotes.Note::version)
			.max()
			.orElse(0);
		ExecutiveNotes.Note first = notes.save(abc,
				"This is our 3rd largest account. Will personally own the recovery.", before, people.user("ceo"));
		assertThat(first.version()).isEqualTo(before + 1);
		// Sarah saves on the version she read; the CEO's later save on the same version
		// loses
		notes.save(abc, "Client CEO call booked.", first.version(), people.user("sarah.chen"));
		assertThatThrownBy(() -> notes.save(abc, "My edit on the old version", first.version(), people.user("ceo")))
			.isInstanceOf(StaleVersionException.class);
		assertThat(notes.history(abc, people.user("ceo"))).extracting(ExecutiveNotes.Note::body)
			.startsWith("Client CEO call booked.",
					"This is our 3rd largest account. Will personally own the recovery.");
		assertThatThrownBy(() -> notes.save(abc, "  ", first.version() + 1, people.user("ceo"))).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
	}

	@Test
	void aServiceCreditWaitsForFinanceAndThenIsOnTheBilling() {
		long abc = people.account("ABC Technologies");
		assertThatThrownBy(() -> credits.offer(abc, usd("50000"), "Goodwill", people.user("sarah.chen")))
			.as("account managers offer no service credits (spec 02's authority limits)")
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> credits.offer(abc, usd("0"), "", people.user("ceo"))).isInstanceOfSatisfying(
				InvalidInputException.class, e -> assertThat(e.errors()).extracting(io.intime.shared.FieldError::field)
					.containsExactly("amount", "reason"));
		ServiceCredits.Credit credit = credits.offer(abc, usd("50000"), "Goodwill for three failed placements",
				people.user("ceo"));
		assertThat(credit.pending()).isTrue();
		assertThat(people.notifications("finance", "billing.service-credit-requested")).isGreaterThanOrEqualTo(1);
		assertThatThrownBy(() -> credits.decide(credit.id(), true, null, credit.version(), people.user("ceo")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> credits.decide(credit.id(), false, " ", credit.version(), people.user("finance")))
			.isInstanceOf(InvalidInputException.class);
		ServiceCredits.Credit approved = credits.decide(credit.id(), true, null, credit.version(),
				people.user("finance"));
		assertThat(approved.status()).isEqualTo("APPROVED");
		assertThatThrownBy(() -> credits.decide(credit.id(), false, "late", credit.version(), people.user("finance")))
			.isInstanceOf(StaleVersionException.class);
		assertThat(credits.forAccount(abc)).anyMatch(c -> c.id() == credit.id() && c.status().equals("APPROVED"));
		assertThat(people.notifications("ceo", "billing.service-credit-decided")).isGreaterThanOrEqualTo(1);
	}

	@Test
	void escalateFurtherFlagsCriticalGivesTheTaskForceTasksAndTheSponsorOwnership() {
		long megaCorp = people.account("MegaCorp");
		CurrentUser ceo = people.user("ceo");
		List<Long> members = List.of(people.user("daniel.okafor").id(), people.user("tom.davis").id());
		assertThatThrownBy(() -> taskForces.escalate(megaCorp,
				new TaskForces.Escalation("", members, time.now().plus(Duration.ofHours(30))), ceo))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(io.intime.shared.FieldError::field)
						.containsExactly("reason", "followUpAt"));
		assertThatThrownBy(() -> taskForces.escalate(megaCorp,
				new TaskForces.Escalation("Angry call", members, time.now().plus(Duration.ofHours(20))),
				people.user("director")))
			.isInstanceOf(AccessDeniedException.class);
		int created = taskForces.escalate(megaCorp,
				new TaskForces.Escalation("Client CEO called: renewal at risk over pricing", members,
						time.now().plus(Duration.ofHours(20))),
				ceo);
		assertThat(created).isEqualTo(3);
		assertThat(
				jdbc.sql("select critical_since is not null and executive_sponsor_id = :ceo from account where id = :a")
					.param("ceo", ceo.id())
					.param("a", megaCorp)
					.query(Boolean.class)
					.single())
			.isTrue();
		assertThat(jdbc.sql("select count(*) from task where account_id = :a and title like 'Task force:%'")
			.param("a", megaCorp)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(people.notifications("tom.davis", "executive.task-force")).isGreaterThanOrEqualTo(1);
		PortfolioView view = portfolio.of(ceo);
		assertThat(view.urgent()).filteredOn(a -> a.accountName().equals("MegaCorp"))
			.singleElement()
			.satisfies(a -> assertThat(a.reasons().get(0)).startsWith("Flagged critical"));
	}

	@Test
	void aRecoveryPlanTakesItsBaselinesFromTheFactsAndItsActionsBecomeTasks() {
		long dataSystems = people.account("DataSystems");
		CurrentUser ceo = people.user("ceo");
		assertThatThrownBy(() -> plans.create(dataSystems,
				new RecoveryPlans.PlanForm("", time.organizationToday(),
						List.of(new RecoveryPlans.GoalForm(RecoveryMeasure.HEALTH, BigDecimal.valueOf(120),
								time.organizationToday().plusDays(90))),
						List.of()),
				ceo))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(io.intime.shared.FieldError::field)
						.containsExactly("title", "endsOn", "goals[0].target"));
		PlanProgress plan = plans.create(dataSystems,
				new RecoveryPlans.PlanForm("90-day recovery", time.organizationToday().plusDays(90),
						List.of(new RecoveryPlans.GoalForm(RecoveryMeasure.HEALTH, BigDecimal.valueOf(85),
								time.organizationToday().plusDays(90)),
								new RecoveryPlans.GoalForm(RecoveryMeasure.RENEWAL, null,
										time.organizationToday().plusDays(60))),
						List.of(new RecoveryPlans.ActionForm("Weekly check-in with Jennifer Wu",
								people.user("sarah.chen").id(), time.organizationToday().plusDays(7)))),
				ceo);
		Integer health = jdbc.sql("select health_score from account where id = :a")
			.param("a", dataSystems)
			.query(Integer.class)
			.single();
		assertThat(plan.goals().get(0).baseline()).isEqualByComparingTo(BigDecimal.valueOf(health));
		assertThat(plan.goals().get(0).current()).isEqualByComparingTo(BigDecimal.valueOf(health));
		assertThat(plan.goals().get(1).met()).isFalse();
		assertThat(jdbc.sql("select count(*) from task where record_type = 'recovery_plan' and record_id = :p")
			.param("p", plan.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThatThrownBy(() -> plans.create(dataSystems,
				new RecoveryPlans.PlanForm("Another", time.organizationToday().plusDays(30),
						List.of(new RecoveryPlans.GoalForm(RecoveryMeasure.HEALTH, BigDecimal.valueOf(85),
								time.organizationToday().plusDays(30))),
						List.of()),
				ceo))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors().get(0).field()).isEqualTo("plan"));
		assertThat(portfolio.of(ceo).rows("plans")).extracting(r -> r.signals().account().name())
			.contains("DataSystems");
		plans.close(plan.id(), false, plan.version(), ceo);
		assertThatThrownBy(() -> plans.close(plan.id(), true, plan.version(), ceo))
			.isInstanceOf(StaleVersionException.class);
	}

	@Test
	void theApiAnswersUnderTheSameRules() throws Exception {
		long abc = people.account("ABC Technologies");
		java.net.http.HttpResponse<String> mine = http("ceo", "GET", "/api/v1/strategic-accounts", null);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("\"count\":24");
		assertThat(http("am", "GET", "/api/v1/strategic-accounts", null).statusCode()).isEqualTo(403);
		assertThat(http("am", "GET", "/api/v1/accounts/" + abc + "/executive-dashboard", null).statusCode())
			.isEqualTo(403);
		assertThat(http("sarah.chen", "GET", "/api/v1/accounts/" + abc + "/executive-dashboard", null).statusCode())
			.isEqualTo(200);
		assertThat(http("director", "GET", "/api/v1/accounts/" + abc + "/executive-notes", null).statusCode())
			.isEqualTo(403);
		java.net.http.HttpResponse<String> noAmount = http("ceo", "POST",
				"/api/v1/accounts/" + abc + "/service-credits", "{\"reason\": \"Goodwill\"}");
		assertThat(noAmount.statusCode()).isEqualTo(400);
		assertThat(noAmount.body()).contains("\"field\":\"amount\"");
		assertThat(http("am", "POST", "/api/v1/accounts/" + abc + "/recruiter-assignments", "{\"recruiterId\": 1}")
			.statusCode()).isEqualTo(403);
		java.net.http.HttpResponse<String> ranking = http("ceo", "GET",
				"/api/v1/accounts/" + abc + "/recruiter-ranking", null);
		assertThat(ranking.statusCode()).isEqualTo(200);
		assertThat(ranking.body()).contains("\"score\"", "\"reasons\"");
	}

	@Test
	void aSuccessBonusIsEarnedWhenTheHealthReachesItsTargetAndLostWhenThePeriodEnds() {
		long innovate = people.account("InnovateCorp");
		long emily = jdbc
			.sql("select r.id from recruiter r join app_user u on u.id = r.user_id "
					+ "where u.username = 'emily.rodriguez'")
			.query(Long.class)
			.single();
		long david = jdbc
			.sql("select r.id from recruiter r join app_user u on u.id = r.user_id " + "where u.username = 'david.kim'")
			.query(Long.class)
			.single();
		CurrentUser ceo = people.user("ceo");
		RecruiterAssignments.Assignment reachable = assignments.assign(innovate, emily,
				new RecruiterAssignments.Terms("DEDICATED", 30, 21, true, false, usd("5000"), 1), ceo);
		RecruiterAssignments.Assignment unreachable = assignments.assign(innovate, david,
				new RecruiterAssignments.Terms("SUPPORT", 30, null, false, false, usd("3000"), 100), ceo);
		jdbc.sql("update recruiter_assignment set ends_on = starts_on - 1, starts_on = starts_on - 31 where id = :id")
			.param("id", unreachable.id())
			.update();
		assertThat(recruiters.settleBonuses()).isEqualTo(2);
		assertThat(recruiters.settleBonuses()).as("settled once").isZero();
		assertThat(assignments.forAccount(innovate)).filteredOn(a -> a.id() == reachable.id())
			.singleElement()
			.satisfies(a -> assertThat(a.bonusStatus()).isEqualTo("EARNED"));
		assertThat(assignments.forAccount(innovate)).filteredOn(a -> a.id() == unreachable.id())
			.singleElement()
			.satisfies(a -> assertThat(a.bonusStatus()).isEqualTo("NOT_EARNED"));
		assertThatThrownBy(() -> assignments.assign(innovate, emily,
				new RecruiterAssignments.Terms("FOREVER", 3, 0, false, false, usd("5000"), null), ceo))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(io.intime.shared.FieldError::field)
						.containsExactly("type", "durationDays", "ttfSlaDays", "bonusHealthTarget"));
	}

	@Test
	void theReportExportsTheReadersPortfolio() throws Exception {
		java.net.http.HttpResponse<String> ceo = http("ceo", "GET", "/executive/strategic-accounts/report.csv", null);
		assertThat(ceo.statusCode()).isEqualTo(200);
		assertThat(ceo.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
		assertThat(ceo.body().lines().count()).isEqualTo(25);
		assertThat(ceo.body()).contains("ABC Technologies", "MegaCorp");
		java.net.http.HttpResponse<String> director = http("director", "GET",
				"/executive/strategic-accounts/report.csv", null);
		assertThat(director.statusCode()).isEqualTo(200);
		assertThat(director.body().lines().count()).isEqualTo(portfolio.of(people.user("director")).rows().size() + 1L);
		assertThat(http("am", "GET", "/executive/strategic-accounts/report.csv", null).statusCode()).isEqualTo(403);
	}

	@Test
	void whenSchedulingFailsTheCallIsKeptWithItsPreparation() {
		long cloud = people.account("CloudServices");
		CurrentUser ceo = people.user("ceo");
		java.time.Instant at = time.now().plus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
		long activity = calls.keepWithoutInvitation(cloud, new ExecutiveCalls.CallForm(at, null, null, 60, "VIDEO",
				null, List.of(), List.of(), "Strategic Partnership Review", "1. Opening", null), ceo);
		assertThat(jdbc.sql("select executive_touchpoint from activity where id = :id and occurred_at = :at")
			.param("id", activity)
			.param("at", java.sql.Timestamp.from(at))
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select count(*) from task where record_type = 'activity' and record_id = :a")
			.param("a", activity)
			.query(Long.class)
			.single()).isEqualTo(3);
		assertThat(jdbc
			.sql("select count(*) from domain_event where type = 'executive.call.scheduled' "
					+ "and (payload ->> 'activity_id')::bigint = :a")
			.param("a", activity)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from meeting where activity_id = :a")
			.param("a", activity)
			.query(Long.class)
			.single()).as("no invitation").isZero();
	}

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	private java.net.http.HttpResponse<String> http(String user, String method, String path, String json)
			throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + java.util.Base64.getEncoder().encodeToString((user + ":demo").getBytes()))
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, java.net.http.HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
		}
		return java.net.http.HttpClient.newHttpClient()
			.send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
	}

	private static Money usd(String amount) {
		return new Money(new BigDecimal(amount), "USD");
	}

}
