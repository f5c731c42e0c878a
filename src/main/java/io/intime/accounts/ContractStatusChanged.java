package io.intime.accounts;

import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.LoggedEvent;

/** A contract moved from one status to another (e.g. ACTIVE to RENEWED). */
public record ContractStatusChanged(Long accountId, long contractId, String contractNumber, ContractStatus from,
        ContractStatus to, String by) implements LoggedEvent {

    @Override
    public String type() {
        return AccountEvents.CONTRACT_STATUS_CHANGED;
    }

    @Override
    public Map<String, Object> payload() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("account_id", accountId);
        payload.put("contract_id", contractId);
        payload.put("contract_number", contractNumber);
        payload.put("from", from);
        payload.put("to", to);
        payload.put("by", by);
        return payload;
    }
}
