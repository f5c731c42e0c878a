package io.intime.executive.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.intime.executive.AccountDashboard;
import io.intime.executive.DashboardView;
import io.intime.executive.ExecutiveCalls;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Schedule an executive sponsor call (spec 01 step 3). A refused form comes back with the
 * message on its field and every choice kept; a failure to schedule says "Unable to
 * schedule call" and offers the manual route (the calendar's own meeting form).
 */
@Controller
class CallPages {

	private static final DateTimeFormatter TOAST = DateTimeFormatter.ofPattern("MMM d 'at' h:mm a", Locale.US);

	private final ExecutiveCalls calls;

	private final AccountDashboard dashboard;

	CallPages(ExecutiveCalls calls, AccountDashboard dashboard) {
		this.calls = calls;
		this.dashboard = dashboard;
	}

	@GetMapping("/executive/strategic-accounts/{id}/call")
	String form(@PathVariable long id, CurrentUser me, Model model) {
		DashboardView view = dashboard.refresh(id, me);
		ExecutiveCalls.Draft draft = calls.draft(id, view.plan(), view.issues(), me);
		model.addAttribute("draft", draft);
		if (!model.containsAttribute("chosenSlot")) {
			model.addAttribute("chosenSlot", draft.slots().isEmpty() ? "" : draft.slots().get(0).start().toString());
			model.addAttribute("subject", draft.subject());
			model.addAttribute("agenda", draft.agenda());
			model.addAttribute("message", draft.message());
			model.addAttribute("meetingType", "VIDEO");
			model.addAttribute("duration", 60);
			model.addAttribute("userIds",
					draft.internal()
						.stream()
						.filter(ExecutiveCalls.Invitee::checked)
						.map(ExecutiveCalls.Invitee::id)
						.toList());
			model.addAttribute("contactIds",
					draft.client()
						.stream()
						.filter(ExecutiveCalls.Invitee::checked)
						.map(ExecutiveCalls.Invitee::id)
						.toList());
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		return "executive/call";
	}

	@PostMapping("/executive/strategic-accounts/{id}/call")
	String send(@PathVariable long id, @RequestParam(defaultValue = "") String slot,
			@RequestParam(required = false) String date, @RequestParam(required = false) String time,
			@RequestParam(defaultValue = "60") String duration,
			@RequestParam(defaultValue = "VIDEO") String meetingType, @RequestParam(required = false) String location,
			@RequestParam(required = false) List<Long> userIds, @RequestParam(required = false) List<Long> contactIds,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String agenda,
			@RequestParam(defaultValue = "") String message, CurrentUser me, Model model, RedirectAttributes redirect) {
		FormErrors errors = FormErrors.none();
		Instant start = null;
		LocalDate day = null;
		LocalTime at = null;
		Integer minutes = null;
		try {
			if ("custom".equals(slot)) {
				day = date == null || date.isBlank() ? null : LocalDate.parse(date);
				at = time == null || time.isBlank() ? null : LocalTime.parse(time);
				if (day == null || at == null) {
					errors.add("slot", "a custom time needs its date and its time");
				}
			}
			else if (!slot.isBlank()) {
				start = Instant.parse(slot);
			}
		}
		catch (java.time.format.DateTimeParseException e) {
			errors.add("slot", "is not a date and time");
		}
		try {
			minutes = Integer.valueOf(duration);
		}
		catch (NumberFormatException e) {
			errors.add("durationMinutes", "must be a number of minutes");
		}
		if (!errors.any()) {
			try {
				ExecutiveCalls.Scheduled scheduled = calls.schedule(id, new ExecutiveCalls.CallForm(start, day, at,
						minutes, meetingType, location, userIds, contactIds, subject, agenda, message), me);
				redirect.addFlashAttribute("toast",
						"Call scheduled for " + TOAST.format(scheduled.meeting().startsAt().atZone(me.timeZone()))
								+ ". Prep tasks created (" + scheduled.tasks() + "); the invitation is on its way.");
				return "redirect:/executive/strategic-accounts/" + id;
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
			catch (org.springframework.security.access.AccessDeniedException e) {
				throw e;
			}
			catch (RuntimeException e) {
				org.slf4j.LoggerFactory.getLogger(CallPages.class).error("Unable to schedule call", e);
				model.addAttribute("scheduleFailed", true);
				// the call is kept (planned on the timeline, its preparation made)
				// without
				// an invitation
				try {
					calls.keepWithoutInvitation(id, new ExecutiveCalls.CallForm(start, day, at, minutes, meetingType,
							location, userIds, contactIds, subject, agenda, message), me);
					model.addAttribute("callKept", true);
				}
				catch (RuntimeException again) {
					org.slf4j.LoggerFactory.getLogger(CallPages.class)
						.error("The call could not be kept either", again);
				}
			}
		}
		model.addAttribute("errors", errors);
		model.addAttribute("chosenSlot", slot);
		model.addAttribute("customDate", date);
		model.addAttribute("customTime", time);
		model.addAttribute("subject", subject);
		model.addAttribute("agenda", agenda);
		model.addAttribute("message", message);
		model.addAttribute("meetingType", meetingType);
		model.addAttribute("location", location);
		model.addAttribute("duration", duration);
		model.addAttribute("userIds", userIds == null ? List.of() : userIds);
		model.addAttribute("contactIds", contactIds == null ? List.of() : contactIds);
		return form(id, me, model);
	}

}
