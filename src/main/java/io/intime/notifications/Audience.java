package io.intime.notifications;

/**
 * Who receives a kind of notice, relative to the account the notice is about (a notice
 * without account reaches only its named users).
 */
public enum Audience {

	/** The account's owner (its account manager). */
	OWNER,
	/** The account's executive sponsor (strategic accounts have one). */
	EXECUTIVE_SPONSOR,
	/** The members of the account's team (recruiters, recruiting managers, …). */
	ACCOUNT_TEAM,
	/** The sales director the owner reports to. */
	SALES_DIRECTOR,
	/** The recruiting managers on the account's team. */
	RECRUITING_MANAGER,
	/** The users the notice names ({@link Notice#namedUserIds()}). */
	NAMED

}
