package io.intime.console.reply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import io.intime.engagement.BusyTime;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyRulesTest {

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final String LISA = """
			Hi Jordan,

			Hope you're doing well! We're planning our Q1 budget and expecting to
			open 8-10 contract roles in January (mix of Java developers, DevOps,
			and Data Engineers). Can we schedule time to discuss capacity and
			timelines?

			Let me know your availability this week.

			Thanks,
			Lisa""";

	@Test
	void lisasHiringPlansGetCapacityFreeHoursAndQuestions() {
		// Tuesday Dec 1, 2026, 10:15 in New York; a meeting Wednesday 9:00-10:30 and
		// 14:00-15:00
		ZonedDateTime now = ZonedDateTime.of(2026, 12, 1, 10, 15, 0, 0, NEW_YORK);
		List<BusyTime> busy = List.of(new BusyTime(at(2026, 12, 2, 9, 0), at(2026, 12, 2, 10, 30), "QBR prep"),
				new BusyTime(at(2026, 12, 2, 14, 0), at(2026, 12, 2, 15, 0), "Sync"));
		List<FreeSlots.Slot> slots = FreeSlots.offer(now, NEW_YORK, busy);
		assertThat(ReplyRules.slotsByDay(slots)).containsExactly("Tuesday, Dec 1: 1:00 PM–2:00 PM or 3:00 PM–4:00 PM",
				"Wednesday, Dec 2: 11:00 AM–12:00 PM or 1:00 PM–2:00 PM");

		ReplyRules.Draft draft = ReplyRules.draft(new ReplyRules.Facts("Q1 2025 Hiring Plans", LISA, "Lisa",
				"FinanceHub", "Jordan Reyes", "Senior Account Manager", List.of("Java Developer", "DevOps Engineer"),
				List.of(new ReplyRules.PlacementFact("Ana Lopez", "Data Engineer", LocalDate.of(2026, 11, 2))),
				List.of(new ReplyRules.RecruiterRoom("Mike Brennan", 4),
						new ReplyRules.RecruiterRoom("Priya Sharma", 2)),
				slots));

		assertThat(draft.subject()).isEqualTo("Re: Q1 2025 Hiring Plans");
		assertThat(draft.needs()).containsExactlyInAnyOrder(ReplyRules.Need.HIRING, ReplyRules.Need.MEETING);
		assertThat(draft.body())
			.startsWith("Hi Lisa,\n\nGreat to hear from you! Exciting to hear about your plans: 8-10 roles")
			.contains("Our recruiters on your account have room for 6 more searches right now; this comes on top of "
					+ "the 2 roles we're working on for you; we'd love to build on placing Ana Lopez as Data Engineer.")
			.contains("I have availability:\n• Tuesday, Dec 1: 1:00 PM–2:00 PM or 3:00 PM–4:00 PM\n"
					+ "• Wednesday, Dec 2: 11:00 AM–12:00 PM or 1:00 PM–2:00 PM\n")
			.contains("1. Ideal start dates for these roles?")
			.endsWith("Best regards,\nJordan Reyes\nSenior Account Manager, InTime");
		assertThat(draft.reasons()).contains("Hiring needs: the message names 8-10 roles",
				"Recruiter capacity: Mike Brennan (4 free), Priya Sharma (2 free)");
	}

	@Test
	void aProblemIsAcknowledgedFirstAndAPlainNoteIsAcknowledgedBriefly() {
		ReplyRules.Draft problem = ReplyRules
			.draft(new ReplyRules.Facts("Re: contractor", "Our contractor was a no-show today and we are unhappy.",
					"Karen", "HealthTech", "Jordan Reyes", null, List.of(), List.of(), List.of(), List.of()));
		assertThat(problem.subject()).isEqualTo("Re: contractor");
		assertThat(problem.needs()).containsExactly(ReplyRules.Need.PROBLEM);
		assertThat(problem.body()).startsWith("Hi Karen,\n\nThank you for letting me know, and I'm sorry");

		ReplyRules.Draft plain = ReplyRules.draft(new ReplyRules.Facts("Thanks", "Thank you for the update.", null,
				"MegaBank", "Jordan Reyes", null, List.of(), List.of(), List.of(), List.of()));
		assertThat(plain.needs()).isEmpty();
		assertThat(plain.body()).startsWith("Hi there,").contains("I'll come back to you shortly.");
	}

	@Test
	void onAFridayAfternoonTheFreeHoursAreNextWeeks() {
		ZonedDateTime friday = ZonedDateTime.of(2026, 12, 4, 16, 0, 0, 0, NEW_YORK);
		List<FreeSlots.Slot> slots = FreeSlots.offer(friday, NEW_YORK, List.of());
		assertThat(slots).extracting(s -> s.start().toLocalDateTime().toString())
			.containsExactly("2026-12-07T09:00", "2026-12-07T11:00", "2026-12-08T09:00", "2026-12-08T11:00");
	}

	static Instant at(int y, int m, int d, int h, int min) {
		return ZonedDateTime.of(y, m, d, h, min, 0, 0, NEW_YORK).toInstant();
	}

}
