package io.intime.accounts;

/** The state of a contract; only ACTIVE contracts count towards ARR. */
public enum ContractStatus {

	DRAFT, ACTIVE, EXPIRED, RENEWED, TERMINATED

}
