package io.intime.executive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.StrategicAccount;
import io.intime.accounts.StrategicAccounts;
import io.intime.engagement.EngagementFacts;
import io.intime.engagement.NpsFacts;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import io.intime.staffing.RecruiterAssignments;
import io.intime.staffing.RecruiterRanking;
import io.intime.staffing.RecruiterView;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dedicated recruiter for an account (spec 01 step 4): the recruiters ranked for it
 * ({@link RecruiterRanking}, with each one's client satisfaction from the NPS of the
 * accounts they placed at), the assignment ({@link RecruiterAssignments}), the notices to
 * the recruiter, the account's manager and the recruiting manager, the recruiting
 * manager's task to redistribute the recruiter's other jobs, and the success bonus
 * settled by a job on the scheduler.
 */
@Service
public class DedicatedRecruiters {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DedicatedRecruiters.class);

	private final RecruiterAssignments assignments;

	private final EngagementFacts engagement;

	private final StrategicAccounts accounts;

	private final AccountManagement accountManagement;

	private final UserDirectory users;

	private final Notifications notifications;

	private final TaskManagement tasks;

	private final Today time;

	DedicatedRecruiters(RecruiterAssignments assignments, EngagementFacts engagement, StrategicAccounts accounts,
			AccountManagement accountManagement, UserDirectory users, Notifications notifications, TaskManagement tasks,
			Today time) {
		this.assignments = assignments;
		this.engagement = engagement;
		this.accounts = accounts;
		this.accountManagement = accountManagement;
		this.users = users;
		this.notifications = notifications;
		this.tasks = tasks;
		this.time = time;
	}

	/** The recruiters ranked for the account, best first. */
	@Transactional(readOnly = true)
	public List<RecruiterRanking.Ranked> ranking(StrategicAccount account, CurrentUser user) {
		// recruiting managers lead the team; a dedicated resource is a recruiter
		List<RecruiterView> candidates = assignments.candidates(user)
			.stream()
			.filter(r -> r.active() && r.role() == Role.RECRUITER)
			.toList();
		return RecruiterRanking.rank(candidates, account.industry(), satisfaction(time.organizationToday()));
	}

	/** The ranking for an account by id. */
	@Transactional(readOnly = true)
	public List<RecruiterRanking.Ranked> ranking(long accountId, CurrentUser user) {
		return ranking(account(accountId, user), user);
	}

	/**
	 * Each recruiter's client satisfaction: the average NPS score (0–10) over the last
	 * 180 days at the accounts they placed someone at in six months (two statements).
	 */
	Map<Long, BigDecimal> satisfaction(LocalDate today) {
		Map<Long, Set<Long>> placed = assignments.placedAt(today);
		Set<Long> all = placed.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
		Map<Long, NpsFacts> nps = engagement.nps(today, 180, AccountScope.of(all));
		Map<Long, BigDecimal> result = new HashMap<>();
		placed.forEach((recruiter, accountIds) -> {
			List<BigDecimal> scores = accountIds.stream()
				.map(nps::get)
				.filter(n -> n != null && n.averageScore() != null)
				.map(NpsFacts::averageScore)
				.toList();
			if (!scores.isEmpty()) {
				result.put(recruiter,
						scores.stream()
							.reduce(BigDecimal.ZERO, BigDecimal::add)
							.divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP));
			}
		});
		return result;
	}

	/**
	 * Assigns the recruiter and tells the people concerned.
	 * @throws io.intime.shared.InvalidInputException "Selected recruiter not available"
	 * on {@code recruiterId}, or naming a term
	 */
	@Transactional
	public RecruiterAssignments.Assignment assign(long accountId, long recruiterId, RecruiterAssignments.Terms terms,
			CurrentUser user) {
		RecruiterAssignments.Assignment assignment = assignments.assign(accountId, recruiterId, terms, user);
		StrategicAccount account = account(accountId, user);
		Set<Long> managers = recruitingManagers(assignment.recruiterUserId(), accountId);
		String term = assignment.type().charAt(0) + assignment.type().substring(1).toLowerCase(java.util.Locale.ROOT)
				+ " recruiter for " + terms.durationDays() + " days, " + assignment.startsOn() + " to "
				+ assignment.endsOn();
		String conditions = (terms.ttfSlaDays() == null ? "" : terms.ttfSlaDays() + "-day time-to-fill SLA. ")
				+ (terms.dailyUpdates() ? "Daily status updates to the account manager. " : "")
				+ (terms.weeklyBriefings() ? "Weekly executive sponsor briefings. " : "")
				+ (terms.bonus() == null ? ""
						: "Success bonus " + terms.bonus().display() + " if the account's health reaches "
								+ terms.bonusHealthTarget() + " by " + assignment.endsOn() + ".");
		String link = "/executive/strategic-accounts/" + accountId;
		notifications.send(new Notice(ExecutiveNotificationKinds.RECRUITER_ASSIGNED, accountId, "recruiter_assignment",
				assignment.id(), "recruiter", "New dedicated account: " + account.name(), term + ". " + conditions,
				link, null, Set.of(assignment.recruiterUserId()), user.actor()));
		if (account.ownerId() != null) {
			notifications.send(new Notice(ExecutiveNotificationKinds.RECRUITER_ASSIGNED, accountId,
					"recruiter_assignment", assignment.id(), "manager",
					account.name() + ": recruiter assignment confirmed", assignment.recruiterName() + " is now the "
							+ term.toLowerCase(java.util.Locale.ROOT) + ". " + conditions,
					link, null, Set.of(account.ownerId()), user.actor()));
		}
		if (!managers.isEmpty()) {
			notifications.send(new Notice(ExecutiveNotificationKinds.RECRUITER_ASSIGNED, accountId,
					"recruiter_assignment", assignment.id(), "recruiting-manager",
					"Team member assigned to a critical account: " + account.name(),
					assignment.recruiterName() + " is dedicated to " + account.name() + " until " + assignment.endsOn()
							+ ". " + conditions,
					link, null, managers, user.actor()));
			List<RecruiterAssignments.OpenJob> others = assignments.openJobsElsewhere(recruiterId, accountId);
			if (!others.isEmpty()) {
				long manager = managers.iterator().next();
				UserSummary m = users.find(manager).orElseThrow();
				String list = others.stream()
					.map(j -> "- " + j.title() + " (/jobs/" + j.id() + ")")
					.collect(Collectors.joining("\n"));
				tasks.create(new TaskForm("Redistribute " + assignment.recruiterName() + "'s other jobs",
						assignment.recruiterName() + " is dedicated to " + account.name() + " until "
								+ assignment.endsOn() + ". Proposed: hand these " + others.size()
								+ " open jobs to others on the team:\n" + list,
						manager, null, "recruiter_assignment", assignment.id(),
						tasks.businessDaysFromToday(manager, ZoneId.of(m.timeZone()), 2), null, 0, TaskPriority.HIGH,
						null), user);
			}
		}
		return assignment;
	}

	/**
	 * The recruiting managers to tell: those on the account's team, else the one the
	 * recruiter reports to, else every recruiting manager.
	 */
	private Set<Long> recruitingManagers(long recruiterUserId, long accountId) {
		Set<Long> onTeam = new LinkedHashSet<>();
		Map<Long, UserSummary> people = users
			.findAll(accountManagement.team(accountId).stream().map(AccountManagement.TeamMember::userId).toList());
		people.values().stream().filter(u -> u.role() == Role.RECRUITING_MANAGER).forEach(u -> onTeam.add(u.id()));
		if (!onTeam.isEmpty()) {
			return onTeam;
		}
		return users.reportsTo(recruiterUserId)
			.filter(u -> u.role() == Role.RECRUITING_MANAGER)
			.map(u -> Set.of(u.id()))
			.orElseGet(() -> new HashSet<>(
					users.withRoles(Role.RECRUITING_MANAGER).stream().map(UserSummary::id).toList()));
	}

	/**
	 * Settles the pending success bonuses: earned once the account's health reaches the
	 * target during the assignment, not earned once the assignment ended without it.
	 * @return how many were settled
	 */
	@Transactional
	public int settleBonuses() {
		LocalDate today = time.organizationToday();
		int settled = 0;
		for (RecruiterAssignments.Assignment a : assignments.pendingBonuses()) {
			CurrentUser assigner = users.findByUsername(a.assignedBy())
				.map(u -> new CurrentUser(u.id(), u.username(), u.fullName(), u.role(), ZoneId.of(u.timeZone())))
				.orElse(null);
			if (assigner == null) {
				continue;
			}
			Integer score;
			try {
				score = accounts.one(a.accountId(), assigner).healthScore();
			}
			catch (io.intime.shared.NotFoundException archived) {
				score = null;
			}
			if (score != null && score >= a.bonusHealthTarget()) {
				settled += assignments.settleBonus(a.id(), true, today) ? 1 : 0;
			}
			else if (today.isAfter(a.endsOn())) {
				settled += assignments.settleBonus(a.id(), false, today) ? 1 : 0;
			}
		}
		if (settled > 0) {
			log.info("Settled {} recruiter success bonuses", settled);
		}
		return settled;
	}

	private StrategicAccount account(long accountId, CurrentUser user) {
		return accounts.one(accountId, user);
	}

	@Configuration(proxyBeanMethods = false)
	static class BonusJob {

		/** Settles success bonuses every hour (once across nodes). */
		@Bean
		RecurringTask<Void> recruiterBonuses(DedicatedRecruiters recruiters,
				@Value("${intime.executive.bonus-interval:1h}") Duration interval) {
			return Tasks.recurring("executive.recruiter-bonuses", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> recruiters.settleBonuses());
		}

	}

}
