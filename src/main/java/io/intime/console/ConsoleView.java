package io.intime.console;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.HealthBand;
import io.intime.health.UrgentAlerts;
import io.intime.shared.Money;
import io.intime.tasks.TaskView;

/**
 * What the console shows an account manager (or a sales director, for the team): spec 02
 * step 1.
 *
 * @param ownerIds whose portfolio it is (the account manager, or the team's account
 * managers)
 * @param team whether it is a sales director's team console
 */
public record ConsoleView(String title, LocalDate day, boolean team, List<Long> ownerIds, int accounts, Money arrUsd,
		Retention retention, List<BandCount> bands, List<UrgentAlerts.Urgent> urgentAlerts, long alertsTotal,
		List<MeetingItem> meetings, List<TaskView> overdue, long overdueTotal, List<TaskView> today, long todayTotal,
		long doneToday, List<FeedItem> activity, List<ManagerRow> managers) {

	/**
	 * Net revenue retention of the portfolio from its contracts: the ARR today of the
	 * accounts that had ARR a year ago, over their ARR then; new accounts since are not
	 * counted (they are {@code newArrUsd}).
	 *
	 * @param percent null when no account had ARR a year ago
	 */
	public record Retention(Integer percent, Money thenUsd, Money retainedUsd, Money newArrUsd, int accountsThen,
			int accountsLost, LocalDate from, LocalDate to) {
	}

	/**
	 * Accounts of a band (null: not scored yet).
	 *
	 * @param link the accounts list filtered to them
	 */
	public record BandCount(HealthBand band, String label, int count, int percent, String link) {
	}

	/**
	 * A call or meeting of the day with its preparation.
	 *
	 * @param preparation PREPARED (the preparation task is done), PLANNED (one is open),
	 * NOT_PREPARED
	 */
	public record MeetingItem(long activityId, long accountId, String accountName, String type, String subject,
			Instant start, Integer durationMinutes, boolean executive, String preparation) {

		public boolean prepared() {
			return "PREPARED".equals(preparation);
		}

	}

	/**
	 * A client's recent activity: an email, an NPS response, an escalation, a placement.
	 */
	public record FeedItem(String kind, Instant at, long accountId, String accountName, String text, String link,
			String tone) {
	}

	/** A sales director's line per account manager of the team. */
	public record ManagerRow(long userId, String name, int accounts, Money arrUsd, int green, int yellow, int red,
			int unscored, int urgentAlerts, String link) {
	}

}
