package io.intime.revenue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.Actor;

/**
 * An expansion opportunity was identified at an account, from {@code source}, on
 * {@code identifiedOn}; {@code changes} holds its initial fields.
 */
public record OpportunityIdentified(Long accountId, OpportunityEvent.Snapshot opportunity, String source,
		LocalDate identifiedOn, List<FieldChange> changes, Actor actor, Instant at) implements OpportunityEvent {

	@Override
	public String logName() {
		return "opportunity.identified";
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("source", source);
		details.put("identified_on", identifiedOn.toString());
		return details;
	}
}
