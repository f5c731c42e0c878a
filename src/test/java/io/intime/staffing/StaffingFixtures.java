package io.intime.staffing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.web.MoneyInput;

import org.springframework.context.ApplicationContext;

/**
 * Recruiters, jobs and placements for integration tests, made through the public facades
 * as an executive. Names are unique because all integration tests share one database.
 */
public final class StaffingFixtures {

	private final AccountFixtures accounts;

	private final RecruiterManagement recruiters;

	private final JobManagement jobs;

	private final PlacementManagement placements;

	public StaffingFixtures(ApplicationContext context) {
		this.accounts = new AccountFixtures(context);
		this.recruiters = context.getBean(RecruiterManagement.class);
		this.jobs = context.getBean(JobManagement.class);
		this.placements = context.getBean(PlacementManagement.class);
	}

	public AccountFixtures accounts() {
		return accounts;
	}

	public CurrentUser executive() {
		return accounts.executive();
	}

	/** A recruiter profile for a new user with the role RECRUITER, with this capacity. */
	public RecruiterView recruiter(int capacity) {
		CurrentUser user = accounts.user(Role.RECRUITER);
		return recruiters.create(
				new RecruiterForm(user.id(), List.of("Java", "Cloud"), List.of("Technology"), capacity, true),
				executive());
	}

	/**
	 * Today where the fixtures' users are (America/New_York): pages count days in the
	 * user's time zone.
	 */
	public static LocalDate today() {
		return TestClock.today(java.time.ZoneId.of("America/New_York"));
	}

	public static JobForm openJob(String title, LocalDate openedOn) {
		return new JobForm(title, "Engineering", JobStatus.OPEN, JobPriority.HIGH, openedOn, null, null,
				new MoneyInput(new BigDecimal("85.00"), "USD"), null, 0);
	}

	public static JobForm filledJob(String title, LocalDate openedOn, LocalDate filledOn) {
		return new JobForm(title, "Engineering", JobStatus.FILLED, JobPriority.MEDIUM, openedOn, filledOn, null, null,
				null, 1);
	}

	public static JobForm cancelledJob(String title, LocalDate openedOn, LocalDate cancelledOn) {
		return new JobForm(title, null, JobStatus.CANCELLED, JobPriority.LOW, openedOn, null, cancelledOn, null, null,
				0);
	}

	public JobView job(AccountDetails account, JobForm form) {
		return jobs.create(account.id(), form, executive());
	}

	public JobView openJob(AccountDetails account) {
		return job(account, openJob(AccountFixtures.unique("Engineer"), today().minusDays(10)));
	}

	public static PlacementForm started(String candidate, LocalDate start) {
		return new PlacementForm(candidate, null, PlacementType.CONTRACT, start, null, PlacementStatus.ACTIVE, null);
	}

	public static PlacementForm fellOff(String candidate, LocalDate start, LocalDate falloff) {
		return new PlacementForm(candidate, null, PlacementType.CONTRACT, start, null, PlacementStatus.FALLOFF,
				falloff);
	}

	public PlacementView placement(JobView job, PlacementForm form) {
		return placements.create(job.id(), form, executive());
	}

}
