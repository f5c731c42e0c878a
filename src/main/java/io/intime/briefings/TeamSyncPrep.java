package io.intime.briefings;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.intime.accounts.AccountSummary;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationView;
import io.intime.identity.CurrentUser;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityView;
import io.intime.shared.Today;
import io.intime.staffing.JobManagement;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementManagement;
import io.intime.staffing.PlacementView;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskView;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weekly recruiting sync prep sheet (spec 02 step 12): the week's facts of a
 * portfolio's accounts (open and recently resolved escalations, open and new roles,
 * starts in the next two weeks, pipeline that moved), turned into points and actions by
 * {@link SyncRules}; after the meeting (step 13) the agreed actions become tasks.
 */
@Service
public class TeamSyncPrep {

	/** How far back "this week" reaches: new roles, resolutions, pipeline moves. */
	static final int WEEK_DAYS = 7;

	/** How far ahead starts are shown. */
	static final int STARTS_AHEAD_DAYS = 14;

	private final Portfolios portfolios;

	private final JobManagement jobs;

	private final PlacementManagement placements;

	private final EscalationManagement escalations;

	private final OpportunityManagement opportunities;

	private final TaskManagement tasks;

	private final Today time;

	TeamSyncPrep(Portfolios portfolios, JobManagement jobs, PlacementManagement placements,
			EscalationManagement escalations, OpportunityManagement opportunities, TaskManagement tasks, Today time) {
		this.portfolios = portfolios;
		this.jobs = jobs;
		this.placements = placements;
		this.escalations = escalations;
		this.opportunities = opportunities;
		this.tasks = tasks;
		this.time = time;
	}

	/** The sheet of one day, its accounts discussed and the recruiters to invite. */
	public record Sheet(LocalDate day, int accountsReviewed, List<SyncRules.RecruiterGroup> groups) {

		public int accountsToDiscuss() {
			return groups.stream().mapToInt(g -> g.accounts().size()).sum();
		}

		public List<String> attendees() {
			return groups.stream().filter(g -> g.recruiterId() != null).map(g -> g.recruiterName()).toList();
		}

	}

	@Transactional(readOnly = true)
	public Sheet prepare(CurrentUser user, Long managerId) {
		ZoneId zone = user.timeZone();
		LocalDate today = time.today(zone);
		LocalDate weekAgo = today.minusDays(WEEK_DAYS);
		Instant since = weekAgo.atStartOfDay(zone).toInstant();
		List<AccountSummary> accounts = portfolios.accounts(user, managerId);
		List<Long> ids = accounts.stream().map(AccountSummary::id).toList();
		Map<Long, List<JobView>> jobsByAccount = jobs.openOrOpenedSince(ids, weekAgo, user)
			.stream()
			.collect(Collectors.groupingBy(JobView::accountId));
		Map<Long, List<EscalationView>> escalationsByAccount = escalations.openOrEndedSince(ids, since, user)
			.stream()
			.collect(Collectors.groupingBy(EscalationView::accountId));
		Map<Long, List<PlacementView>> startsByAccount = placements
			.startingBetween(ids, today, today.plusDays(STARTS_AHEAD_DAYS), user)
			.stream()
			.collect(Collectors.groupingBy(PlacementView::accountId));
		Map<Long, List<OpportunityView>> movedByAccount = opportunities
			.changedBetween(ids, since, time.now().plusSeconds(1), user)
			.stream()
			.collect(Collectors.groupingBy(OpportunityView::accountId));
		List<SyncRules.AccountFacts> facts = new ArrayList<>();
		for (AccountSummary account : accounts) {
			List<JobView> accountJobs = jobsByAccount.getOrDefault(account.id(), List.of());
			facts.add(new SyncRules.AccountFacts(account,
					accountJobs.stream().filter(j -> j.status() == io.intime.staffing.JobStatus.OPEN).toList(),
					accountJobs.stream().filter(j -> !j.openedOn().isBefore(weekAgo)).toList(),
					escalationsByAccount.getOrDefault(account.id(), List.of()),
					startsByAccount.getOrDefault(account.id(), List.of()),
					movedByAccount.getOrDefault(account.id(), List.of())));
		}
		return new Sheet(today, accounts.size(), SyncRules.sheet(facts, today));
	}

	/** The account managers whose sheet the user may open. */
	@Transactional(readOnly = true)
	public List<io.intime.identity.UserSummary> managers(CurrentUser user) {
		return portfolios.managersFor(user);
	}

	/** An action agreed in the meeting, to become a task of the user. */
	public record AgreedAction(long accountId, String title) {
	}

	/**
	 * Makes the agreed actions tasks of the user, due in two business days, all or none.
	 */
	@Transactional
	public List<TaskView> agree(List<AgreedAction> actions, CurrentUser user) {
		LocalDate due = tasks.businessDaysFromToday(user.id(), user.timeZone(), 2);
		List<TaskForm> forms = actions.stream()
			.map(a -> new TaskForm(a.title(), "Agreed in the weekly recruiting sync.", user.id(), a.accountId(), null,
					null, due, null, null, null, null))
			.toList();
		return forms.isEmpty() ? List.of() : tasks.createAll(forms, user);
	}

}
