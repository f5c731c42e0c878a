package io.intime.health.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.intime.health.web.HealthAdvice.Action;
import io.intime.health.web.HealthAdvice.Risk;
import io.intime.health.web.HealthSnapshot.Person;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAdviceTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static final List<Person> DATASYSTEMS_CONTACTS = List.of(
			new Person(11, "Jane Doe", "Director of Talent Acquisition (primary contact)", "CHAMPION", true),
			new Person(12, "John Smith", "VP Operations", "EXECUTIVE", true),
			new Person(13, "Marcus Hale", "Controller", "FINANCE", true));

	/** DataSystems Inc. as spec 02 step 2 tells it. */
	private static HealthSnapshot dataSystems() {
		return new HealthSnapshot(5, false, null, TODAY, 0, 1, TODAY.minusDays(60), "Frontend Developer", 0,
				new BigDecimal("22.0"), 0, null, null, 3, TODAY.minusDays(43), "Not meeting expectations", -100, null,
				TODAY.minusDays(55), 1, 11L, "Jane Doe", 2, 0, 2, 0, "Poor candidate quality", 0, null, null,
				DATASYSTEMS_CONTACTS);
	}

	@Test
	void dataSystemsRisksAreTheFourOfSpec02() {
		List<Risk> risks = HealthAdvice.risks(dataSystems(), 90);
		assertThat(risks).extracting(Risk::text)
			.containsExactly("No open jobs — last hire Sep 24 (Frontend Developer), 60 days ago",
					"Recent NPS score: 3/10 (detractor) — survey Oct 11: “Not meeting expectations”",
					"Jane Doe has not answered the last 2 emails: no reply, call or meeting with them since",
					"2 escalations in the last 90 days, all resolved — latest: Poor candidate quality");
		assertThat(risks.get(0).href()).isEqualTo("/accounts/5/jobs");
	}

	@Test
	void dataSystemsActionsAreTheFourOfSpec02WithTheirButtons() {
		List<Action> actions = HealthAdvice.actions(dataSystems(), 90);
		assertThat(actions).extracting(Action::text)
			.startsWith("Schedule an emergency check-in call with Jane Doe",
					"Review the last 2 escalations — identify the root cause",
					"Reach out to a secondary contact (John Smith, VP Operations)",
					"Review hiring plans — understand what changed in their business");
		assertThat(actions.get(0).button()).isEqualTo("Schedule call");
		assertThat(actions.get(0).href())
			.isEqualTo("/accounts/5/activities/new?type=CALL&contactId=11&subject=Check-in%20call&planned=true");
		assertThat(actions.get(2).href()).contains("type=EMAIL").contains("contactId=12");
		assertThat(actions.get(1).href()).isEqualTo("/accounts/5/escalations");
	}

	@Test
	void aStrategicAccountWithoutAnExecutiveCallForFortyFiveDaysGetsOne() {
		HealthSnapshot abc = new HealthSnapshot(1, true, "Chris Evans", TODAY, 12, 10, TODAY.minusDays(3), "SRE", 3,
				new BigDecimal("64"), 50, "INV-2026-0101", 7L, 0, TODAY.minusDays(5), null, 15, 75, TODAY.minusDays(45),
				1, null, null, 0, 3, 3, 1, "CEO complaint", 0, null, null,
				List.of(new Person(1, "John Smith", "CEO", "EXECUTIVE", true),
						new Person(2, "Megan Doyle", "Accounts Payable Lead", "FINANCE", true)));
		assertThat(HealthAdvice.risks(abc, 30)).extracting(Risk::text)
			.contains("3 placements fell off in the last 60 days",
					"NPS fell from 75 to 15 (last 90 days against the 90 before)",
					"3 escalations in the last 30 days, 1 still open — latest: CEO complaint",
					"Invoice INV-2026-0101 is 50 days overdue",
					"Last executive call or meeting 45 days ago (Oct 9); strategic accounts need one every 30 days");
		assertThat(HealthAdvice.actions(abc, 30)).extracting(Action::text)
			.contains("Schedule an executive call (Chris Evans with John Smith)",
					"Call Megan Doyle (Accounts Payable Lead) about invoice INV-2026-0101",
					"Put a top-performing recruiter on the account's open jobs");
	}

	@Test
	void aHealthyAccountHasNoRisksAndOnlyLowPriorityIdeas() {
		HealthSnapshot megaBank = new HealthSnapshot(3, false, null, TODAY, 12, 18, TODAY.minusDays(2), "Analyst", 0,
				new BigDecimal("10"), 0, null, null, 9, TODAY.minusDays(20), "Great partner", 80, 75,
				TODAY.minusDays(10), 4, null, null, 0, 0, 1, 0, "Late report", 2, new BigDecimal("250000"), "Data team",
				DATASYSTEMS_CONTACTS);
		assertThat(HealthAdvice.risks(megaBank, 90)).extracting(Risk::level).containsOnly("MEDIUM");
		assertThat(HealthAdvice.actions(megaBank, 90)).extracting(Action::priority).doesNotContain("HIGH");
	}

}
