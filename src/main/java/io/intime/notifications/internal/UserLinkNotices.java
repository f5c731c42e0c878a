package io.intime.notifications.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

import io.intime.identity.UserAdministration.Purpose;
import io.intime.identity.UserLinkIssued;
import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.Notice;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;
import io.intime.notifications.Notifications;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Emails invitation and password-reset links: identity publishes {@link UserLinkIssued}
 * in the transaction that made the link, and this writes the notice in that same
 * transaction (so a link that rolls back is never sent, and one that commits is sent
 * once, by the delivery worker).
 */
@Configuration(proxyBeanMethods = false)
class UserLinkNotices {

	static final String INVITATION = "identity.invitation";

	static final String PASSWORD_RESET = "identity.password-reset";

	private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm (zzz)",
			Locale.ENGLISH);

	private final Notifications notifications;

	UserLinkNotices(Notifications notifications) {
		this.notifications = notifications;
	}

	@Bean
	static NotificationKind invitationKind() {
		return new NotificationKind(INVITATION, "Invitation", "The link an administrator's invitation sends you.",
				Set.of(Audience.NAMED), NotificationSeverity.HIGH, Set.of(Channel.EMAIL));
	}

	@Bean
	static NotificationKind passwordResetKind() {
		return new NotificationKind(PASSWORD_RESET, "Password reset",
				"The link to choose a new password after an administrator reset yours.", Set.of(Audience.NAMED),
				NotificationSeverity.HIGH, Set.of(Channel.EMAIL));
	}

	/**
	 * Synchronous, in the publisher's transaction ({@link Notifications#send} needs one).
	 */
	@EventListener
	void on(UserLinkIssued issued) {
		notifications.send(notice(issued));
	}

	static Notice notice(UserLinkIssued issued) {
		boolean invitation = issued.purpose() == Purpose.INVITATION;
		String firm = issued.firmName() == null || issued.firmName().isBlank() ? "your firm" : issued.firmName();
		String until = UNTIL.format(issued.expiresAt().atZone(zone(issued.user().timeZone())));
		String title;
		String body;
		if (invitation) {
			title = issued.actorName() + " invited you to InTime Accounts at " + firm;
			body = issued.actorName() + " invited you to " + firm + "'s InTime Accounts as "
					+ issued.user().role().label() + ". Choose your password with this link:\n\n" + issued.link()
					+ "\n\nThe link works once, until " + until + ". Your username is " + issued.user().username()
					+ ".";
		}
		else {
			title = "Choose a new password for InTime Accounts";
			body = issued.actorName() + " reset your password for " + firm
					+ "'s InTime Accounts: your old password no longer works. Choose a new one with this link:\n\n"
					+ issued.link() + "\n\nThe link works once, until " + until
					+ ". If you did not expect this, tell your administrator.";
		}
		return new Notice(invitation ? INVITATION : PASSWORD_RESET, null, "user_link", issued.linkId(),
				invitation ? "invitation" : "reset", title, body, issued.path(), NotificationSeverity.HIGH,
				Set.of(issued.user().id()), issued.actor());
	}

	private static ZoneId zone(String timeZone) {
		try {
			return timeZone == null ? ZoneId.of("UTC") : ZoneId.of(timeZone);
		}
		catch (DateTimeException ex) {
			return ZoneId.of("UTC");
		}
	}

}
