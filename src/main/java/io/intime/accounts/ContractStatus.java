package io.intime.accounts;

import java.util.EnumSet;
import java.util.Set;

/**
 * The state of a contract; only ACTIVE contracts count towards ARR. A contract moves only
 * along its life: a draft is executed (ACTIVE) or abandoned (TERMINATED); an active one
 * expires, is renewed or terminated; an expired or terminated one may be reactivated,
 * with a reason; a renewed one is done (its successor is a new contract).
 */
public enum ContractStatus {

	DRAFT, ACTIVE, EXPIRED, RENEWED, TERMINATED;

	/** The statuses this one may move to. */
	public Set<ContractStatus> next() {
		return switch (this) {
			case DRAFT -> EnumSet.of(ACTIVE, TERMINATED);
			case ACTIVE -> EnumSet.of(EXPIRED, RENEWED, TERMINATED);
			case EXPIRED -> EnumSet.of(ACTIVE, RENEWED);
			case TERMINATED -> EnumSet.of(ACTIVE);
			case RENEWED -> EnumSet.noneOf(ContractStatus.class);
		};
	}

	public boolean canMoveTo(ContractStatus target) {
		return target == this || next().contains(target);
	}

	/** An ended contract made ACTIVE again: it needs a reason. */
	public boolean reactivatedBy(ContractStatus target) {
		return target == ACTIVE && (this == EXPIRED || this == TERMINATED);
	}

}
