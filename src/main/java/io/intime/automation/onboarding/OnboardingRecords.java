package io.intime.automation.onboarding;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.ActivityView;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.shared.Money;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.Today;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskQuery;
import io.intime.tasks.TaskView;
import io.intime.workflows.ActionContext;

import org.springframework.stereotype.Component;

/**
 * What several onboarding steps read the same way: the run's account and contract, the
 * people who play the template's roles, a task made before, the last contact with the
 * client, and amounts and dates as the run's log writes them.
 */
@Component
class OnboardingRecords {

	private static final int PAGE = PageRequest.MAX_SIZE;

	/** How far back "the last contact" is looked for, in activities. */
	private static final int MOST_ACTIVITIES_READ = 2_000;

	private final AccountManagement accounts;

	private final ContractManagement contracts;

	private final UserDirectory users;

	private final TaskManagement tasks;

	private final ActivityManagement activities;

	private final Today time;

	OnboardingRecords(AccountManagement accounts, ContractManagement contracts, UserDirectory users,
			TaskManagement tasks, ActivityManagement activities, Today time) {
		this.accounts = accounts;
		this.contracts = contracts;
		this.users = users;
		this.tasks = tasks;
		this.activities = activities;
		this.time = time;
	}

	AccountDetails account(ActionContext context) {
		return accounts.get(context.accountId(), context.actingAs());
	}

	/**
	 * The contract the run is about; without one (a run started by hand), the account's
	 * ACTIVE contract that ends last, else its latest contract. Empty when it has none.
	 */
	Optional<ContractView> contract(ActionContext context) {
		List<ContractView> all = contracts.forAccount(context.accountId(), context.actingAs());
		if (context.contractId() != null) {
			Optional<ContractView> named = all.stream().filter(c -> c.id() == context.contractId()).findFirst();
			if (named.isPresent()) {
				return named;
			}
		}
		Comparator<ContractView> latest = Comparator.comparing(ContractView::endDate)
			.thenComparing(ContractView::startDate)
			.thenComparingLong(ContractView::id);
		return all.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.max(latest)
			.or(() -> all.stream().max(latest));
	}

	/** The account's ACTIVE contracts, ending soonest first. */
	List<ContractView> activeContracts(ActionContext context) {
		return contracts.forAccount(context.accountId(), context.actingAs())
			.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.sorted(Comparator.comparing(ContractView::endDate).thenComparingLong(ContractView::id))
			.toList();
	}

	/**
	 * Who plays an internal role of the run; the run's owner when nobody does (no user
	 * has the role's binding).
	 */
	UserSummary roleUser(ActionContext context, String role) {
		Long id = context.roleUsers().get(role);
		return users.find(id != null ? id : context.actingAs().id())
			.orElseGet(() -> users.find(context.actingAs().id()).orElseThrow());
	}

	/** Whether somebody plays the role (else {@link #roleUser} is the run's owner). */
	static boolean played(ActionContext context, String role) {
		return context.roleUsers().get(role) != null;
	}

	Optional<UserSummary> user(Long id) {
		return id == null ? Optional.empty() : users.find(id);
	}

	/** "Pat Lee (Sales Director)". */
	static String person(UserSummary user) {
		return user.fullName() + " (" + user.role().label() + ")";
	}

	/**
	 * A task of the account with this title made before (by an earlier attempt or run),
	 * whatever its status: a step makes its task once.
	 */
	Optional<TaskView> existingTask(long accountId, String title, CurrentUser user) {
		for (int page = 0; page < 50; page++) {
			PageResult<TaskView> found = tasks.search(new TaskQuery(null, accountId, null, null, null, page, PAGE),
					user);
			Optional<TaskView> same = found.items().stream().filter(t -> t.title().equals(title)).findFirst();
			if (same.isPresent() || !found.hasNext()) {
				return same;
			}
		}
		return Optional.empty();
	}

	/** The latest call, email or meeting with the client that has taken place. */
	record LastContact(Instant at, LocalDate day, long daysAgo, ActivityView activity) {

		String kind() {
			return activity.type().label().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The account's last interaction with the client: the latest call, email or meeting
	 * that has taken place, whichever side started it (a note, an internal entry or a
	 * planned call is no contact). Days are counted in the account's time zone. Empty
	 * when there is none.
	 */
	Optional<LastContact> lastContact(AccountDetails account, CurrentUser user) {
		return lastContact(account, user, java.util.Set.of());
	}

	/** {@link #lastContact(AccountDetails, CurrentUser)} but for these activities. */
	Optional<LastContact> lastContact(AccountDetails account, CurrentUser user, java.util.Set<Long> except) {
		Instant now = time.now();
		ZoneId zone = zone(account);
		LocalDate today = time.today(zone);
		for (int page = 0; page * PAGE < MOST_ACTIVITIES_READ; page++) {
			PageResult<ActivityView> found = activities.search(account.id(), null, new PageRequest(page, PAGE), user);
			Optional<ActivityView> contact = found.items()
				.stream()
				.filter(a -> a.type() != ActivityType.NOTE && a.direction() != ActivityDirection.INTERNAL)
				.filter(a -> !a.occurredAt().isAfter(now))
				.filter(a -> !except.contains(a.id()))
				.findFirst();
			if (contact.isPresent()) {
				ActivityView a = contact.get();
				LocalDate day = LocalDate.ofInstant(a.occurredAt(), zone);
				return Optional.of(new LastContact(a.occurredAt(), day,
						java.time.temporal.ChronoUnit.DAYS.between(day, today), a));
			}
			if (!found.hasNext()) {
				break;
			}
		}
		return Optional.empty();
	}

	ZoneId zone(AccountDetails account) {
		try {
			return ZoneId.of(account.timeZone());
		}
		catch (RuntimeException e) {
			return Today.ORGANIZATION_ZONE;
		}
	}

	Instant now() {
		return time.now();
	}

	/** The organization's day (UTC), as alerts and the health score count days. */
	LocalDate today() {
		return time.organizationToday();
	}

	LocalDate todayIn(ZoneId zone) {
		return time.today(zone);
	}

	/** Whether it happened within the last {@code days} days. */
	boolean within(Instant at, int days) {
		return !at.isBefore(time.now().minus(Duration.ofDays(days)));
	}

	/**
	 * "USD 540,000", "EUR 12,500.50": the currency's code, as the run's log writes it.
	 */
	static String money(Money money) {
		return money.currency() + " " + amount(money.amount());
	}

	static String amount(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.US));
		return format.format(amount);
	}

	/** "1 day", "12 days". */
	static String days(long days) {
		return days + (Math.abs(days) == 1 ? " day" : " days");
	}

	/** "1 contact", "3 contacts". */
	static String count(long n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

}
