package io.intime.accounts;

/** The lifecycle of a client account. */
public enum AccountStatus {

	PROSPECT, ACTIVE, PAUSED, CHURNED

}
