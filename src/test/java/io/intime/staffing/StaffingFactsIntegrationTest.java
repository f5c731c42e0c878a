package io.intime.staffing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountTimeline;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.TimelineEntry;
import io.intime.shared.database.AccountScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static io.intime.staffing.StaffingFixtures.cancelledJob;
import static io.intime.staffing.StaffingFixtures.fellOff;
import static io.intime.staffing.StaffingFixtures.filledJob;
import static io.intime.staffing.StaffingFixtures.openJob;
import static io.intime.staffing.StaffingFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hiring facts the health score reads, as of any day, for several accounts in one
 * call; the timeline entries; and the {@link AccountFactChanged} every change publishes.
 */
@IntegrationTest
@RecordApplicationEvents
class StaffingFactsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	StaffingFacts facts;

	@Autowired
	JobManagement jobs;

	@Autowired
	PlacementManagement placements;

	@Autowired
	AccountTimeline timeline;

	@Autowired
	ApplicationEvents events;

	StaffingFixtures fixtures;

	final LocalDate today = TestClock.today();

	@BeforeEach
	void setUp() {
		fixtures = new StaffingFixtures(context);
	}

	@Test
	void openJobsHiresAndFalloffsCountAsOfTheDayAskedForSeveralAccountsAtOnce() {
		AccountDetails busy = fixtures.accounts().account(null);
		AccountDetails quiet = fixtures.accounts().account(null);
		AccountDetails none = fixtures.accounts().account(null);
		// busy: one job open 100 days, one filled 20 days ago (opened 60 ago), one
		// cancelled 10 days ago, one on hold
		fixtures.job(busy, openJob("Backend Engineer", today.minusDays(100)));
		JobView filled = fixtures.job(busy, filledJob("Frontend Developer", today.minusDays(60), today.minusDays(20)));
		fixtures.job(busy, cancelledJob("Data Analyst", today.minusDays(50), today.minusDays(10)));
		fixtures.job(busy, new JobForm("QA Engineer", null, JobStatus.ON_HOLD, JobPriority.LOW, today.minusDays(30),
				null, null, null, null, 0));
		fixtures.placement(filled, started("Ana Ruiz", today.minusDays(15)));
		fixtures.placement(filled, started("Liam Patel", today.minusDays(95)));
		fixtures.placement(filled, fellOff("Sofia Nguyen", today.minusDays(40), today.minusDays(25)));
		// quiet: one job filled long ago, its hire 200 days ago
		JobView old = fixtures.job(quiet, filledJob("Controller", today.minusDays(260), today.minusDays(210)));
		fixtures.placement(old, started("Noah Okafor", today.minusDays(200)));

		Map<Long, HiringFacts> now = facts.hiring(today, 90,
				AccountScope.of(List.of(busy.id(), quiet.id(), none.id())));

		assertThat(now).containsOnlyKeys(busy.id(), quiet.id());
		HiringFacts b = now.get(busy.id());
		assertThat(b.openJobs()).as("the open one; on hold, filled and cancelled ones do not count").isEqualTo(1);
		assertThat(b.hires()).as("started in 90 days and not fallen off").isEqualTo(1);
		assertThat(b.lastHireDate()).isEqualTo(today.minusDays(15));
		assertThat(b.lastHireTitle()).isEqualTo("Frontend Developer");
		assertThat(b.falloffs60()).isEqualTo(1);
		HiringFacts q = now.get(quiet.id());
		assertThat(q.openJobs()).isZero();
		assertThat(q.hires()).isZero();
		assertThat(q.lastHireDate()).isEqualTo(today.minusDays(200));

		HiringFacts monthAgo = facts.hiring(today.minusDays(30), 90, AccountScope.of(List.of(busy.id())))
			.get(busy.id());
		assertThat(monthAgo.openJobs()).as("then the filled and the cancelled job were still open").isEqualTo(3);
		assertThat(monthAgo.hires()).as("Liam, and Sofia who had not fallen off yet; Ana had not started").isEqualTo(2);
		assertThat(monthAgo.lastHireDate()).isEqualTo(today.minusDays(40));
		assertThat(monthAgo.falloffs60()).isZero();

		HiringFacts beforeAnything = facts.hiring(today.minusDays(120), 90, AccountScope.of(List.of(busy.id())))
			.get(busy.id());
		assertThat(beforeAnything).as("nothing had been opened yet").isNull();
		assertThat(facts.hiring(today, 90, AccountScope.of(List.of()))).isEmpty();
		assertThat(facts.hiring(today, 90, AccountScope.all())).containsKeys(busy.id(), quiet.id());
	}

	@Test
	void everyChangeOfAJobOrPlacementPublishesAnAccountFactChangedForItsAccount() {
		AccountDetails account = fixtures.accounts().account(null);
		JobView job = fixtures.openJob(account);
		PlacementView placement = fixtures.placement(job, started("Mei Zhou", today));
		jobs.update(job.id(), new JobForm(job.title(), job.department(), JobStatus.FILLED, job.priority(),
				job.openedOn(), null, null, null, null, 3), job.stamp().version(), fixtures.executive());
		placements.delete(placement.id(), fixtures.executive());

		assertThat(events.stream(AccountFactChanged.class)
			.filter(e -> e.accountId() == account.id())
			.filter(e -> e.getClass().getPackageName().equals("io.intime.staffing"))).extracting(Object::getClass)
			.containsExactly(JobCreated.class, PlacementRecorded.class, JobUpdated.class, PlacementDeleted.class);
	}

	@Test
	void theTimelineTellsOpeningsHiresAndFalloffsNewestFirst() {
		AccountDetails account = fixtures.accounts().account(null);
		JobView job = fixtures.job(account, filledJob("Frontend Developer", today.minusDays(40), today.minusDays(20)));
		fixtures.placement(job, started("Ana Ruiz", today.minusDays(14)));
		fixtures.placement(job, fellOff("Leila Costa", today.minusDays(18), today.minusDays(3)));

		List<TimelineEntry> entries = timeline.of(account.id(), TestClock.now().minusSeconds(60L * 86400), 50,
				fixtures.executive());

		assertThat(entries).extracting(TimelineEntry::title)
			.containsExactly("Placement fell off – Frontend Developer (Leila Costa)",
					"Placement – Frontend Developer (Ana Ruiz) started",
					"Placement – Frontend Developer (Leila Costa) started", "Job filled – Frontend Developer",
					"Job opened – Frontend Developer");
		assertThat(entries).extracting(TimelineEntry::tone)
			.containsExactly("negative", "positive", "positive", "positive", "neutral");
		assertThat(entries.get(0).href()).isEqualTo("/accounts/" + account.id() + "/jobs#placement-"
				+ placements
					.search(account.id(), null, PlacementStatus.FALLOFF, new io.intime.shared.PageRequest(0, 5),
							fixtures.executive())
					.items()
					.get(0)
					.id());
		assertThat(timeline.of(account.id(), TestClock.now().minusSeconds(10L * 86400), 50, fixtures.executive()))
			.extracting(TimelineEntry::kind)
			.containsExactly("placement.falloff");
	}

}
