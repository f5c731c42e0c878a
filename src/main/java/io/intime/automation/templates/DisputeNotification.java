package io.intime.automation.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.billing.InvoiceView;
import io.intime.identity.UserSummary;
import io.intime.notifications.ClientEmail;
import io.intime.notifications.ClientMail;
import io.intime.shared.MoneyFormat;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * Tells the client finance's decision on their billing dispute: an email from the finance
 * lead (the reply goes to them) with the invoice, what was disputed, the resolution and
 * its rationale, and what happens next (their link to accept, escalate or add information
 * follows from the workflow). A resolution the invoice cannot take (more than is left on
 * it) stops here, before anyone is promised it.
 */
@Component
class DisputeNotification implements WorkflowAction {

	static final String KEY = "billing.dispute-notification";

	private final DisputeCase disputes;

	private final ContactManagement contacts;

	private final ClientMail mail;

	private final Actors actors;

	DisputeNotification(DisputeCase disputes, ContactManagement contacts, ClientMail mail, Actors actors) {
		this.disputes = disputes;
		this.contacts = contacts;
		this.mail = mail;
		this.actors = actors;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Emails the client finance's decision on the dispute";
	}

	@Override
	public ActionResult run(ActionContext context) {
		InvoiceView invoice = disputes.invoice(context);
		DisputeCase.Resolution resolution = disputes.resolution(context, invoice);
		String problem = disputes.problem(resolution, invoice, context);
		if (problem != null) {
			throw new IllegalStateException("The client was not told: " + problem
					+ ". Cancel this run and start the dispute again with a resolution the invoice can take");
		}
		Long contactId = context.roleContacts().get("client");
		ContactView contact = contactId == null ? null : contacts.byIds(List.of(contactId)).get(contactId);
		if (contact == null || contact.email() == null) {
			throw new IllegalStateException("The client's contact has no email address: choose the Client on the run");
		}
		UserSummary lead = actors.summary(context.roleUsers().get("finance-lead"));
		String subject = "Your billing dispute on invoice " + invoice.number() + ": our decision";
		List<String> lines = new ArrayList<>();
		lines.add("Dear " + contact.name() + ",");
		lines.add("");
		lines.add("Thank you for raising your dispute of invoice " + invoice.number() + " ("
				+ MoneyFormat.format(invoice.amount()) + ")" + disputed(context, invoice)
				+ ". We reviewed the billing records " + "against your contract and reached a decision.");
		lines.add("");
		lines.add("Our decision: " + capitalized(resolution.words())
				+ (resolution.refundAsCredit() ? ", credited against the invoice since it has not been paid yet" : "")
				+ ".");
		if (resolution.rationale() != null) {
			lines.add("");
			lines.add("Why: " + resolution.rationale());
		}
		lines.add("");
		lines.add(resolution.denial() ? "The invoice stays due as billed."
				: "Once you accept it, we issue the credit memo on the invoice and send it to you.");
		lines.add("You will receive a separate link to accept this resolution, escalate it if you disagree, or send "
				+ "us more information.");
		lines.add("");
		lines.add("Kind regards,");
		lines.add(lead.fullName() + (lead.title() == null || lead.title().isBlank() ? "" : ", " + lead.title()));
		lines.add(Pdfs.FIRM);
		mail.send(new ClientEmail(lead.fullName(), lead.email() == null ? "finance@intime.local" : lead.email(),
				contact.name(), contact.email(), subject, String.join("\n", lines), null, null));
		return new ActionResult(
				List.of("Emailed " + contact.name() + " <" + contact.email() + "> the decision from " + lead.fullName()
						+ ": " + resolution.words() + " on invoice " + invoice.number()),
				Map.of("invoiceId", invoice.id(), "resolution", resolution.type()), null, null);
	}

	private static String disputed(ActionContext context, InvoiceView invoice) {
		java.math.BigDecimal disputed = RunValues.decimal(context, "dispute-intake", "disputed-amount");
		String amount = disputed == null ? null
				: MoneyFormat.format(new io.intime.shared.Money(disputed, invoice.amount().currency()));
		String category = RunValues.text(context, "dispute-intake", "dispute-category");
		if (amount == null && category == null) {
			return "";
		}
		return ": " + (category == null ? "" : category.toLowerCase(java.util.Locale.ROOT))
				+ (amount == null ? "" : (category == null ? "" : ", ") + amount + " disputed");
	}

	private static String capitalized(String words) {
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
