package io.intime.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;

import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.tasks.BusinessDayShift;
import io.intime.tasks.Recurrence;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import io.intime.tasks.WorkCalendar;

import org.springframework.stereotype.Component;

/**
 * The demo world's tasks, through {@link TaskManagement}: Jordan Reyes's day of spec 02
 * step 16 (four of today's five tasks done, "Log all client interactions" still open),
 * the priorities of tomorrow (the DataSystems Inc. emergency call, the RetailCo
 * follow-up, the FinanceHub meeting, TechCorp's payment by Friday), two overdue
 * follow-ups, a few upcoming ones, and two recurring series: the monthly check-in with
 * every Growth account on the 2nd Tuesday and the weekly pipeline update on Fridays. The
 * organization's holidays are the US federal holidays of 2026 and 2027.
 */
@Component
class DemoTasks implements DemoFacts {

	private final TaskManagement tasks;

	private final WorkCalendar calendar;

	DemoTasks(TaskManagement tasks, WorkCalendar calendar) {
		this.tasks = tasks;
		this.calendar = calendar;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void create(DemoSetting world) {
		CurrentUser admin = world.actor().apply("admin");
		holidays(admin);
		CurrentUser am = world.actor().apply("am");
		LocalDate today = world.today();
		LocalDate tomorrow = today.plusDays(1);
		LocalDate friday = tomorrow.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
		// today, as spec 02 step 16 shows it at 5 pm
		seed(world, am, "Call with TechCorp CFO (payment escalation)", "TechCorp", today, LocalTime.of(9, 30),
				TaskPriority.HIGH, true, "Issue resolved: $85K payment confirmed by Friday.");
		seed(world, am, "QBR presentation for MegaBank", "MegaBank", today, LocalTime.of(11, 0), TaskPriority.HIGH,
				true, "Action items created.");
		seed(world, am, "Weekly sync with recruiting team", null, today, LocalTime.of(14, 0), TaskPriority.NORMAL, true,
				"Notes logged.");
		seed(world, am, "Review expansion proposal for RetailCo", "RetailCo", today, LocalTime.of(16, 0),
				TaskPriority.NORMAL, true, "Awaiting approval.");
		seed(world, am, "Log all client interactions in CRM", null, today, null, TaskPriority.NORMAL, false,
				"2 activities need review: the HealthTech escalation (contractor no-show) and the calls to contractor and client.");
		// late
		seed(world, am, "Follow up with Jane Doe if no reply", "DataSystems Inc.", today.minusDays(1), null,
				TaskPriority.HIGH, false, "Sent the check-in email two business days ago; no answer yet.");
		seed(world, am, "Send HealthTech the replacement contractor's profile", "HealthTech", today.minusDays(2), null,
				TaskPriority.NORMAL, false, null);
		// tomorrow's priorities
		seed(world, am, "Emergency call with DataSystems Inc. (red account)", "DataSystems Inc.", tomorrow,
				LocalTime.of(10, 0), TaskPriority.HIGH, false,
				"Understand why hiring stopped; assess satisfaction; decide whether the relationship is salvageable.");
		seed(world, am, "Follow up with RetailCo on UX Designer options", "RetailCo", tomorrow, LocalTime.of(11, 0),
				TaskPriority.NORMAL, false, "Rate decision expected.");
		seed(world, am, "Meeting with FinanceHub (Q1 hiring plans)", "FinanceHub", tomorrow, LocalTime.of(14, 0),
				TaskPriority.NORMAL, false, "8–10 Q1 roles incoming; bring Mike.");
		seed(world, am, "Confirm TechCorp payment received", "TechCorp", friday, null, TaskPriority.NORMAL, false,
				"$85K promised by Friday.");
		// later
		seed(world, am, "Prepare GrowthStartup expansion proposal", "GrowthStartup", today.plusDays(3), null,
				TaskPriority.NORMAL, false, null);
		seed(world, am, "Renewal call prep for InsureCo", "InsureCo", today.plusDays(6), LocalTime.of(15, 0),
				TaskPriority.NORMAL, false, null);
		// recurring (spec 03's cadences)
		LocalDate secondTuesday = secondTuesdayOnOrAfter(tomorrow);
		tasks.create(new TaskForm("Monthly check-in", "How are we doing? Open roles, upcoming needs, any concern.",
				am.id(), null, null, null, secondTuesday, LocalTime.of(10, 0), 60, TaskPriority.NORMAL, new Recurrence(
						"FREQ=MONTHLY;BYDAY=2TU", null, null, java.util.List.of(), BusinessDayShift.NEXT, Tier.GROWTH)),
				am);
		tasks.create(new TaskForm("Send the weekly pipeline update to Dana", null, am.id(), null, null, null,
				tomorrow.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY)), LocalTime.of(16, 0), 30,
				TaskPriority.NORMAL, new Recurrence("FREQ=WEEKLY;BYDAY=FR", null, null, java.util.List.of(),
						BusinessDayShift.PREVIOUS, null)),
				am);
	}

	private void seed(DemoSetting world, CurrentUser am, String title, String account, LocalDate due, LocalTime at,
			TaskPriority priority, boolean done, String notes) {
		tasks.seed(new TaskForm(title, notes, am.id(), account == null ? null : world.idOf(account), null, null, due,
				at, at == null ? null : 15, priority, null), done, am);
	}

	static LocalDate secondTuesdayOnOrAfter(LocalDate day) {
		LocalDate candidate = day.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
		if (candidate.isBefore(day)) {
			candidate = day.plusMonths(1).with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.TUESDAY));
		}
		return candidate;
	}

	private void holidays(CurrentUser admin) {
		String[][] days = { { "2026-01-01", "New Year's Day" }, { "2026-01-19", "Martin Luther King Jr. Day" },
				{ "2026-02-16", "Presidents' Day" }, { "2026-05-25", "Memorial Day" }, { "2026-06-19", "Juneteenth" },
				{ "2026-07-03", "Independence Day (observed)" }, { "2026-09-07", "Labor Day" },
				{ "2026-11-26", "Thanksgiving Day" }, { "2026-12-25", "Christmas Day" },
				{ "2027-01-01", "New Year's Day" }, { "2027-01-18", "Martin Luther King Jr. Day" },
				{ "2027-02-15", "Presidents' Day" }, { "2027-05-31", "Memorial Day" },
				{ "2027-06-18", "Juneteenth (observed)" }, { "2027-07-05", "Independence Day (observed)" },
				{ "2027-09-06", "Labor Day" }, { "2027-11-25", "Thanksgiving Day" },
				{ "2027-12-24", "Christmas Day (observed)" } };
		for (String[] day : days) {
			calendar.putHoliday(LocalDate.parse(day[0]), day[1], admin);
		}
	}

}
