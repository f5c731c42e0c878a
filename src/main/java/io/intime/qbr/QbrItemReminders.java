package io.intime.qbr;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.shared.Actor;
import io.intime.shared.Today;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client's action items of finalized QBRs are tracked (spec 02 step 9): when one
 * falls due within {@link #DAYS_AHEAD} days its owner gets one reminder email from the
 * QBR's account manager, and once it is overdue the account manager is told in the app
 * (once per item). Claimed with {@code FOR UPDATE SKIP LOCKED}, so that two nodes never
 * remind twice.
 */
@Component
public class QbrItemReminders {

	static final String OVERDUE_KIND = "qbr.client-item-overdue";

	/** A reminder goes out when the due date is at most this many days ahead. */
	static final int DAYS_AHEAD = 2;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMMM d", Locale.US);

	private final JdbcClient jdbc;

	private final ClientMail mail;

	private final Notifications notifications;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final Today time;

	QbrItemReminders(JdbcClient jdbc, ClientMail mail, Notifications notifications, ContactManagement contacts,
			UserDirectory users, Today time) {
		this.jdbc = jdbc;
		this.mail = mail;
		this.notifications = notifications;
		this.contacts = contacts;
		this.users = users;
		this.time = time;
	}

	/** What one run did. */
	public record Run(int reminded, int overdueNotices) {
	}

	private record Due(long id, long qbrId, long accountId, String accountName, String quarter, String text,
			long contactId, LocalDate dueDate, Long ownerId) {
	}

	/**
	 * Emails the owners of the client items due soon that were not reminded yet, and
	 * tells the account managers of the overdue ones.
	 */
	@Transactional
	public Run run() {
		LocalDate today = time.organizationToday();
		List<Due> soon = jdbc.sql(SELECT + """
				  and i.reminded_at is null and i.due_date between :today and :until
				order by i.due_date, i.id limit 500 for update of i skip locked""")
			.param("today", today)
			.param("until", today.plusDays(DAYS_AHEAD))
			.query(QbrItemReminders::due)
			.list();
		Map<Long, ContactView> people = contacts.byIds(soon.stream().map(Due::contactId).toList());
		Map<Long, UserSummary> managers = users
			.findAll(soon.stream().map(Due::ownerId).filter(java.util.Objects::nonNull).toList());
		Instant now = time.now();
		List<Long> reminded = new ArrayList<>();
		for (Due item : soon) {
			ContactView contact = people.get(item.contactId());
			UserSummary manager = item.ownerId() == null ? null : managers.get(item.ownerId());
			if (contact == null || contact.email() == null || contact.email().isBlank() || manager == null
					|| !manager.enabled()) {
				continue;
			}
			String quarter = QbrQuarter.parse(item.quarter(), "quarter").label();
			String body = "Hi " + contact.name().trim().split("\\s+")[0] + ",\n\n"
					+ "A friendly reminder of the action item we agreed on in our " + quarter
					+ " business review:\n\n□ " + item.text() + " - Due: " + item.dueDate().format(DAY) + "\n\n"
					+ "If it is done already, or if anything stands in the way, just reply to this email.\n\n"
					+ "Best regards,\n" + manager.fullName();
			mail.send(new ClientEmail(manager.fullName(), manager.email(), contact.name(), contact.email(),
					"Reminder: " + item.text() + " (due " + item.dueDate().format(DAY) + ")", body, null, List.of()));
			reminded.add(item.id());
		}
		if (!reminded.isEmpty()) {
			jdbc.sql("update qbr_item set reminded_at = :now where id = any(:ids)")
				.param("now", Timestamp.from(now))
				.param("ids", reminded.toArray(Long[]::new))
				.update();
		}
		List<Due> overdue = jdbc.sql(SELECT + " and i.due_date < :today order by i.due_date, i.id limit 500")
			.param("today", today)
			.query(QbrItemReminders::due)
			.list();
		Map<Long, ContactView> owners = contacts.byIds(overdue.stream().map(Due::contactId).toList());
		List<Notice> notices = new ArrayList<>();
		for (Due item : overdue) {
			ContactView contact = owners.get(item.contactId());
			String who = contact == null ? "The client" : contact.name();
			Notice notice = new Notice(OVERDUE_KIND, item.accountId(), QbrItems.ENTITY, item.id(), "overdue",
					item.accountName() + ": client action item overdue",
					who + " has not done “" + item.text() + "”, due " + item.dueDate().format(DAY) + ", from the "
							+ QbrQuarter.parse(item.quarter(), "quarter").label() + " QBR.",
					"/qbrs/" + item.qbrId() + "#items", null,
					item.ownerId() == null ? Set.of() : Set.of(item.ownerId()), Actor.SYSTEM);
			notices.add(notice);
		}
		int told = notices.isEmpty() ? 0 : notifications.sendAll(notices);
		return new Run(reminded.size(), told);
	}

	private static final String SELECT = """
			select i.id, i.qbr_id, q.account_id, a.name as account_name, q.quarter, i.text, i.owner_contact_id,
			       i.due_date, coalesce(q.owner_id, a.owner_id) as owner_id
			  from qbr_item i join qbr q on q.id = i.qbr_id and q.status = 'COMPLETED'
			  join account a on a.id = q.account_id
			 where i.kind = 'ACTION' and i.owner_side = 'CLIENT' and i.status = 'OPEN' and i.owner_contact_id is not null
			""";

	private static Due due(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Due(rs.getLong("id"), rs.getLong("qbr_id"), rs.getLong("account_id"), rs.getString("account_name"),
				rs.getString("quarter"), rs.getString("text"), rs.getLong("owner_contact_id"),
				rs.getObject("due_date", LocalDate.class), rs.getObject("owner_id", Long.class));
	}

	/** The overdue notice's kind and the daily job on the shared scheduler. */
	@Configuration(proxyBeanMethods = false)
	static class Jobs {

		@Bean
		NotificationKind qbrClientItemOverdue() {
			return new NotificationKind(OVERDUE_KIND, "Client action item overdue",
					"A client's action item agreed in a QBR passed its due date without being done.",
					Set.of(Audience.OWNER, Audience.NAMED), NotificationSeverity.NORMAL, Set.of(Channel.IN_APP));
		}

		@Bean
		RecurringTask<Void> qbrItemRemindersJob(QbrItemReminders reminders,
				@Value("${intime.qbr.item-reminders-interval:6h}") Duration interval) {
			return Tasks.recurring("qbr.item-reminders", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> reminders.run());
		}

	}

}
