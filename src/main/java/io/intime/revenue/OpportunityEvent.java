package io.intime.revenue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.FieldChange;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.LoggedEvent;

/**
 * What happened to an expansion opportunity: {@link OpportunityIdentified},
 * {@link OpportunityUpdated}, {@link OpportunityStageChanged} or
 * {@link OpportunityDeleted}. The spec names no events for the pipeline; the log names
 * follow its words ("expansion identified", "Move Forward", won/lost). Each is logged
 * with the opportunity's title, stage, value and owner, the fields that changed and who.
 */
public sealed interface OpportunityEvent extends LoggedEvent, AccountFactChanged
		permits OpportunityIdentified, OpportunityUpdated, OpportunityStageChanged, OpportunityDeleted {

	/**
	 * The opportunity as it stands after the event; {@code value} is in {@code currency}.
	 */
	record Snapshot(long id, String title, OpportunityStage stage, BigDecimal value, String currency, Long ownerId) {
	}

	/** The opportunity the event is about. */
	Snapshot opportunity();

	/** The fields that changed; empty when none did (a deletion). */
	List<FieldChange> changes();

	/** What the event adds to the common payload. */
	default Map<String, Object> details() {
		return Map.of();
	}

	@Override
	default Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId());
		payload.put("opportunity_id", opportunity().id());
		payload.put("title", opportunity().title());
		payload.put("stage", opportunity().stage().name());
		payload.put("value",
				Map.of("amount", opportunity().value().toPlainString(), "currency", opportunity().currency()));
		payload.put("owner_id", opportunity().ownerId());
		payload.putAll(details());
		payload.put("changes", FieldChange.logged(changes()));
		payload.put("by", actor().name());
		return payload;
	}

}
