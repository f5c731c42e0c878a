package io.intime.accounts;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A contract's term as ledgers derived from contracts read it: its dates, status,
 * currency and ARR (the sum of its service lines' annual values, whatever its status),
 * and the day it last changed.
 */
public record ContractTerm(long id, long accountId, String number, ContractType type, ContractStatus status,
		String currency, LocalDate startDate, LocalDate endDate, BigDecimal arr, LocalDate changedOn) {

	/** Counts towards ARR now: only ACTIVE contracts do. */
	public boolean recurring() {
		return status == ContractStatus.ACTIVE;
	}

}
