package io.intime.accounts;

/** The part a contact plays in the relationship. */
public enum StakeholderRole {

	EXECUTIVE, ECONOMIC_BUYER, CHAMPION, HIRING_MANAGER, FINANCE, OTHER

}
