package io.intime.console.reply;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The explicit rules and templates of a suggested reply (spec 02 step 6): what the
 * client's message asks for is read from its words (hiring needs with their number of
 * roles, a request for time, a problem, a billing question), and each need adds its
 * paragraph, filled from the account's facts (open roles, recruiters with room, the last
 * placements, the account manager's free hours). Every rule that fired is named, so the
 * account manager sees why the draft says what it says before editing it. Pure.
 */
final class ReplyRules {

	private ReplyRules() {
	}

	enum Need {

		HIRING, MEETING, PROBLEM, BILLING

	}

	record PlacementFact(String candidate, String jobTitle, LocalDate start) {
	}

	record RecruiterRoom(String name, int freeSearches) {
	}

	record Facts(String subject, String text, String contactFirstName, String accountName, String amName,
			String amTitle, List<String> openJobTitles, List<PlacementFact> recentPlacements,
			List<RecruiterRoom> recruitersWithRoom, List<FreeSlots.Slot> slots) {
	}

	record Draft(String subject, String body, Set<Need> needs, List<String> reasons) {
	}

	private static final Pattern ROLES = Pattern.compile(
			"(\\d+)(?:\\s*(?:-|–|to)\\s*(\\d+))?\\s+(?:[\\w-]+\\s+){0,3}?(roles|positions|hires|openings|people|contractors|engineers|developers|reqs|requisitions)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern HIRING = Pattern.compile(
			"\\b(hiring|headcount|openings?|requisitions?|new (?:[\\w-]+ )?roles?|open (?:[\\w-]+ )?roles?|positions to fill)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern MEETING = Pattern.compile(
			"\\b(schedule|availability|available|time to (discuss|talk|meet|chat)|set up a call|a call|meet)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PROBLEM = Pattern.compile(
			"\\b(unhappy|urgent|escalat\\w*|cancel\\w*|problem|issue|concern\\w*|complain\\w*|disappointed|no-show|late)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern BILLING = Pattern.compile("\\b(invoice\\w*|payment|billing|overdue|credit)\\b",
			Pattern.CASE_INSENSITIVE);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE, MMM d", Locale.US);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.US);

	static Draft draft(Facts f) {
		String message = (f.subject() == null ? "" : f.subject()) + "\n" + (f.text() == null ? "" : f.text());
		Set<Need> needs = EnumSet.noneOf(Need.class);
		List<String> reasons = new ArrayList<>();
		String roles = null;
		Matcher count = ROLES.matcher(message);
		if (count.find()) {
			roles = count.group(2) == null ? count.group(1) : count.group(1) + "-" + count.group(2);
			needs.add(Need.HIRING);
			reasons.add("Hiring needs: the message names " + roles + " " + count.group(3).toLowerCase(Locale.ROOT));
		}
		else if (HIRING.matcher(message).find()) {
			needs.add(Need.HIRING);
			reasons.add("Hiring needs: the message speaks of hiring");
		}
		if (MEETING.matcher(message).find()) {
			needs.add(Need.MEETING);
			reasons.add("Asks for time: free hours offered from your calendar");
		}
		Matcher problem = PROBLEM.matcher(message);
		if (problem.find()) {
			needs.add(Need.PROBLEM);
			reasons.add("A problem: the message says \"" + problem.group(1).toLowerCase(Locale.ROOT)
					+ "\", so the reply acknowledges it and commits to a next step");
		}
		if (BILLING.matcher(message).find()) {
			needs.add(Need.BILLING);
			reasons.add("Billing: the reply says finance is checking");
		}

		StringBuilder body = new StringBuilder();
		body.append("Hi ").append(f.contactFirstName() == null ? "there" : f.contactFirstName()).append(",\n\n");
		if (needs.contains(Need.PROBLEM)) {
			body.append("Thank you for letting me know, and I'm sorry for the trouble. I'm looking into it now and "
					+ "will come back to you with next steps by the end of the day.\n\n");
		}
		else {
			body.append("Great to hear from you!");
			if (needs.contains(Need.HIRING)) {
				body.append(roles != null ? " Exciting to hear about your plans: " + roles
						+ " roles is significant, and I want to make sure we're fully prepared to deliver quality "
						+ "candidates quickly." : " Thanks for thinking of us for your hiring.");
			}
			body.append("\n\n");
		}
		if (needs.contains(Need.HIRING)) {
			List<String> context = new ArrayList<>();
			if (!f.recruitersWithRoom().isEmpty()) {
				int room = f.recruitersWithRoom().stream().mapToInt(RecruiterRoom::freeSearches).sum();
				context.add("our recruiters on your account have room for " + room + " more search"
						+ (room == 1 ? "" : "es") + " right now");
				reasons.add("Recruiter capacity: " + f.recruitersWithRoom()
					.stream()
					.map(r -> r.name() + " (" + r.freeSearches() + " free)")
					.collect(Collectors.joining(", ")));
			}
			if (!f.openJobTitles().isEmpty()) {
				context.add("this comes on top of the " + f.openJobTitles().size() + " role"
						+ (f.openJobTitles().size() == 1 ? "" : "s") + " we're working on for you");
				reasons.add("Open roles at " + f.accountName() + ": " + f.openJobTitles().size());
			}
			if (!f.recentPlacements().isEmpty()) {
				PlacementFact last = f.recentPlacements().get(0);
				context.add("we'd love to build on placing " + last.candidate() + " as " + last.jobTitle());
				reasons
					.add("Last placement: " + last.candidate() + ", " + last.jobTitle() + ", started " + last.start());
			}
			if (!context.isEmpty()) {
				String sentence = String.join("; ", context);
				body.append(Character.toUpperCase(sentence.charAt(0))).append(sentence.substring(1)).append(".\n\n");
			}
		}
		if ((needs.contains(Need.MEETING) || needs.contains(Need.HIRING) || needs.contains(Need.PROBLEM))
				&& !f.slots().isEmpty()) {
			body.append(needs.contains(Need.PROBLEM) ? "If a call helps, I'm free:\n" : "I have availability:\n");
			slotsByDay(f.slots()).forEach(line -> body.append("• ").append(line).append('\n'));
			body.append('\n');
		}
		else if (needs.contains(Need.MEETING)) {
			body.append("I'll send you a few times that work for a call shortly.\n\n");
			reasons.add("No free hour found this week: no times offered");
		}
		if (needs.contains(Need.HIRING)) {
			body.append("In the meantime, could you share:\n1. Ideal start dates for these roles?\n"
					+ "2. Any rate or budget parameters we should be aware of?\n3. Priority order if not all roles "
					+ "open at once?\n\n");
		}
		if (needs.contains(Need.BILLING)) {
			body.append("On the billing side, I'm checking with our finance team and will confirm the details "
					+ "with you shortly.\n\n");
		}
		if (needs.isEmpty()) {
			body.append("Thanks for your note. I'll come back to you shortly.\n\n");
			reasons.add("No need recognized: a short acknowledgement");
		}
		body.append(needs.contains(Need.HIRING) ? "Looking forward to partnering with you on this!\n\n"
				: needs.contains(Need.PROBLEM) ? "Thank you for your patience.\n\n" : "");
		body.append("Best regards,\n").append(f.amName());
		if (f.amTitle() != null && !f.amTitle().isBlank()) {
			body.append('\n').append(f.amTitle()).append(", InTime");
		}
		String subject = f.subject() == null || f.subject().isBlank() ? "Following up"
				: f.subject().regionMatches(true, 0, "Re:", 0, 3) ? f.subject() : "Re: " + f.subject();
		return new Draft(subject, body.toString(), needs, reasons);
	}

	/** "Wednesday, Dec 2: 2:00 PM–3:00 PM or 4:00 PM–5:00 PM" per day. */
	static List<String> slotsByDay(List<FreeSlots.Slot> slots) {
		return slots.stream()
			.collect(Collectors.groupingBy(s -> s.start().toLocalDate(), java.util.TreeMap::new, Collectors.toList()))
			.values()
			.stream()
			.map(day -> DAY.format(day.get(0).start()) + ": "
					+ day.stream()
						.map(s -> TIME.format(s.start()) + "–" + TIME.format(s.end()))
						.collect(Collectors.joining(" or ")))
			.toList();
	}

}
