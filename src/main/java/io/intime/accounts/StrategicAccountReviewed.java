package io.intime.accounts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.LoggedEvent;

/**
 * An executive opened a strategic account (spec 01, Events Logged). {@code healthScore} is
 * null until the account has a health score.
 */
public record StrategicAccountReviewed(Long accountId, Integer healthScore, long reviewedBy, Instant timestamp)
        implements LoggedEvent {

    @Override
    public String type() {
        return AccountEvents.STRATEGIC_ACCOUNT_REVIEWED;
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("account_id", accountId);
        payload.put("health_score", healthScore);
        payload.put("reviewed_by", reviewedBy);
        payload.put("timestamp", timestamp.toString());
        return payload;
    }
}
