package io.intime.qbr.deck;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.intime.qbr.QuarterReview;
import io.intime.shared.MoneyFormat;

/**
 * Everything a QBR deck shows: the quarter's review (metrics, placements, stories,
 * challenges, opportunities, health) and what the meeting adds to it: who presents, when,
 * to whom, the initiatives proposed for the next quarter, the topics to discuss and the
 * action items.
 *
 * @param organization the firm presenting, e.g. "InTime"
 * @param presenterName who presents, or null
 * @param presenterTitle the presenter's title, e.g. "Account Manager", or null
 * @param meetingDate the day of the meeting, or null when it is not scheduled yet (the
 * title slide then shows the day the review was prepared)
 * @param meetingTime the meeting's local start time in {@code timeZone}, or null
 * @param timeZone the zone the meeting's time is shown in, never null
 * @param clientAttendees the client's attendees' names, possibly empty
 * @param initiatives the next quarter's proposed initiatives, at most three are shown
 * @param discussionTopics the topics of the last slide
 * @param actionItems the action items of the last slide, possibly empty
 */
public record DeckContent(QuarterReview review, String organization, String presenterName, String presenterTitle,
		LocalDate meetingDate, LocalTime meetingTime, ZoneId timeZone, List<String> clientAttendees,
		List<Initiative> initiatives, List<String> discussionTopics, List<ActionItem> actionItems) {

	/** The firm that presents when nobody says otherwise. */
	public static final String ORGANIZATION = "InTime";

	public DeckContent {
		Objects.requireNonNull(review, "review");
		organization = organization == null || organization.isBlank() ? ORGANIZATION : organization.strip();
		timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
		clientAttendees = clientAttendees == null ? List.of() : List.copyOf(clientAttendees);
		initiatives = initiatives == null ? List.of() : List.copyOf(initiatives);
		discussionTopics = discussionTopics == null ? List.of() : List.copyOf(discussionTopics);
		actionItems = actionItems == null ? List.of() : List.copyOf(actionItems);
	}

	/**
	 * The content with the defaults a QBR starts from: the organization "InTime", the
	 * initiatives proposed from the open expansion opportunities, the discussion topics
	 * of the quarter (hiring forecast, open opportunities, feedback) and no action items
	 * yet.
	 * @param startsAt when the meeting starts, or null when it is not scheduled
	 * @param timeZone the zone its date and time are shown in; null for UTC
	 */
	public static DeckContent of(QuarterReview review, String presenterName, String presenterTitle, Instant startsAt,
			ZoneId timeZone, List<String> clientAttendees) {
		ZoneId zone = timeZone == null ? ZoneId.of("UTC") : timeZone;
		ZonedDateTime start = startsAt == null ? null : startsAt.atZone(zone);
		return new DeckContent(review, ORGANIZATION, presenterName, presenterTitle,
				start == null ? null : start.toLocalDate(), start == null ? null : start.toLocalTime(), zone,
				clientAttendees, Initiative.fromOpportunities(review.opportunities()), defaultTopics(review),
				List.of());
	}

	/**
	 * The topics a QBR of this quarter discusses: the next quarter's hiring forecast,
	 * each open opportunity (at most two), and feedback on the service.
	 */
	public static List<String> defaultTopics(QuarterReview review) {
		List<String> topics = new ArrayList<>();
		topics.add(review.quarter().next().label() + " hiring forecast: confirm projected volumes");
		review.opportunities()
			.stream()
			.limit(2)
			.forEach(o -> topics.add(Initiative.from(o).title() + ": timeline and requirements"));
		if (review.challenges().isEmpty()) {
			topics.add("Feedback on current service delivery");
		}
		else {
			topics.add("Feedback on current service delivery and this quarter's escalations");
		}
		return List.copyOf(topics);
	}

	public DeckContent withOrganization(String organization) {
		return new DeckContent(review, organization, presenterName, presenterTitle, meetingDate, meetingTime, timeZone,
				clientAttendees, initiatives, discussionTopics, actionItems);
	}

	public DeckContent withInitiatives(List<Initiative> initiatives) {
		return new DeckContent(review, organization, presenterName, presenterTitle, meetingDate, meetingTime, timeZone,
				clientAttendees, initiatives, discussionTopics, actionItems);
	}

	public DeckContent withDiscussionTopics(List<String> discussionTopics) {
		return new DeckContent(review, organization, presenterName, presenterTitle, meetingDate, meetingTime, timeZone,
				clientAttendees, initiatives, discussionTopics, actionItems);
	}

	public DeckContent withActionItems(List<ActionItem> actionItems) {
		return new DeckContent(review, organization, presenterName, presenterTitle, meetingDate, meetingTime, timeZone,
				clientAttendees, initiatives, discussionTopics, actionItems);
	}

	/** A copy with another review, e.g. the same meeting over a recomputed quarter. */
	public DeckContent withReview(QuarterReview review) {
		return new DeckContent(review, organization, presenterName, presenterTitle, meetingDate, meetingTime, timeZone,
				clientAttendees, initiatives, discussionTopics, actionItems);
	}

	/**
	 * An initiative proposed for the next quarter.
	 *
	 * @param points what it is, a few short bullet points
	 * @param revenuePotential e.g. "Revenue potential: $200K", or null
	 * @param decisionNeeded what the client is asked to decide, e.g. "Approve the
	 * expansion", or null
	 */
	public record Initiative(String title, List<String> points, String revenuePotential, String decisionNeeded) {

		public Initiative {
			Objects.requireNonNull(title, "title");
			points = points == null ? List.of() : List.copyOf(points);
		}

		/** The initiatives of a review's open opportunities, in their order. */
		public static List<Initiative> fromOpportunities(List<QuarterReview.Opportunity> opportunities) {
			return opportunities == null ? List.of() : opportunities.stream().map(Initiative::from).toList();
		}

		/**
		 * An opportunity as an initiative: its stage and next step as points, its value
		 * as the revenue potential, and the decision its stage asks of the client.
		 */
		public static Initiative from(QuarterReview.Opportunity opportunity) {
			List<String> points = new ArrayList<>();
			if (opportunity.nextStep() != null && !opportunity.nextStep().isBlank()) {
				points.add("Next step: " + opportunity.nextStep().strip());
			}
			String stage = opportunity.stage() == null ? "" : opportunity.stage().strip();
			if (!stage.isEmpty()) {
				points.add("Stage: " + capitalized(stage));
			}
			String potential = opportunity.value() == null || opportunity.value().isZero() ? null
					: "Revenue potential: " + MoneyFormat.compact(opportunity.value());
			String title = opportunity.name() == null || opportunity.name().isBlank() ? "Expansion opportunity"
					: opportunity.name().strip();
			return new Initiative(title, points, potential, decisionFor(stage));
		}

		private static String decisionFor(String stage) {
			return switch (stage.toUpperCase(Locale.ROOT)) {
				case "IDENTIFIED", "QUALIFIED" -> "Confirm interest and scope";
				case "PROPOSAL" -> "Approve the proposal";
				case "NEGOTIATION" -> "Agree the final terms";
				default -> "Agree the next step";
			};
		}

		private static String capitalized(String stage) {
			String lower = stage.toLowerCase(Locale.ROOT);
			return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
		}

	}

	/**
	 * An action item agreed in the meeting.
	 *
	 * @param owner who does it, e.g. "MegaBank (Sarah)" or "InTime (Jordan)"
	 * @param due when it is due, or null
	 */
	public record ActionItem(String owner, String text, LocalDate due) {

		public ActionItem {
			Objects.requireNonNull(text, "text");
		}

	}

}
