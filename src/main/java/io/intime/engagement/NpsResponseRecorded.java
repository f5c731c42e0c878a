package io.intime.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * A client answered an NPS survey with {@code score} (0–10); {@code category} is
 * promoter, passive or detractor.
 */
public record NpsResponseRecorded(Long accountId, long responseId, Long contactId, int score, String category,
		String comment, LocalDate respondedOn, SurveyType surveyType, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "nps.received";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("nps_response_id", responseId);
		payload.put("contact_id", contactId);
		payload.put("score", score);
		payload.put("category", category);
		payload.put("comment", comment);
		payload.put("responded_on", respondedOn.toString());
		payload.put("survey_type", surveyType.name());
		payload.put("by", actor.name());
		return payload;
	}
}
