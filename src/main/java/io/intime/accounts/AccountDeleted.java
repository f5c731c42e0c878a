package io.intime.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/** An account was deleted with its contacts and contracts. */
public record AccountDeleted(Long accountId, Actor actor, Instant at) implements LoggedEvent {

    @Override
    public String logName() {
        return AccountEvents.ACCOUNT_DELETED;
    }

    @Override
    public Map<String, Object> logPayload() {
        return AccountEvents.payload(accountId, "account", accountId, List.of(), actor);
    }
}
