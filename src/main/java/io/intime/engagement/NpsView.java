package io.intime.engagement;

import java.time.LocalDate;

import io.intime.shared.Stamp;

/**
 * An NPS response as pages and the API show it.
 *
 * @param contact who answered, or null when anonymous
 * @param category PROMOTER (9–10), PASSIVE (7–8) or DETRACTOR (0–6)
 */
public record NpsView(long id, long accountId, String accountName, Long contactId, Party contact, int score,
		String category, String comment, LocalDate respondedOn, SurveyType surveyType, Stamp stamp) {

	static String categoryOf(int score) {
		return score >= 9 ? "PROMOTER" : score >= 7 ? "PASSIVE" : "DETRACTOR";
	}
}
