package io.intime.briefings;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.intime.accounts.AccountSummary;
import io.intime.accounts.HealthBand;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityTally;
import io.intime.engagement.ActivityType;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationView;
import io.intime.escalations.Severity;
import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityView;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.MoneyFormat;
import io.intime.shared.Today;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPlanning;
import io.intime.tasks.TaskView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The end-of-day summary of an account manager (spec 02 step 18): the day's counts
 * computed from the records (accounts engaged, calls, emails, meetings, escalations
 * resolved, tasks done, pipeline moved), highlights, risks and tomorrow's priorities; on
 * confirm it goes to the manager the user reports to, by the notifications module (in the
 * app and by email), and is kept.
 */
@Service
public class DailySummaries {

	static final String KIND = "briefings.daily-summary";

	private final Portfolios portfolios;

	private final ActivityManagement activities;

	private final EscalationManagement escalations;

	private final OpportunityManagement opportunities;

	private final TaskManagement tasks;

	private final TaskPlanning planning;

	private final UserDirectory users;

	private final Notifications notifications;

	private final JdbcClient jdbc;

	private final Today time;

	DailySummaries(Portfolios portfolios, ActivityManagement activities, EscalationManagement escalations,
			OpportunityManagement opportunities, TaskManagement tasks, TaskPlanning planning, UserDirectory users,
			Notifications notifications, JdbcClient jdbc, Today time) {
		this.portfolios = portfolios;
		this.activities = activities;
		this.escalations = escalations;
		this.opportunities = opportunities;
		this.tasks = tasks;
		this.planning = planning;
		this.users = users;
		this.notifications = notifications;
		this.jdbc = jdbc;
		this.time = time;
	}

	/** A line of the summary about an account's record. */
	public record Line(Long accountId, String accountName, String text) {
	}

	/** A summary that was sent. */
	public record Sent(Instant at, String toName, String subject, String body) {
	}

	public record Summary(LocalDate day, int accountsEngaged, ActivityTally activities, List<Line> resolved,
			List<Line> tasksDone, List<Line> pipeline, List<Line> risks, List<Line> tomorrow,
			Optional<UserSummary> manager, Optional<Sent> lastSent) {

		public long calls() {
			return activities.of(ActivityType.CALL);
		}

		public long emails() {
			return activities.of(ActivityType.EMAIL);
		}

		public long meetings() {
			return activities.of(ActivityType.MEETING);
		}

		public String subject(String userName) {
			return "AM Daily Summary – " + userName + " – " + day;
		}

		/** The email's text, as spec 02 step 18 lays it out; the user's note first. */
		public String body(String note) {
			StringBuilder text = new StringBuilder();
			if (note != null && !note.isBlank()) {
				text.append(note.trim()).append("\n\n");
			}
			text.append("ACCOUNTS ENGAGED TODAY: ").append(accountsEngaged).append("\n\n");
			section(text, "ESCALATIONS RESOLVED", resolved, "✓ ");
			section(text, "TASKS COMPLETED", tasksDone, "✓ ");
			section(text, "EXPANSION PIPELINE", pipeline, "• ");
			section(text, "RISKS & ESCALATIONS", risks, "⚠ ");
			text.append("TOMORROW'S PRIORITIES:\n");
			if (tomorrow.isEmpty()) {
				text.append("Nothing planned yet.\n");
			}
			for (int i = 0; i < tomorrow.size(); i++) {
				text.append(i + 1).append(". ").append(tomorrow.get(i).text()).append('\n');
			}
			text.append("\n---\nLogged activities: ")
				.append(activities.total())
				.append("\nCalls: ")
				.append(calls())
				.append("\nEmails: ")
				.append(emails())
				.append("\nMeetings: ")
				.append(meetings())
				.append("\nEscalations resolved: ")
				.append(resolved.size())
				.append("\nTasks completed: ")
				.append(tasksDone.size());
			return text.toString();
		}

		private static void section(StringBuilder text, String title, List<Line> lines, String bullet) {
			if (lines.isEmpty()) {
				return;
			}
			text.append(title).append(":\n");
			lines.forEach(l -> text.append(bullet).append(l.text()).append('\n'));
			text.append('\n');
		}

	}

	/** Today's summary of the user, as it stands now. */
	@Transactional(readOnly = true)
	public Summary today(CurrentUser user) {
		ZoneId zone = user.timeZone();
		LocalDate day = time.today(zone);
		Instant from = day.atStartOfDay(zone).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
		List<AccountSummary> accounts = portfolios.accounts(user, user.id());
		List<Long> ids = accounts.stream().map(AccountSummary::id).toList();
		Set<Long> engaged = new TreeSet<>();

		ActivityTally tally = activities.tallyBetween(ids, from, to, user);
		engaged.addAll(tally.accountIds());

		List<Line> resolved = new ArrayList<>();
		List<Line> risks = new ArrayList<>();
		for (EscalationView e : escalations.openOrEndedSince(ids, from, user)) {
			if (e.status().ended()) {
				if (e.resolvedAt() != null && !e.resolvedAt().isBefore(from) && e.resolvedAt().isBefore(to)) {
					engaged.add(e.accountId());
					resolved.add(new Line(e.accountId(), e.accountName(),
							e.accountName() + ": " + e.key() + " " + e.title() + " resolved"));
				}
			}
			else if (e.severity() == Severity.P0 || e.severity() == Severity.P1) {
				risks
					.add(new Line(e.accountId(), e.accountName(), e.accountName() + ": " + e.key() + " (" + e.severity()
							+ ") " + e.title() + " is " + e.status().name().replace('_', ' ').toLowerCase()));
			}
		}
		for (AccountSummary a : accounts) {
			if (a.healthBand() == HealthBand.RED) {
				risks.add(new Line(a.id(), a.name(),
						a.name() + ": health RED" + (a.healthScore() == null ? "" : " (" + a.healthScore() + "/100)")));
			}
		}

		List<Line> done = new ArrayList<>();
		for (TaskView t : tasks.mine(user, null, TaskManagement.LIST_LIMIT_ALL).done()) {
			if (t.completedAt() != null && !t.completedAt().isBefore(from) && t.completedAt().isBefore(to)) {
				if (t.accountId() != null && ids.contains(t.accountId())) {
					engaged.add(t.accountId());
				}
				done.add(new Line(t.accountId(), t.accountName(),
						t.accountName() == null ? t.title() : t.accountName() + ": " + t.title()));
			}
		}

		List<Line> pipeline = new ArrayList<>();
		for (OpportunityView o : opportunities.changedBetween(ids, from, to, user)) {
			engaged.add(o.accountId());
			pipeline.add(new Line(o.accountId(), o.accountName(),
					o.accountName() + ": " + o.title() + " – " + o.stage().name().charAt(0)
							+ o.stage().name().substring(1).toLowerCase() + ", " + MoneyFormat.compact(o.value())));
		}

		List<Line> tomorrow = planning.plan(user, day.plusDays(1))
			.items()
			.stream()
			.limit(5)
			.map(i -> new Line(i.accountId(), i.accountName(),
					(i.time() == null ? "" : i.time() + " ") + i.title()
							+ (i.accountName() == null || i.title().contains(i.accountName()) ? ""
									: " (" + i.accountName() + ")")))
			.toList();

		return new Summary(day, engaged.size(), tally, resolved, done, pipeline, risks, tomorrow,
				users.reportsTo(user.id()), lastSent(user.id(), day));
	}

	/**
	 * Sends today's summary, with the user's note, to their manager and keeps it.
	 * @throws InvalidInputException ({@code manager}) when the user reports to no one
	 */
	@Transactional
	public Sent send(String note, CurrentUser user) {
		Summary summary = today(user);
		UserSummary manager = summary.manager()
			.orElseThrow(() -> new InvalidInputException(List.of(new FieldError("manager",
					"You report to no one in InTime: ask an administrator to set your manager"))));
		if (note != null && note.length() > 5000) {
			throw new InvalidInputException(List.of(new FieldError("note", "must be at most 5,000 characters")));
		}
		String subject = summary.subject(user.fullName());
		String body = summary.body(note);
		Instant now = time.now();
		long id = jdbc.sql("""
				insert into daily_summary (user_id, day, sent_to_id, sent_at, subject, body, note)
				values (:user, :day, :to, :at, :subject, :body, :note) returning id""")
			.param("user", user.id())
			.param("day", summary.day())
			.param("to", manager.id())
			.param("at", Timestamp.from(now))
			.param("subject", subject)
			.param("body", body)
			.param("note", note == null || note.isBlank() ? null : note.trim())
			.query(Long.class)
			.single();
		notifications.send(
				Notice
					.about(KIND, null, "daily_summary", id, "sent", subject, body,
							"/briefings/daily-summary/sent/" + id, user.actor())
					.to(manager.id()));
		return new Sent(now, manager.fullName(), subject, body);
	}

	/** A summary that was sent, for its sender and its recipient. */
	@Transactional(readOnly = true)
	public Optional<Sent> sent(long id, CurrentUser user) {
		return jdbc
			.sql("""
					select s.sent_at, u.full_name, s.subject, s.body from daily_summary s join app_user u on u.id = s.sent_to_id
					 where s.id = :id and (s.user_id = :me or s.sent_to_id = :me)""")
			.param("id", id)
			.param("me", user.id())
			.query((rs, n) -> new Sent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.optional();
	}

	private Optional<Sent> lastSent(long userId, LocalDate day) {
		return jdbc
			.sql("""
					select s.sent_at, u.full_name, s.subject, s.body from daily_summary s join app_user u on u.id = s.sent_to_id
					 where s.user_id = :user and s.day = :day order by s.sent_at desc limit 1""")
			.param("user", userId)
			.param("day", day)
			.query((rs, n) -> new Sent(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
					rs.getString(4)))
			.optional();
	}

	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NotificationKind dailySummaryKind() {
			return new NotificationKind(KIND, "Daily summary",
					"The end-of-day summary an account manager who reports to you sent.", Set.of(Audience.NAMED),
					NotificationSeverity.NORMAL, Set.of(Channel.IN_APP, Channel.EMAIL));
		}

	}

}
