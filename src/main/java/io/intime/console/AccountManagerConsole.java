package io.intime.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.HealthBand;
import io.intime.accounts.PortfolioAccount;
import io.intime.engagement.EngagementDigest;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.RecentEscalation;
import io.intime.health.UrgentAlerts;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Money;
import io.intime.shared.Today;
import io.intime.staffing.PlacementManagement;
import io.intime.staffing.RecentPlacement;
import io.intime.tasks.MyTasks;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskStatus;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The console of spec 02 step 1, read from the fact modules' public APIs in one statement
 * per section (ten at most, whatever the portfolio's size): the portfolio with its
 * contracts' ARR (accounts), its urgent alerts (health), the day's meetings (engagement)
 * and their preparation tasks, today's priorities (tasks), and the clients' activity of
 * the last 24 hours (engagement, escalations, staffing).
 */
@Service
public class AccountManagerConsole {

	/**
	 * How many urgent alerts, and how many items of client activity, the console lists.
	 */
	static final int ALERTS_SHOWN = 5;

	static final int ACTIVITY_SHOWN = 12;

	static final int TASKS_SHOWN = 8;

	private final AccountManagement accounts;

	private final UrgentAlerts alerts;

	private final EngagementDigest engagement;

	private final EscalationManagement escalations;

	private final PlacementManagement placements;

	private final TaskManagement tasks;

	private final UserDirectory users;

	private final Today time;

	AccountManagerConsole(AccountManagement accounts, UrgentAlerts alerts, EngagementDigest engagement,
			EscalationManagement escalations, PlacementManagement placements, TaskManagement tasks, UserDirectory users,
			Today time) {
		this.accounts = accounts;
		this.alerts = alerts;
		this.engagement = engagement;
		this.escalations = escalations;
		this.placements = placements;
		this.tasks = tasks;
		this.users = users;
		this.time = time;
	}

	/** Whether the user has a console (account managers and sales directors). */
	public static boolean hasConsole(CurrentUser user) {
		return user.hasRole(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR);
	}

	/**
	 * The user's console: an account manager's portfolio, or a sales director's team
	 * (their direct reports who manage accounts).
	 * @throws AccessDeniedException for the other roles
	 */
	@Transactional(readOnly = true)
	public ConsoleView of(CurrentUser user) {
		if (!hasConsole(user)) {
			throw new AccessDeniedException("The console is for account managers and sales directors");
		}
		boolean team = user.hasRole(Role.SALES_DIRECTOR);
		List<UserSummary> managers = team
				? users.directReports(user.id()).stream().filter(u -> u.role() == Role.ACCOUNT_MANAGER).toList()
				: List.of();
		List<Long> ownerIds = team ? managers.stream().map(UserSummary::id).toList() : List.of(user.id());
		ZoneId zone = user.timeZone();
		LocalDate today = time.today(zone);
		Instant now = time.now();
		Instant dayAgo = now.minus(24, ChronoUnit.HOURS);
		LocalDate yearAgo = today.minusYears(1);

		List<PortfolioAccount> portfolio = accounts.portfolio(ownerIds, yearAgo, user);
		Map<Long, PortfolioAccount> byId = portfolio.stream()
			.collect(Collectors.toMap(PortfolioAccount::id, Function.identity()));
		List<Long> ids = portfolio.stream().map(PortfolioAccount::id).toList();
		List<UrgentAlerts.Urgent> urgent = alerts.of(portfolio, user);

		Map<Long, String> names = portfolio.stream()
			.collect(Collectors.toMap(PortfolioAccount::id, PortfolioAccount::name));
		MyTasks mine = tasks.mine(user, null, TASKS_SHOWN, names);
		List<ConsoleView.MeetingItem> meetings = meetings(user, today, byId, mine);
		List<ConsoleView.FeedItem> activity = activity(portfolio, byId, ids, dayAgo, today, user);

		Money arr = portfolio.stream().map(PortfolioAccount::arrNowUsd).reduce(Money.zero("USD"), Money::plus);
		String title = team ? "Team console" : "Account Manager Console";
		return new ConsoleView(title, today, team, ownerIds, portfolio.size(), arr,
				retention(portfolio, yearAgo, today), bands(portfolio, team ? null : user.id()),
				urgent.stream().limit(ALERTS_SHOWN).toList(), urgent.size(), meetings, mine.overdue(),
				mine.overdueTotal(), mine.dueToday(), mine.todayTotal(), mine.doneToday(), activity,
				team ? managerRows(managers, portfolio, urgent) : List.of());
	}

	static ConsoleView.Retention retention(List<PortfolioAccount> portfolio, LocalDate from, LocalDate to) {
		Money then = Money.zero("USD");
		Money retained = Money.zero("USD");
		Money fresh = Money.zero("USD");
		int accountsThen = 0;
		int lost = 0;
		for (PortfolioAccount a : portfolio) {
			if (a.arrThenUsd().amount().signum() > 0) {
				accountsThen++;
				then = then.plus(a.arrThenUsd());
				retained = retained.plus(a.arrNowUsd());
				if (a.arrNowUsd().amount().signum() == 0) {
					lost++;
				}
			}
			else {
				fresh = fresh.plus(a.arrNowUsd());
			}
		}
		Integer percent = then.amount().signum() == 0 ? null
				: retained.amount()
					.multiply(java.math.BigDecimal.valueOf(100))
					.divide(then.amount(), 0, java.math.RoundingMode.HALF_UP)
					.intValue();
		return new ConsoleView.Retention(percent, then, retained, fresh, accountsThen, lost, from, to);
	}

	static List<ConsoleView.BandCount> bands(List<PortfolioAccount> portfolio, Long ownerId) {
		Map<HealthBand, Integer> counts = new LinkedHashMap<>();
		int unscored = 0;
		for (PortfolioAccount a : portfolio) {
			if (a.healthBand() == null) {
				unscored++;
			}
			else {
				counts.merge(a.healthBand(), 1, Integer::sum);
			}
		}
		List<ConsoleView.BandCount> bands = new ArrayList<>();
		String owner = ownerId == null ? "" : "owner=" + ownerId + "&";
		for (HealthBand band : List.of(HealthBand.RED, HealthBand.YELLOW, HealthBand.GREEN)) {
			int count = counts.getOrDefault(band, 0);
			bands.add(new ConsoleView.BandCount(band, band.label(), count, percent(count, portfolio.size()),
					"/accounts?" + owner + "band=" + band.name()));
		}
		if (unscored > 0) {
			bands.add(new ConsoleView.BandCount(null, "Not scored yet", unscored, percent(unscored, portfolio.size()),
					"/accounts?" + owner + "sort=health"));
		}
		return bands;
	}

	private static int percent(int count, int total) {
		return total == 0 ? 0 : Math.round(count * 100f / total);
	}

	/**
	 * The day's meetings with their preparation: the user's task about the meeting (the
	 * plan for tomorrow makes one) among the tasks already read, open or done today.
	 */
	private List<ConsoleView.MeetingItem> meetings(CurrentUser user, LocalDate today, Map<Long, PortfolioAccount> byId,
			MyTasks mine) {
		List<EngagementDigest.Meeting> day = engagement.meetingsOn(today, user);
		Map<Long, TaskStatus> prep = new java.util.HashMap<>();
		java.util.stream.Stream.of(mine.overdue(), mine.dueToday(), mine.done())
			.flatMap(List::stream)
			.filter(t -> "activity".equals(t.recordType()) && t.recordId() != null)
			.forEach(t -> prep.merge(t.recordId(), t.status(), (a, b) -> a == TaskStatus.OPEN ? a : b));
		return day.stream().map(m -> {
			TaskStatus status = prep.get(m.activityId());
			String preparation = status == TaskStatus.DONE ? "PREPARED"
					: status == TaskStatus.OPEN ? "PLANNED" : "NOT_PREPARED";
			PortfolioAccount account = byId.get(m.accountId());
			return new ConsoleView.MeetingItem(m.activityId(), m.accountId(), account == null ? null : account.name(),
					m.type().label(), m.subject(), m.start(), m.durationMinutes(), m.executiveTouchpoint(),
					preparation);
		}).toList();
	}

	private List<ConsoleView.FeedItem> activity(List<PortfolioAccount> portfolio, Map<Long, PortfolioAccount> byId,
			List<Long> ids, Instant since, LocalDate today, CurrentUser user) {
		List<ConsoleView.FeedItem> feed = new ArrayList<>();
		for (EngagementDigest.ClientTouch t : engagement.fromClientsSince(portfolio, since, user)) {
			String name = byId.get(t.accountId()).name();
			if ("NPS".equals(t.kind())) {
				feed.add(new ConsoleView.FeedItem("NPS", t.at(), t.accountId(), name,
						"NPS " + t.score() + "/10" + (t.title().isBlank() ? "" : ": “" + t.title() + "”"),
						"/accounts/" + t.accountId() + "/activities",
						t.score() >= 9 ? "good" : t.score() <= 6 ? "bad" : "neutral"));
			}
			else {
				feed.add(new ConsoleView.FeedItem("EMAIL", t.at(), t.accountId(), name, "Email: " + t.title(),
						"/accounts/" + t.accountId() + "/activities", "neutral"));
			}
		}
		for (RecentEscalation e : escalations.raisedSince(ids, since)) {
			feed.add(new ConsoleView.FeedItem("ESCALATION", e.raisedAt(), e.accountId(), byId.get(e.accountId()).name(),
					e.key() + " (" + e.severity() + "): " + e.title(), "/escalations/" + e.id(), "bad"));
		}
		for (RecentPlacement p : placements.startedBetween(ids, today.minusDays(1), today)) {
			feed.add(new ConsoleView.FeedItem("PLACEMENT", p.startDate().atStartOfDay(user.timeZone()).toInstant(),
					p.accountId(), byId.get(p.accountId()).name(), p.candidateName() + " started as " + p.jobTitle(),
					"/accounts/" + p.accountId() + "/staffing", "good"));
		}
		feed.sort(Comparator.comparing(ConsoleView.FeedItem::at).reversed());
		return feed.stream().limit(ACTIVITY_SHOWN).toList();
	}

	private static List<ConsoleView.ManagerRow> managerRows(List<UserSummary> managers,
			List<PortfolioAccount> portfolio, List<UrgentAlerts.Urgent> urgent) {
		Map<Long, Long> accountOwner = portfolio.stream()
			.filter(a -> a.ownerId() != null)
			.collect(Collectors.toMap(PortfolioAccount::id, PortfolioAccount::ownerId));
		return managers.stream().map(m -> {
			List<PortfolioAccount> own = portfolio.stream().filter(a -> Objects.equals(a.ownerId(), m.id())).toList();
			return new ConsoleView.ManagerRow(m.id(), m.fullName(), own.size(),
					own.stream().map(PortfolioAccount::arrNowUsd).reduce(Money.zero("USD"), Money::plus),
					(int) own.stream().filter(a -> a.healthBand() == HealthBand.GREEN).count(),
					(int) own.stream().filter(a -> a.healthBand() == HealthBand.YELLOW).count(),
					(int) own.stream().filter(a -> a.healthBand() == HealthBand.RED).count(),
					(int) own.stream().filter(a -> a.healthBand() == null).count(),
					(int) urgent.stream()
						.filter(u -> u.critical() && Objects.equals(accountOwner.get(u.accountId()), m.id()))
						.count(),
					"/accounts?owner=" + m.id());
		}).sorted(Comparator.comparing(ConsoleView.ManagerRow::red).reversed()).toList();
	}

}
