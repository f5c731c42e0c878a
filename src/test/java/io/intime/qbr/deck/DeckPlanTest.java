package io.intime.qbr.deck;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeckPlanTest {

	@Test
	void plansEverySlideForAFullQuarter() {
		DeckPlan plan = DeckPlan.of(DeckFixtures.content(false));

		assertThat(plan.slides()).containsExactly(DeckSlide.values());
		assertThat(plan.omitted()).isEmpty();
		assertThat(plan.page(DeckSlide.HEALTH_SCORECARD)).isEqualTo(8);
	}

	@Test
	void leavesOutThePlacementBreakdownWithoutPlacements() {
		DeckContent content = DeckContent.of(DeckFixtures.sparse(), "Jordan Lee", null, null, null, List.of());

		DeckPlan plan = DeckPlan.of(content);

		assertThat(plan.includes(DeckSlide.PLACEMENT_BREAKDOWN)).isFalse();
		assertThat(plan.omitted()).contains("Placement breakdown: no placements this quarter",
				"Success story: no placement with notes this quarter");
		assertThat(plan.page(DeckSlide.PLACEMENT_BREAKDOWN)).isZero();
	}

	@Test
	void leavesOutTheSuccessStoryWhenNoPlacementHasANote() {
		var review = DeckFixtures.review(true);
		var noted = review.stories()
			.stream()
			.map(s -> new io.intime.qbr.QuarterReview.Story(s.placementId(), s.title(), s.candidate(), s.startDate(),
					s.daysToFill(), s.slaDays(), s.stillPlaced(), "  "))
			.toList();
		var withoutNotes = new io.intime.qbr.QuarterReview(review.accountId(), review.accountName(), review.tier(),
				review.quarter(), review.asOf(), review.metrics(), review.yearToDate(), review.byDepartment(),
				review.byRoleType(), noted, review.challenges(), review.opportunities(), review.health(),
				review.missing());

		DeckPlan plan = DeckPlan.of(DeckFixtures.content(true).withReview(withoutNotes));

		assertThat(plan.omitted()).containsExactly("Success story: no placement with notes this quarter");
	}

	@Test
	void cannotPlanADeckWithoutAnyData() {
		DeckContent content = DeckContent.of(DeckFixtures.empty(), null, null, null, null, null);

		assertThatThrownBy(() -> DeckPlan.of(content)).isInstanceOfSatisfying(DeckUnavailableException.class, e -> {
			assertThat(e.getMessage()).startsWith("Unable to generate QBR deck: ");
			assertThat(e.reason()).isEqualTo("no metric has data for Ghost Ltd in Q4 2026 "
					+ "(no placements this quarter; no NPS response this quarter)");
		});
	}

	@Test
	void theContentProposesTheOpenOpportunitiesAsInitiativesAndDiscussesTheQuarter() {
		DeckContent content = DeckFixtures.content(true);

		assertThat(content.organization()).isEqualTo("InTime");
		assertThat(content.meetingDate()).hasToString("2026-12-15");
		assertThat(content.meetingTime()).isEqualTo(LocalTime.of(10, 0));
		assertThat(content.initiatives()).extracting(DeckContent.Initiative::title)
			.containsExactly("Data Science team expansion", "Diversity hiring partnership",
					"Quarterly talent market briefings");
		DeckContent.Initiative first = content.initiatives().get(0);
		assertThat(first.points())
			.containsExactly("Next step: New VP of Data expects 5–7 roles in January and February", "Stage: Proposal");
		assertThat(first.revenuePotential()).isEqualTo("Revenue potential: $250K");
		assertThat(first.decisionNeeded()).isEqualTo("Approve the proposal");
		assertThat(content.discussionTopics()).containsExactly("Q1 2027 hiring forecast: confirm projected volumes",
				"Data Science team expansion: timeline and requirements",
				"Diversity hiring partnership: timeline and requirements",
				"Feedback on current service delivery and this quarter's escalations");
	}

}
