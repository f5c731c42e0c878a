package io.intime.engagement;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;

/**
 * Meetings as iCalendar (RFC 5545, iCal4j): an invitation is a REQUEST with the meeting's
 * UID and SEQUENCE (a reschedule raises it, so a calendar program updates its one event),
 * a cancellation a CANCEL with the same UID, a feed a PUBLISH of several events; an
 * attendee's REPLY is read back for their answer. Times are written in UTC, so every
 * calendar program shows them in its user's zone.
 */
final class Invitations {

	static final String PRODUCT = "-//InTime OS//InTime Accounts//EN";

	private Invitations() {
	}

	static String request(MeetingView meeting, String organizerEmail) {
		return calendar(ImmutableMethod.REQUEST, List.of(event(meeting, organizerEmail, false)));
	}

	static String cancel(MeetingView meeting, String organizerEmail) {
		return calendar(ImmutableMethod.CANCEL, List.of(event(meeting, organizerEmail, true)));
	}

	static String publish(List<MeetingView> meetings, String organizerEmail) {
		List<VEvent> events = new ArrayList<>();
		for (MeetingView m : meetings) {
			events.add(event(m, organizerEmail, m.cancelled()));
		}
		return calendar(ImmutableMethod.PUBLISH, events);
	}

	private static String calendar(Method method, List<VEvent> events) {
		Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().withProperty(method).getFluentTarget();
		events.forEach(calendar::add);
		return calendar.toString();
	}

	private static VEvent event(MeetingView m, String organizerEmail, boolean cancelled) {
		VEvent event = new VEvent(m.startsAt(), m.endsAt(), m.title());
		event.add(new Uid(m.uid()));
		event.add(new Sequence(m.sequence()));
		Organizer organizer = new Organizer(URI.create("mailto:" + organizerEmail));
		organizer.add(new Cn(m.organizerName()));
		event.add(organizer);
		for (MeetingView.Attendee a : m.attendees()) {
			if (a.email().equalsIgnoreCase(organizerEmail)) {
				continue;
			}
			Attendee attendee = new Attendee(URI.create("mailto:" + a.email()));
			attendee.add(new Cn(a.name()));
			attendee.add(Role.REQ_PARTICIPANT);
			attendee.add(new PartStat(a.partstat()));
			attendee.add(Rsvp.TRUE);
			event.add(attendee);
		}
		String description = (m.agenda() == null ? "" : m.agenda())
				+ (m.videoLink() == null ? "" : "\n\nJoin: " + m.videoLink());
		if (!description.isBlank()) {
			event.add(new Description(description.trim()));
		}
		if (m.location() != null && !m.location().isBlank()) {
			event.add(new Location(m.location()));
		}
		if (m.videoLink() != null && !m.videoLink().isBlank()) {
			try {
				event.add(new Url(URI.create(m.videoLink())));
			}
			catch (IllegalArgumentException e) {
				// a link that is no URI stays in the description only
			}
		}
		event.add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED));
		return event;
	}

	/**
	 * An attendee's answer read from a REPLY: the meeting's UID, who, and their PARTSTAT.
	 */
	record Reply(String uid, String email, String partstat) {
	}

	static Optional<Reply> reply(String ics) {
		try {
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
			Optional<Method> method = calendar.getProperty(Property.METHOD);
			if (method.isEmpty() || !"REPLY".equalsIgnoreCase(method.get().getValue())) {
				return Optional.empty();
			}
			for (VEvent event : calendar.<VEvent>getComponents()) {
				Optional<Uid> uid = event.getProperty(Property.UID);
				Optional<Attendee> attendee = event.getProperty(Property.ATTENDEE);
				if (uid.isPresent() && attendee.isPresent()) {
					Optional<PartStat> partstat = attendee.get()
						.getParameter(net.fortuna.ical4j.model.Parameter.PARTSTAT);
					String email = attendee.get().getValue().replaceFirst("(?i)^mailto:", "");
					return Optional.of(new Reply(uid.get().getValue(), email,
							partstat.map(PartStat::getValue).orElse("NEEDS-ACTION")));
				}
			}
			return Optional.empty();
		}
		catch (IOException | ParserException | RuntimeException e) {
			return Optional.empty();
		}
	}

}
