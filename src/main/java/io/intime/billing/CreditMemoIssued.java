package io.intime.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import io.intime.shared.LoggedEvent;

/**
 * Finance issued a credit memo on an invoice (a credit, a refund or an adjustment), e.g.
 * as a billing dispute's resolution.
 *
 * @param balance what the client still owes on the invoice afterwards
 */
public record CreditMemoIssued(Long accountId, long creditMemoId, String number, long invoiceId, String invoiceNumber,
		CreditMemoKind kind, BigDecimal amount, String currency, String reason, BigDecimal balance, Actor actor,
		Instant at) implements LoggedEvent, AccountFactChanged {

	@Override
	public String logName() {
		return "invoice.credit_memo_issued";
	}

	@Override
	public Map<String, Object> logPayload() {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("account_id", accountId);
		payload.put("credit_memo_id", creditMemoId);
		payload.put("credit_memo_number", number);
		payload.put("invoice_id", invoiceId);
		payload.put("invoice_number", invoiceNumber);
		payload.put("kind", kind.name());
		payload.put("amount", Map.of("amount", amount.toPlainString(), "currency", currency));
		payload.put("reason", reason);
		payload.put("invoice_balance", Map.of("amount", balance.toPlainString(), "currency", currency));
		payload.put("by", actor.name());
		return payload;
	}

}
