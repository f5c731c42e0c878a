package io.intime.automation;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;
import io.intime.shared.MoneyFormat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The urgent renewal alert (spec 04 step 13, and the "30 days before expiry" rule): an
 * SMS (and the in-app notice) to the account's manager when a contract is within 30 days
 * of its end. Sent once per contract and end date, however many rules or runs ask for it.
 */
@Service
@Transactional
public class ExpiryAlerts {

	public static final String KIND = "automation.expiry-sms";

	/** The days before a contract's end within which the alert goes out. */
	public static final int WITHIN_DAYS = 30;

	private final Notifications notifications;

	ExpiryAlerts(Notifications notifications) {
		this.notifications = notifications;
	}

	/**
	 * Alerts the account's manager about the contract unless it ends later than
	 * {@link #WITHIN_DAYS} days from today (or has ended).
	 * @return whether it was within the window (the notice is sent once either way)
	 */
	public boolean alertIfDue(long accountId, String accountName, long contractId, String contractNumber,
			LocalDate endDate, io.intime.shared.Money arr, LocalDate today) {
		long days = ChronoUnit.DAYS.between(today, endDate);
		if (days < 0 || days > WITHIN_DAYS) {
			return false;
		}
		String title = "Renewal alert: " + accountName + " contract " + contractNumber + " ends " + endDate + " ("
				+ days + (days == 1 ? " day)" : " days)");
		String body = "ARR " + MoneyFormat.format(arr) + ". Open the renewal to act.";
		notifications.send(Notice.about(KIND, accountId, "contract", contractId, "expiry-" + endDate, title, body,
				"/accounts/" + accountId + "/contracts", null));
		return true;
	}

	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		NotificationKind expirySms() {
			return new NotificationKind(KIND, "Contract about to expire (SMS)",
					"An SMS to the account manager when a contract is within 30 days of its end.",
					Set.of(Audience.OWNER), NotificationSeverity.HIGH, Set.of(Channel.SMS, Channel.EMAIL));
		}

	}

}
