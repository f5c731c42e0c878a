package io.intime.billing;

/**
 * What a user may do with the invoices of one account (spec 03, Financial Access):
 * finance creates, changes, marks paid, writes off and deletes them; the account's
 * manager, executives and sales directors view them and may flag a dispute; admins view
 * them ({@link BillingRules}).
 */
public record InvoiceAccess(boolean view, boolean edit, boolean dispute) {

	public static final InvoiceAccess NONE = new InvoiceAccess(false, false, false);

}
