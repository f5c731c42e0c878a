package io.intime.automation.templates;

import java.util.List;

import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.billing.InvoiceView;
import io.intime.identity.CurrentUser;
import io.intime.shared.Editable;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * Closes the dispute record once the client acknowledged the resolution: the invoice
 * leaves DISPUTED for OPEN (due again, less any credit; the day it was disputed and why
 * stay on it as history), changed by the run's finance lead. An invoice not disputed any
 * more is left as it is.
 */
@Component
class DisputeClosing implements WorkflowAction {

	static final String KEY = "billing.close-dispute";

	private final DisputeCase disputes;

	private final InvoiceManagement invoices;

	DisputeClosing(DisputeCase disputes, InvoiceManagement invoices) {
		this.disputes = disputes;
		this.invoices = invoices;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Closes the invoice's dispute";
	}

	@Override
	public ActionResult run(ActionContext context) {
		InvoiceView invoice = disputes.invoice(context);
		if (invoice.status() != InvoiceStatus.DISPUTED) {
			return ActionResult.of("Invoice " + invoice.number() + " is "
					+ invoice.shownStatus().name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
					+ ", not disputed: nothing to close");
		}
		CurrentUser finance = disputes.financeLead(context);
		Editable<InvoiceForm> editable = invoices.editable(invoice.id(), finance);
		InvoiceForm form = editable.form();
		InvoiceView open = invoices.update(invoice.id(), new InvoiceForm(form.number(), form.issueDate(),
				form.dueDate(), form.amount(), InvoiceStatus.OPEN, null, form.disputeReason()), editable.version(),
				finance);
		return new ActionResult(
				List.of("Dispute closed: invoice " + open.number() + " is "
						+ open.shownStatus().name().toLowerCase(java.util.Locale.ROOT) + " again"),
				java.util.Map.of(), null, null);
	}

}
