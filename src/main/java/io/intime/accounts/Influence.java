package io.intime.accounts;

/** How much a contact sways the client's decisions. */
public enum Influence {

	HIGH, MEDIUM, LOW

}
