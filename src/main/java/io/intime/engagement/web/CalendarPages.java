package io.intime.engagement.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.engagement.MeetingForm;
import io.intime.engagement.MeetingSlots;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.web.FormErrors;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendar (spec 02 step 4): the coming two weeks by day in the reader's zone with
 * "Prepare now"; scheduling a meeting with invitations; a meeting's page with its
 * attendees' answers, reschedule and cancel; the personal feed URL.
 */
@Controller
class CalendarPages {

	private final Meetings meetings;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final UserDirectory users;

	private final Today time;

	private final MeetingSlots slots;

	CalendarPages(Meetings meetings, AccountManagement accounts, ContactManagement contacts, UserDirectory users,
			Today time, MeetingSlots slots) {
		this.slots = slots;
		this.meetings = meetings;
		this.accounts = accounts;
		this.contacts = contacts;
		this.users = users;
		this.time = time;
	}

	@GetMapping("/calendar")
	String calendar(CurrentUser me, Model model) {
		LocalDate today = time.today(me.timeZone());
		Instant from = today.atStartOfDay(me.timeZone()).toInstant();
		Map<LocalDate, List<MeetingView>> days = new TreeMap<>();
		for (MeetingView m : meetings.of(me, from, from.plus(Duration.ofDays(14)))) {
			days.computeIfAbsent(m.startIn(me.timeZone()).toLocalDate(), d -> new ArrayList<>()).add(m);
		}
		model.addAttribute("days", days);
		model.addAttribute("today", today);
		model.addAttribute("hasFeed", meetings.hasFeed(me));
		return "engagement/calendar";
	}

	@GetMapping("/calendar/meetings/new")
	String newMeeting(@RequestParam(required = false) Long account, @RequestParam(required = false) String type,
			CurrentUser me, Model model) {
		LocalDate tomorrow = time.today(me.timeZone()).plusDays(1);
		// "Schedule QBR" opens the form as a QBR; anything unknown starts as a call
		String kind = type != null && Meetings.TYPES.contains(type) ? type : "CALL";
		boolean qbr = "QBR".equals(kind);
		return form(new Data(account, kind, "", tomorrow.toString(), "10:00", qbr ? "90" : "30", me.timeZone().getId(),
				"", "", "", List.of(), List.of()), FormErrors.none(), me, model);
	}

	/** The form as posted: text, so that a wrong value is named and the rest kept. */
	record Data(Long account, String type, String title, String date, String start, String duration, String timeZone,
			String location, String videoLink, String agenda, List<Long> users, List<Long> contacts) {

		Data {
			users = users == null ? List.of() : users;
			contacts = contacts == null ? List.of() : contacts;
		}

		MeetingForm toForm(List<FieldError> errors) {
			io.intime.engagement.MeetingWhen when = io.intime.engagement.MeetingWhen.parse(date, start, duration,
					errors);
			return new MeetingForm(account, type, title, when.day(), when.start(), when.minutes(), timeZone, location,
					videoLink, agenda, users, contacts);
		}

	}

	/**
	 * Times that suit everyone chosen on the form (an htmx fragment): free in the firm's
	 * calendars, within working hours in each person's zone; shown in the form's zone.
	 */
	@GetMapping("/calendar/meetings/slots")
	String slots(@RequestParam(required = false) List<Long> users, @RequestParam(required = false) List<Long> contacts,
			@RequestParam(required = false) String duration, @RequestParam(required = false) String timeZone,
			CurrentUser me, Model model) {
		int minutes = 30;
		try {
			minutes = duration == null || duration.isBlank() ? 30 : Integer.parseInt(duration.trim());
		}
		catch (NumberFormatException e) {
			// the form names a wrong duration when it is sent; suggest half an hour
			// meanwhile
		}
		java.time.ZoneId zone = me.timeZone();
		try {
			zone = timeZone == null || timeZone.isBlank() ? zone : java.time.ZoneId.of(timeZone.trim());
		}
		catch (java.time.DateTimeException e) {
			// likewise for an unknown zone: the organizer's own
		}
		model.addAttribute("slots", this.slots.suggest(users, contacts, minutes, 6, me));
		model.addAttribute("zone", zone);
		model.addAttribute("hasContacts", contacts != null && !contacts.isEmpty());
		return "engagement/meeting-form :: slots";
	}

	@PostMapping("/calendar/meetings/new")
	String schedule(Data data, CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		List<FieldError> parse = new ArrayList<>();
		MeetingForm form = data.toForm(parse);
		try {
			if (!parse.isEmpty()) {
				throw new InvalidInputException(parse);
			}
			MeetingView meeting = meetings.schedule(form, me);
			flash.addFlashAttribute("toast", "Scheduled “" + meeting.title() + "”; invitations are on their way to "
					+ (meeting.attendees().size() - 1) + " attendee" + (meeting.attendees().size() == 2 ? "" : "s"));
			return "redirect:/calendar/meetings/" + meeting.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(data, FormErrors.of(e.errors()), me, model);
		}
	}

	private String form(Data data, FormErrors errors, CurrentUser me, Model model) {
		Map<Long, String> accountOptions = new LinkedHashMap<>();
		for (AccountSummary a : accounts.exportable(me)) {
			accountOptions.put(a.id(), a.name());
		}
		List<ContactView> people = List.of();
		if (data.account() != null) {
			AccountDetails account = accounts.get(data.account(), me);
			accountOptions.putIfAbsent(account.id(), account.name());
			people = contacts.forAccount(account.id(), me)
				.stream()
				.filter(c -> c.active() && c.email() != null)
				.toList();
		}
		model.addAttribute("data", data);
		model.addAttribute("errors", errors);
		model.addAttribute("accountOptions", accountOptions);
		model.addAttribute("contacts", people);
		model.addAttribute("colleagues",
				users.withRoles(Role.values())
					.stream()
					.filter(u -> u.enabled() && u.id() != me.id())
					.sorted(java.util.Comparator.comparing(u -> u.fullName()))
					.toList());
		return "engagement/meeting-form";
	}

	@GetMapping("/calendar/meetings/{id}")
	String meeting(@PathVariable long id, CurrentUser me, Model model) {
		model.addAttribute("meeting", meetings.get(id, me));
		model.addAttribute("errors", FormErrors.none());
		return "engagement/meeting";
	}

	@PostMapping("/calendar/meetings/{id}/reschedule")
	String reschedule(@PathVariable long id, @RequestParam String date, @RequestParam String start,
			@RequestParam String duration, @RequestParam long version, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		List<FieldError> parse = new ArrayList<>();
		MeetingForm when = new Data(null, null, null, date, start, duration, null, null, null, null, null, null)
			.toForm(parse);
		try {
			if (!parse.isEmpty()) {
				throw new InvalidInputException(parse);
			}
			meetings.reschedule(id, when, version, me);
			flash.addFlashAttribute("toast", "Moved; the attendees get the update");
			return "redirect:/calendar/meetings/" + id;
		}
		catch (InvalidInputException | StaleVersionException e) {
			response.setStatus(e instanceof StaleVersionException ? 409 : 422);
			model.addAttribute("meeting", meetings.get(id, me));
			model.addAttribute("errors",
					e instanceof InvalidInputException invalid ? FormErrors.of(invalid.errors()) : FormErrors.none()
						.add("date", "Someone changed this meeting since you opened it; see it as it is now"));
			return "engagement/meeting";
		}
	}

	@PostMapping("/calendar/meetings/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam long version, CurrentUser me, RedirectAttributes flash) {
		try {
			meetings.cancel(id, version, me);
			flash.addFlashAttribute("toast", "Cancelled; the attendees' calendars remove it");
		}
		catch (InvalidInputException | StaleVersionException e) {
			flash.addFlashAttribute("flashError", "Not cancelled: " + e.getMessage());
		}
		return "redirect:/calendar/meetings/" + id;
	}

	@PostMapping("/calendar/feed")
	String newFeed(CurrentUser me, RedirectAttributes flash) {
		flash.addFlashAttribute("feedUrl",
				org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/calendar/feed/{token}.ics")
					.buildAndExpand(meetings.newFeedToken(me))
					.toUriString());
		return "redirect:/calendar#feed";
	}

	@PostMapping("/calendar/feed/revoke")
	String revokeFeed(CurrentUser me, RedirectAttributes flash) {
		int revoked = meetings.revokeFeeds(me);
		flash.addFlashAttribute("toast",
				revoked == 0 ? "No feed to revoke" : "Feed revoked: its URL shows nothing now");
		return "redirect:/calendar#feed";
	}

	/**
	 * The personal feed: no session, the token is the key; an unknown or revoked one is a
	 * 404.
	 */
	@GetMapping("/calendar/feed/{token}")
	@ResponseBody
	ResponseEntity<String> feed(@PathVariable String token) {
		String bare = token.endsWith(".ics") ? token.substring(0, token.length() - 4) : token;
		return meetings.feed(bare)
			.map(ics -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
				.body(ics))
			.orElse(ResponseEntity.notFound().build());
	}

}
