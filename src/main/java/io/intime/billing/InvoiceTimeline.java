package io.intime.billing;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountTimelineSource;
import io.intime.identity.CurrentUser;
import io.intime.shared.Money;
import io.intime.shared.TimelineEntry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's invoices on its timeline, in one statement: paid (positive when on time),
 * overdue (negative, from the day after the due date while unpaid), disputed and written
 * off (negative). Dated at noon UTC of the day, so that the day reads the same in every
 * time zone of the Americas and Europe.
 */
@Component
class InvoiceTimeline implements AccountTimelineSource {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private final JdbcClient jdbc;

	private final InvoiceManagement invoices;

	InvoiceTimeline(JdbcClient jdbc, InvoiceManagement invoices) {
		this.jdbc = jdbc;
		this.invoices = invoices;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TimelineEntry> timeline(AccountDetails account, CurrentUser reader, Instant since, int limit) {
		long accountId = account.id();
		if (!BillingRules.access(reader, account).view()) {
			return List.of();
		}
		LocalDate today = invoices.today();
		return jdbc.sql("""
				select * from (
				  select id, invoice_number, amount, currency, issue_date, due_date, paid_on, dispute_reason,
				         'invoice.paid' as kind, paid_on as day
				  from invoice where account_id = :account and status = 'PAID'
				  union all
				  select id, invoice_number, amount, currency, issue_date, due_date, paid_on, dispute_reason,
				         'invoice.overdue', due_date + 1
				  from invoice where account_id = :account and status in ('OPEN','OVERDUE') and due_date < :today
				  union all
				  select id, invoice_number, amount, currency, issue_date, due_date, paid_on, dispute_reason,
				         'invoice.disputed', disputed_on
				  from invoice where account_id = :account and disputed_on is not null
				  union all
				  select id, invoice_number, amount, currency, issue_date, due_date, paid_on, dispute_reason,
				         'invoice.written_off', written_off_on
				  from invoice where account_id = :account and written_off_on is not null
				) e
				where (e.day + time '12:00') at time zone 'UTC' >= :since
				order by e.day desc, e.id desc
				limit :limit""")
			.param("account", accountId)
			.param("today", today)
			.param("since", Timestamp.from(since))
			.param("limit", limit)
			.query((rs, row) -> {
				String kind = rs.getString("kind");
				LocalDate day = rs.getDate("day").toLocalDate();
				LocalDate issued = rs.getDate("issue_date").toLocalDate();
				LocalDate due = rs.getDate("due_date").toLocalDate();
				String number = rs.getString("invoice_number");
				String amount = new Money(rs.getBigDecimal("amount"), rs.getString("currency")).display();
				String href = "/accounts/" + accountId + "/invoices#invoice-" + rs.getLong("id");
				Instant at = day.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC);
				return switch (kind) {
					case "invoice.paid" -> {
						long days = day.toEpochDay() - issued.toEpochDay();
						long late = day.toEpochDay() - due.toEpochDay();
						yield new TimelineEntry(at, kind, "Invoice " + number + " paid (" + days + " days)",
								amount + (late > 0 ? " · " + late + " days after the due date" : " · on time"), href,
								late > 0 ? "neutral" : "positive");
					}
					case "invoice.overdue" -> new TimelineEntry(
							at, kind, "Invoice " + number + " overdue", amount + " · due " + DATE.format(due) + ", "
									+ (today.toEpochDay() - due.toEpochDay()) + " days overdue today",
							href, "negative");
					case "invoice.disputed" -> new TimelineEntry(at, kind, "Invoice " + number + " disputed", amount
							+ (rs.getString("dispute_reason") == null ? "" : " · " + rs.getString("dispute_reason")),
							href, "negative");
					default ->
						new TimelineEntry(at, kind, "Invoice " + number + " written off", amount, href, "negative");
				};
			})
			.list();
	}

}
