package io.intime.billing;

import java.time.Instant;

import io.intime.shared.Money;

/**
 * A credit memo as pages and the API show it.
 *
 * @param number e.g. {@code CM-2026-0007}
 * @param source what issued it (e.g. {@code workflow-run:42}), or null when a person did
 * @param createdBy the username of who issued it
 */
public record CreditMemoView(long id, String number, long invoiceId, String invoiceNumber, long accountId,
		CreditMemoKind kind, Money amount, String reason, String source, Instant createdAt, String createdBy,
		long version) {
}
