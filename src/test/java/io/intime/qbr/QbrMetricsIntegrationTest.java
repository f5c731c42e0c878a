package io.intime.qbr;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.engagement.EngagementFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.qbr.QuarterReview.Metric;
import io.intime.qbr.QuarterReview.Status;
import io.intime.staffing.JobForm;
import io.intime.staffing.JobPriority;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementForm;
import io.intime.staffing.PlacementStatus;
import io.intime.staffing.PlacementType;
import io.intime.staffing.StaffingFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A QBR's metrics computed from an account's real jobs, placements and NPS responses on
 * PostgreSQL, for a quarter in the past (Q3 2026), each against its target; what has no
 * data is named, never zero.
 */
@IntegrationTest
class QbrMetricsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	QbrMetrics metrics;

	StaffingFixtures staffing;

	EngagementFixtures engagement;

	AccountFixtures fixtures;

	CurrentUser am;

	final QbrQuarter q3 = new QbrQuarter(2026, 3);

	@BeforeEach
	void setUp() {
		staffing = new StaffingFixtures(context);
		engagement = new EngagementFixtures(context);
		fixtures = staffing.accounts();
		am = fixtures.user(Role.ACCOUNT_MANAGER);
	}

	@Test
	void theQuartersMetricsStandAgainstTheirTargets() {
		AccountDetails account = fixtures.account(am);
		// a year ago: one placement reaches its first anniversary in Q3
		JobView lastYear = job(account, "Analyst", "Finance", day(2025, 6, 1), day(2025, 7, 1), 2);
		place(lastYear, "Ana Lopez", PlacementType.CONTRACT, day(2025, 7, 15), null, null);
		// Q2: two placements whose first 90 days end in Q3, one fell off
		JobView spring = job(account, "QA Engineer", "Engineering", day(2026, 3, 1), day(2026, 4, 1), 4);
		place(spring, "Bo Chen", PlacementType.CONTRACT, day(2026, 4, 10), day(2026, 5, 1), null);
		place(spring, "Cy Diaz", PlacementType.CONTRACT, day(2026, 4, 20), null, null);
		// Q3: three roles requested, two filled (20 and 40 days), three placements
		JobView data = job(account, "Data Engineer", "Engineering", day(2026, 7, 1), day(2026, 7, 21), 6);
		JobView marketing = job(account, "Marketing Lead", "Marketing", day(2026, 7, 10), day(2026, 8, 19), 3);
		job(account, "Platform Engineer", "Engineering", day(2026, 8, 1), null, 1);
		place(data, "Dee Evans", PlacementType.CONTRACT, day(2026, 7, 25), null,
				"Filled in 20 days; the hiring manager called her the best hire of the year");
		place(data, "Eli Fox", PlacementType.CONTRACT_TO_HIRE, day(2026, 8, 1), null, null);
		place(marketing, "Fay Gold", PlacementType.PERMANENT, day(2026, 9, 1), null, null);
		engagement.response(account, 10, day(2026, 7, 5));
		engagement.response(account, 9, day(2026, 8, 5));
		engagement.response(account, 6, day(2026, 9, 5));

		QuarterReview review = metrics.review(account.id(), q3, am);
		Map<String, Metric> byKey = review.metrics().stream().collect(Collectors.toMap(Metric::key, m -> m));

		assertThat(review.quarter()).isEqualTo(q3);
		assertThat(review.asOf()).isEqualTo(day(2026, 9, 30));
		assertThat(byKey.get("placements")).satisfies(m -> {
			assertThat(m.value()).isEqualTo("3");
			assertThat(m.target()).isEqualTo("3 roles requested");
			assertThat(m.status()).isEqualTo(Status.MET);
			assertThat(m.previous()).isEqualTo("2");
		});
		assertThat(byKey.get("timeToFill")).satisfies(m -> {
			assertThat(m.value()).isEqualTo("30 days"); // (20 + 40) / 2
			assertThat(m.status()).isEqualTo(Status.MET);
			assertThat(m.previous()).isEqualTo("31 days");
		});
		assertThat(byKey.get("submissionsToHire").value()).isEqualTo("3.0:1"); // 9
																				// submissions,
																				// 3 hires
		assertThat(byKey.get("placementSuccess")).satisfies(m -> {
			assertThat(m.value()).isEqualTo("50%");
			assertThat(m.status()).isEqualTo(Status.MISSED);
		});
		assertThat(byKey.get("firstYearRetention").value()).isEqualTo("100%");
		assertThat(byKey.get("nps")).satisfies(m -> {
			assertThat(m.value()).isEqualTo("33"); // 2 promoters, 1 detractor of 3
			assertThat(m.status()).isEqualTo(Status.MISSED);
		});
		// no data is named, not shown as zero
		assertThat(byKey.get("responsiveness").missing()).isTrue();
		assertThat(byKey.get("responsiveness").missingReason()).isEqualTo("no client email answered this quarter");
		assertThat(byKey.get("offerAcceptance").value()).isNull();
		assertThat(review.missing()).contains("Offer acceptance: offers are not recorded in InTime");

		assertThat(review.byDepartment()).containsExactly(new QuarterReview.Count("Engineering", 2),
				new QuarterReview.Count("Marketing", 1));
		assertThat(review.byRoleType()).extracting(QuarterReview.Count::label)
			.containsExactlyInAnyOrder("Contract", "Contract-to-hire", "Permanent");
		assertThat(review.stories()).singleElement().satisfies(s -> {
			assertThat(s.candidate()).isEqualTo("Dee Evans");
			assertThat(s.daysToFill()).isEqualTo(20);
			assertThat(s.note()).contains("best hire");
		});
		// placements of 2026 to September 30 against 2025's to the same day
		assertThat(review.yearToDate().placements()).isEqualTo(5);
		assertThat(review.yearToDate().placementsLastYear()).isEqualTo(1);
		assertThat(review.yearToDate().placementsChangePercent()).isEqualTo(400);
	}

	@Test
	void aQuarterWithoutFactsNamesWhatIsMissingAndOnlyQbrReadersOfTheAccountReadIt() {
		AccountDetails quiet = fixtures.account(am);
		QuarterReview review = metrics.review(quiet.id(), q3, am);
		assertThat(review.metrics()).allSatisfy(m -> assertThat(m.number()).isNull());
		assertThat(review.missing()).contains("Placements: no placements this quarter",
				"Client NPS: no NPS response this quarter", "Success stories: no placement with notes this quarter");
		assertThat(review.missing()).doesNotHaveDuplicates();

		assertThatThrownBy(() -> metrics.review(quiet.id(), q3, fixtures.user(Role.RECRUITER)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> metrics.review(quiet.id(), q3, fixtures.user(Role.LEGAL)))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> metrics.review(quiet.id(), q3, fixtures.user(Role.ACCOUNT_MANAGER)))
			.isInstanceOf(RuntimeException.class);
	}

	private JobView job(AccountDetails account, String title, String department, LocalDate opened, LocalDate filled,
			int submissions) {
		return staffing.job(account,
				new JobForm(AccountFixtures.unique(title), department,
						filled == null ? JobStatus.OPEN : JobStatus.FILLED, JobPriority.MEDIUM, opened, filled, null,
						null, null, submissions));
	}

	private void place(JobView job, String candidate, PlacementType type, LocalDate start, LocalDate falloff,
			String notes) {
		staffing.placement(job, new PlacementForm(candidate, null, type, start, null,
				falloff == null ? PlacementStatus.ACTIVE : PlacementStatus.FALLOFF, falloff, notes));
	}

	private static LocalDate day(int year, int month, int day) {
		return LocalDate.of(year, month, day);
	}

	static List<String> keys(QuarterReview review) {
		return review.metrics().stream().map(Metric::key).toList();
	}

}
