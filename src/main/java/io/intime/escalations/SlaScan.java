package io.intime.escalations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.notifications.Notice;
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
 * Finds the escalations whose clocks crossed a threshold (75 % used, or breached) and
 * notifies the owner, the owner's sales director and, for P0 and P1, the recruiting
 * managers of the account and its executive sponsor. It reads only the escalations whose
 * next check is due (an index), claims them with {@code FOR UPDATE SKIP LOCKED} so two
 * nodes never scan the same one, recomputes their clocks from their logs and keeps when
 * to look next. Each notice is keyed by the threshold's instant, so a replay notifies
 * once and a threshold moved by a change of severity notifies again.
 */
@Component
class SlaScan {

	static final int BATCH = 5000;

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SlaScan.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE MMM d, h:mm a z", Locale.US);

	private final JdbcClient jdbc;

	private final EscalationClocks clocks;

	private final Notifications notifications;

	private final Today time;

	SlaScan(JdbcClient jdbc, EscalationClocks clocks, Notifications notifications, Today time) {
		this.jdbc = jdbc;
		this.clocks = clocks;
		this.notifications = notifications;
		this.time = time;
	}

	/** A row the scan claimed. */
	private record Due(long id, String key, long accountId, String accountName, String title, Severity severity,
			Long ownerId, Instant raisedAt, long policyId, String ownerZone) {
	}

	/** Scans at the clock's now; returns how many notices it sent. */
	@Transactional
	int scan() {
		return scan(time.now());
	}

	/** Scans as of {@code now} (tests and the benchmark run it ahead of the clock). */
	@Transactional
	int scan(Instant now) {
		long started = System.nanoTime();
		List<Due> due = jdbc.sql("""
				select e.id, e.escalation_key, e.account_id, a.name, e.title, e.severity, e.owner_id, e.raised_at,
				       coalesce(e.sla_policy_id, (select p.id from sla_policy p where p.effective_from <= e.raised_at
				                                  order by p.effective_from desc limit 1)),
				       u.time_zone
				  from escalation e join account a on a.id = e.account_id
				  left join app_user u on u.id = e.owner_id
				 where e.sla_check_at <= :now and e.status not in ('RESOLVED', 'CLOSED')
				 order by e.sla_check_at limit :batch
				 for update of e skip locked""")
			.param("now", Timestamp.from(now))
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					Severity.valueOf(rs.getString(6)), (Long) rs.getObject(7), rs.getTimestamp(8).toInstant(),
					rs.getLong(9), rs.getString(10)))
			.list();
		if (due.isEmpty()) {
			return 0;
		}
		List<EscalationClocks.Subject> subjects = due.stream()
			.map(d -> new EscalationClocks.Subject(d.id(), d.raisedAt(), d.policyId()))
			.toList();
		Map<Long, SlaState> states = clocks.compute(subjects, now);
		List<Notice> notices = new ArrayList<>();
		Instant oldest = now.minus(clocks.horizon());
		for (Due d : due) {
			SlaState state = states.get(d.id());
			if (state == null) {
				continue;
			}
			for (EscalationClocks.Crossing c : EscalationClocks.thresholds(state)) {
				if (!c.at().isAfter(now) && !c.at().isBefore(oldest)) {
					notices.add(notice(d, state, c));
				}
			}
		}
		clocks.keep(states, now, false);
		// claimed rows whose log is missing would be claimed again and again
		Set<Long> unknown = new HashSet<>();
		due.stream().filter(d -> !states.containsKey(d.id())).forEach(d -> unknown.add(d.id()));
		if (!unknown.isEmpty()) {
			jdbc.sql("update escalation set sla_check_at = null where id = any(:ids)")
				.param("ids", unknown.toArray(Long[]::new))
				.update();
		}
		int sent = notices.isEmpty() ? 0 : notifications.sendAll(notices);
		// one line per scan that had work: what the benchmark (bench/sla-scan.sh) reads
		log.info("SLA scan: {} escalations due, {} thresholds crossed, {} notices in {} ms", due.size(), notices.size(),
				sent, (System.nanoTime() - started) / 1_000_000);
		return sent;
	}

	private static Notice notice(Due d, SlaState s, EscalationClocks.Crossing c) {
		boolean critical = d.severity() == Severity.P0 || d.severity() == Severity.P1;
		String clock = c.threshold().response() ? "response" : "resolution";
		ZoneId zone = d.ownerZone() == null ? ZoneId.of("UTC") : ZoneId.of(d.ownerZone());
		Instant dueAt = c.threshold().response() ? s.responseDue() : s.resolutionDue();
		String title;
		String body;
		if (c.threshold().breach()) {
			title = d.accountName() + ": " + d.severity() + " " + d.key() + " breached its " + clock + " SLA";
			body = d.title() + "\n\nThe " + clock + " was due " + WHEN.format(dueAt.atZone(zone)) + " ("
					+ EscalationView.text(c.threshold().response() ? s.responseTarget() : s.resolutionTarget())
					+ (s.businessHours() ? " of business hours" : "") + ")."
					+ (d.ownerId() == null ? " Nobody has taken ownership yet." : "");
		}
		else {
			title = d.accountName() + ": " + d.severity() + " " + d.key() + " " + clock + " due "
					+ WHEN.format(dueAt.atZone(zone));
			body = d.title() + "\n\nMost of its " + clock + " time is used; "
					+ (c.threshold().response() ? "answer the client" : "resolve it") + " before "
					+ WHEN.format(dueAt.atZone(zone)) + "."
					+ (d.ownerId() == null ? " Nobody has taken ownership yet." : "");
		}
		Set<Long> named = d.ownerId() == null ? Set.of() : Set.of(d.ownerId());
		return new Notice(critical ? EscalationNotificationKinds.SLA_CRITICAL : EscalationNotificationKinds.SLA,
				d.accountId(), EscalationManagement.ENTITY, d.id(),
				c.threshold().name().toLowerCase(Locale.ROOT) + "-" + c.at().getEpochSecond(), title, body,
				"/escalations/" + d.id(),
				c.threshold().breach() || critical ? NotificationSeverity.URGENT : NotificationSeverity.HIGH, named,
				Actor.SYSTEM);
	}

	/**
	 * The scan on the shared scheduler, every 30 seconds by default ("within a minute").
	 */
	@Configuration(proxyBeanMethods = false)
	static class Job {

		@Bean
		RecurringTask<Void> escalationsSlaScan(SlaScan scan,
				@Value("${intime.escalations.sla.scan-interval:30s}") Duration interval) {
			return Tasks.recurring("escalations.sla-scan", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> scan.scan());
		}

	}

}
