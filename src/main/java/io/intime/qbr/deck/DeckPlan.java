package io.intime.qbr.deck;

import java.util.ArrayList;
import java.util.List;

import io.intime.qbr.QuarterReview;

/**
 * Which slides a deck's content supports, and for each left out, why. A missing slide is
 * not fatal: the deck is made without it. Only when not even the executive summary can be
 * made (no metric has data and there is no year to date) is there no deck.
 *
 * @param slides the slides to make, in order, always starting with the title and the
 * executive summary
 * @param omitted one line per slide left out, e.g. "Placement breakdown: no placements
 * this quarter"
 */
public record DeckPlan(List<DeckSlide> slides, List<String> omitted) {

	public DeckPlan {
		slides = List.copyOf(slides);
		omitted = List.copyOf(omitted);
	}

	/**
	 * The plan for a content.
	 * @throws DeckUnavailableException when the quarter has no data for the executive
	 * summary
	 */
	public static DeckPlan of(DeckContent content) {
		QuarterReview review = content.review();
		if (!DeckFacts.hasSummary(review)) {
			String why = "no metric has data for " + review.accountName() + " in " + review.quarter().label();
			if (!review.missing().isEmpty()) {
				why += " (" + String.join("; ", review.missing()) + ")";
			}
			throw new DeckUnavailableException(why);
		}
		List<DeckSlide> slides = new ArrayList<>(List.of(DeckSlide.TITLE, DeckSlide.EXECUTIVE_SUMMARY));
		List<String> omitted = new ArrayList<>();
		decide(slides, omitted, DeckSlide.PLACEMENT_BREAKDOWN, DeckFacts.placements(review) > 0,
				"no placements this quarter");
		decide(slides, omitted, DeckSlide.QUALITY_METRICS, !review.metrics().isEmpty(), "no metrics this quarter");
		decide(slides, omitted, DeckSlide.SUCCESS_STORY, DeckFacts.spotlight(review) != null,
				"no placement with notes this quarter");
		decide(slides, omitted, DeckSlide.CHALLENGES, !review.challenges().isEmpty(), "no escalations this quarter");
		decide(slides, omitted, DeckSlide.INITIATIVES, !content.initiatives().isEmpty(),
				"no open expansion opportunities or initiatives");
		decide(slides, omitted, DeckSlide.HEALTH_SCORECARD, DeckFacts.hasHealth(review),
				"the account has no health score yet");
		decide(slides, omitted, DeckSlide.DISCUSSION,
				!content.discussionTopics().isEmpty() || !content.actionItems().isEmpty(),
				"no discussion topics or action items");
		return new DeckPlan(slides, omitted);
	}

	private static void decide(List<DeckSlide> slides, List<String> omitted, DeckSlide slide, boolean supported,
			String whyNot) {
		if (supported) {
			slides.add(slide);
		}
		else {
			omitted.add(slide.label() + ": " + whyNot);
		}
	}

	public boolean includes(DeckSlide slide) {
		return slides.contains(slide);
	}

	/** The 1-based page of a slide in the deck, or 0 when it is left out. */
	public int page(DeckSlide slide) {
		return slides.indexOf(slide) + 1;
	}

}
