package io.intime.qbr;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import io.intime.accounts.ReportableAccount;
import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Today;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The QBR calendar: a month of QBRs (a grid by day, and the same as a list) of an account
 * manager's accounts, a sales director's team's, or the strategic accounts an executive
 * sponsors (or all), each with its account, quarter, state (due, scheduled with its time,
 * overdue, done) and owner; the planned QBRs still to schedule, overdue first; and the
 * completion rate of the last twelve months with its quality criteria, per account
 * manager. Opening it plans the current quarter's QBRs of its accounts and releases those
 * whose meeting was cancelled ({@link QbrScheduling}), so it never waits for the nightly
 * job.
 */
@Service
public class QbrCalendar {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	/** Whose QBRs a calendar shows. */
	public enum Scope {

		/** An account manager's accounts. */
		MINE("Your accounts"),
		/** The accounts of the account managers who report to a sales director. */
		TEAM("Your team's accounts"),
		/** The strategic accounts an executive sponsors. */
		SPONSORED("Accounts you sponsor"),
		/** Every strategic account. */
		STRATEGIC("All strategic accounts"),
		/** Every account the reader sees. */
		ALL("All accounts"),
		/**
		 * The executive's strategic portfolio (spec 01): the strategic accounts an
		 * executive sponsors, or every one when they sponsor none; a sales director's
		 * team's strategic accounts.
		 */
		PORTFOLIO("Your strategic portfolio");

		private final String label;

		Scope(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The scope a request names, or null. */
		public static Scope of(String param) {
			if (param == null || param.isBlank()) {
				return null;
			}
			for (Scope s : values()) {
				if (s.param().equalsIgnoreCase(param.trim())) {
					return s;
				}
			}
			return null;
		}

	}

	/** How a QBR stands as the calendar shows it. */
	public enum State {

		/** Planned, no meeting yet, due date ahead. */
		DUE("Due"),
		/** Its meeting is in the calendar. */
		SCHEDULED("Scheduled"),
		/** Not held and its due date has passed. */
		OVERDUE("Overdue"),
		/** Held and finalized. */
		DONE("Done");

		private final String label;

		State(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** The states a request names (unknown names are ignored); all when none. */
		public static Set<State> of(Collection<String> params) {
			Set<State> states = EnumSet.noneOf(State.class);
			if (params != null) {
				for (String p : params) {
					for (State s : values()) {
						if (s.param().equalsIgnoreCase(p.trim())) {
							states.add(s);
						}
					}
				}
			}
			return states.isEmpty() ? EnumSet.allOf(State.class) : states;
		}

	}

	/**
	 * One QBR on the calendar.
	 *
	 * @param day the day it stands on: its meeting's, else when it was done, else its due
	 * date
	 * @param time its meeting's start in the reader's zone ("10:00 AM"), or null
	 * @param cadence the account's cadence, e.g. "Quarterly: Executive QBR"
	 * @param held its meeting has started but it is not finalized yet
	 */
	public record Entry(QbrView qbr, State state, LocalDate day, String time, String cadence, boolean editable,
			boolean held) {

		/** "Due Dec 31", "Overdue since Sep 30", "10:00 AM", "Done Nov 14". */
		public String when() {
			return switch (state) {
				case DONE -> "Done " + DAY.format(day);
				case SCHEDULED -> DAY.format(day) + (time == null ? "" : ", " + time);
				case OVERDUE ->
					time != null ? DAY.format(day) + ", " + time + " (due " + DAY.format(qbr.dueDate()) + ")"
							: "Overdue since " + DAY.format(qbr.dueDate());
				case DUE -> "Due by " + DAY.format(qbr.dueDate());
			};
		}

	}

	/** A day of the month grid. */
	public record Day(LocalDate date, boolean inMonth, boolean today, List<Entry> entries) {
	}

	/** An account manager's completion rate. */
	public record OwnerRate(long ownerId, String ownerName, QbrCompletionRate rate) {
	}

	/** The completion rate of the QBRs due from {@code from} to {@code to}. */
	public record Completion(LocalDate from, LocalDate to, QbrCompletionRate rate, List<OwnerRate> owners) {
	}

	/**
	 * A month of the calendar.
	 *
	 * @param weeks the grid, Monday first, with the days of the months around it
	 * @param entries the month's QBRs by day (the list view)
	 * @param unscheduled the planned QBRs without a meeting, overdue first, whatever
	 * their month
	 * @param counts the month's QBRs per state
	 */
	public record View(Scope scope, List<Scope> scopes, Long ownerId, String ownerName, YearMonth month,
			LocalDate today, List<List<Day>> weeks, List<Entry> entries, List<Entry> unscheduled, Set<State> states,
			Map<State, Integer> counts, Completion completion) {

		public boolean shows(State state) {
			return states.contains(state);
		}

		public boolean filtered() {
			return states.size() < State.values().length;
		}

		/** Whether its accounts have more than one manager (else owners go unsaid). */
		public boolean manyOwners() {
			return ownerId == null && scope != Scope.MINE;
		}

	}

	private final Qbrs qbrs;

	private final QbrScheduling scheduling;

	private final QbrCompletion completion;

	private final UserDirectory users;

	private final Today time;

	QbrCalendar(Qbrs qbrs, QbrScheduling scheduling, QbrCompletion completion, UserDirectory users, Today time) {
		this.qbrs = qbrs;
		this.scheduling = scheduling;
		this.completion = completion;
		this.users = users;
		this.time = time;
	}

	/** The scopes the user may choose, the default first. */
	public List<Scope> scopes(CurrentUser user) {
		Qbrs.requireReader(user);
		if (user.hasRole(Role.ACCOUNT_MANAGER)) {
			return List.of(Scope.MINE);
		}
		if (user.hasRole(Role.SALES_DIRECTOR)) {
			return users.directReports(user.id()).isEmpty() ? List.of(Scope.ALL, Scope.STRATEGIC)
					: List.of(Scope.TEAM, Scope.STRATEGIC, Scope.ALL);
		}
		if (user.hasRole(Role.EXECUTIVE)) {
			return List.of(Scope.SPONSORED, Scope.STRATEGIC, Scope.ALL);
		}
		return List.of(Scope.ALL, Scope.STRATEGIC);
	}

	/**
	 * A month of QBRs.
	 * @param scope whose accounts (null or one the user may not choose: their default)
	 * @param ownerId only this account manager's accounts, or null; an account manager
	 * may name only themselves
	 * @param states the states shown (all when empty)
	 * @throws AccessDeniedException for roles that do not read QBRs, and an account
	 * manager asking for another's
	 */
	public View month(YearMonth month, Scope scope, Long ownerId, Set<State> states, CurrentUser user) {
		List<Scope> scopes = scopes(user);
		Scope chosen = scope == Scope.PORTFOLIO && user.hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR) ? scope
				: scope != null && scopes.contains(scope) ? scope : scopes.get(0);
		if (ownerId != null && user.hasRole(Role.ACCOUNT_MANAGER) && ownerId != user.id()) {
			throw new AccessDeniedException("Account managers see their own QBRs");
		}
		Map<Long, ReportableAccount> visible = qbrs.visibleAccounts(user);
		List<ReportableAccount> inScope = visible.values()
			.stream()
			.filter(accountsOf(chosen, user, visible.values()))
			.filter(a -> ownerId == null || Objects.equals(a.ownerId(), ownerId))
			.toList();
		List<Long> ids = inScope.stream().map(ReportableAccount::id).toList();
		Set<Long> owners = new HashSet<>();
		inScope.forEach(a -> {
			if (a.ownerId() != null) {
				owners.add(a.ownerId());
			}
		});
		scheduling.planFor(owners);
		scheduling.releaseCancelledMeetings(ids);

		ZoneId zone = user.timeZone();
		LocalDate today = time.today(zone);
		LocalDate gridFrom = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		LocalDate gridTo = month.atEndOfMonth().with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
		List<Entry> all = ids.isEmpty() ? List.of()
				: qbrs.onCalendar(gridFrom, gridTo, ids, zone, user)
					.stream()
					.map(q -> entry(q, visible.get(q.accountId()), zone, today, user))
					.toList();
		Map<State, Integer> counts = new EnumMap<>(State.class);
		for (State s : State.values()) {
			counts.put(s, 0);
		}
		all.stream()
			.filter(e -> YearMonth.from(e.day()).equals(month))
			.forEach(e -> counts.merge(e.state(), 1, Integer::sum));
		List<Entry> shown = all.stream().filter(e -> states.contains(e.state())).toList();
		List<List<Day>> weeks = new ArrayList<>();
		for (LocalDate monday = gridFrom; !monday.isAfter(gridTo); monday = monday.plusWeeks(1)) {
			List<Day> week = new ArrayList<>();
			for (int i = 0; i < 7; i++) {
				LocalDate d = monday.plusDays(i);
				week.add(new Day(d, YearMonth.from(d).equals(month), d.equals(today),
						shown.stream().filter(e -> e.day().equals(d)).toList()));
			}
			weeks.add(week);
		}
		List<Entry> unscheduled = ids.isEmpty() ? List.of()
				: qbrs.unscheduled(ids, user)
					.stream()
					.map(q -> entry(q, visible.get(q.accountId()), zone, today, user))
					.filter(e -> states.contains(e.state()))
					.toList();
		String ownerName = ownerId == null ? null : users.find(ownerId).map(UserSummary::fullName).orElse(null);
		return new View(chosen, scopes, ownerId, ownerName, month, today, weeks,
				shown.stream().filter(e -> YearMonth.from(e.day()).equals(month)).toList(), unscheduled, states, counts,
				completionOf(ids, inScope));
	}

	/** Who a scope covers, among the accounts the user may read. */
	private Predicate<ReportableAccount> accountsOf(Scope scope, CurrentUser user,
			Collection<ReportableAccount> visible) {
		return switch (scope) {
			case MINE -> a -> Objects.equals(a.ownerId(), user.id());
			case TEAM -> {
				Set<Long> team = reports(user);
				yield a -> a.ownerId() != null && team.contains(a.ownerId());
			}
			case SPONSORED -> a -> Objects.equals(a.executiveSponsorId(), user.id());
			case STRATEGIC -> QbrCalendar::strategic;
			case ALL -> a -> true;
			case PORTFOLIO -> {
				if (user.hasRole(Role.SALES_DIRECTOR)) {
					Set<Long> team = reports(user);
					yield a -> strategic(a) && a.ownerId() != null && team.contains(a.ownerId());
				}
				boolean sponsors = visible.stream()
					.anyMatch(a -> strategic(a) && Objects.equals(a.executiveSponsorId(), user.id()));
				yield sponsors ? a -> strategic(a) && Objects.equals(a.executiveSponsorId(), user.id())
						: QbrCalendar::strategic;
			}
		};
	}

	private Set<Long> reports(CurrentUser user) {
		Set<Long> team = new HashSet<>();
		users.directReports(user.id())
			.stream()
			.filter(u -> u.role() == Role.ACCOUNT_MANAGER)
			.forEach(u -> team.add(u.id()));
		return team;
	}

	private static boolean strategic(ReportableAccount a) {
		return a.strategic() || a.tier() == Tier.STRATEGIC;
	}

	private Completion completionOf(List<Long> accountIds, List<ReportableAccount> accounts) {
		LocalDate[] period = completion.lastTwelveMonths();
		QbrCompletion.Breakdown breakdown = completion.ofAccounts(accountIds, period[0], period[1]);
		Map<Long, String> names = new LinkedHashMap<>();
		accounts.forEach(a -> {
			if (a.ownerId() != null) {
				names.putIfAbsent(a.ownerId(), a.ownerName());
			}
		});
		List<OwnerRate> owners = new ArrayList<>();
		breakdown.byOwner().forEach((owner, rate) -> {
			String name = names.get(owner);
			if (name == null) {
				name = users.find(owner).map(UserSummary::fullName).orElse("Former user");
			}
			owners.add(new OwnerRate(owner, name, rate));
		});
		owners.sort(Comparator.comparing(OwnerRate::ownerName));
		return new Completion(period[0], period[1], breakdown.total(), owners);
	}

	private Entry entry(QbrView q, ReportableAccount account, ZoneId zone, LocalDate today, CurrentUser user) {
		boolean open = q.status() == QbrStatus.PLANNED || q.status() == QbrStatus.SCHEDULED;
		State state = q.status() == QbrStatus.COMPLETED ? State.DONE : open && q.dueDate().isBefore(today)
				? State.OVERDUE : q.status() == QbrStatus.SCHEDULED ? State.SCHEDULED : State.DUE;
		String at = q.startsAt() == null || q.status() == QbrStatus.COMPLETED ? null
				: TIME.format(q.startsAt().atZone(zone));
		boolean held = q.status() == QbrStatus.SCHEDULED && q.startsAt() != null && q.startsAt().isBefore(time.now());
		String cadence = account == null ? null : QbrCadence.describe(account.tier(), account.strategic());
		return new Entry(q, state, Qbrs.calendarDay(q, zone), at, cadence, qbrs.mayEdit(q, user), held);
	}

}
