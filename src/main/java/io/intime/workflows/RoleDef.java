package io.intime.workflows;

/**
 * A role of a template: who plays it is decided when a run starts.
 *
 * @param key unique within the template, e.g. {@code csm}, {@code client-contact}
 * @param name as people read it, e.g. "CSM", "Client Contact"
 * @param client true for a client stakeholder (a contact of the account, acting through a
 * link), false for a person of the firm
 * @param binding who plays it by default: for a person of the firm
 * {@code ACCOUNT_MANAGER} (the account's owner), {@code EXECUTIVE_SPONSOR},
 * {@code RUN_OWNER} or a role's name ({@code FINANCE}, {@code SALES_DIRECTOR} …: its
 * first active user); for a client a stakeholder role ({@code FINANCE},
 * {@code EXECUTIVE}, {@code CHAMPION} …: the account's first active contact with it, else
 * its first active contact)
 */
public record RoleDef(String key, String name, boolean client, String binding) {
}
