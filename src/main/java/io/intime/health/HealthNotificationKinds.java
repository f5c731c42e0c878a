package io.intime.health;

import java.util.Set;

import io.intime.notifications.Audience;
import io.intime.notifications.Channel;
import io.intime.notifications.NotificationKind;
import io.intime.notifications.NotificationSeverity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notices health sends: an alert raised, and a band drop (an alert too, but its own
 * kind so that people can choose its channels apart). They go to the alert's recipients
 * as the alert rules chose them (the owner and, for strategic accounts, the executive
 * sponsor), so their audience is the named users.
 */
@Configuration(proxyBeanMethods = false)
public class HealthNotificationKinds {

	/** The kind of a raised alert other than a band drop. */
	public static final String ALERT_RAISED = "health.alert-raised";

	/** The kind of a raised band-drop alert. */
	public static final String BAND_DROPPED = "health.band-dropped";

	@Bean
	NotificationKind healthAlertRaised() {
		return new NotificationKind(ALERT_RAISED, "Health alert raised",
				"A health alert was raised for an account you own or sponsor (NPS, touchpoints, hiring, invoices, escalations).",
				Set.of(Audience.NAMED), NotificationSeverity.NORMAL, Set.of(Channel.EMAIL));
	}

	@Bean
	NotificationKind healthBandDropped() {
		return new NotificationKind(BAND_DROPPED, "Health band dropped",
				"The health of an account you own or sponsor dropped to a lower band.", Set.of(Audience.NAMED),
				NotificationSeverity.NORMAL, Set.of(Channel.EMAIL));
	}

}
