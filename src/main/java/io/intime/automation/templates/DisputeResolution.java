package io.intime.automation.templates;

import java.util.List;
import java.util.Map;

import io.intime.billing.CreditMemoView;
import io.intime.billing.CreditMemos;
import io.intime.billing.InvoiceView;
import io.intime.shared.MoneyFormat;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * Processes the resolution the client accepted: a credit, a refund or an adjustment
 * becomes a credit memo on the invoice, issued by the run's finance lead (a refund of an
 * invoice not paid yet is credited against it); a denial leaves the invoice as billed.
 * The memo is issued once per run, so a retried step never credits twice.
 */
@Component
class DisputeResolution implements WorkflowAction {

	static final String KEY = "billing.apply-resolution";

	private final DisputeCase disputes;

	private final CreditMemos memos;

	DisputeResolution(DisputeCase disputes, CreditMemos memos) {
		this.disputes = disputes;
		this.memos = memos;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Issues the credit memo or adjustment on the invoice";
	}

	@Override
	public ActionResult run(ActionContext context) {
		InvoiceView invoice = disputes.invoice(context);
		DisputeCase.Resolution resolution = disputes.resolution(context, invoice);
		if (resolution.denial()) {
			return new ActionResult(
					List.of("Denied: invoice " + invoice.number() + " stays due as billed ("
							+ MoneyFormat.format(invoice.amount()) + "); no credit memo"),
					Map.of("resolution", resolution.type()), "Dispute denied: " + invoice.number() + " due as billed",
					null);
		}
		String reason = "Billing dispute resolution (" + resolution.type().toLowerCase(java.util.Locale.ROOT) + ")"
				+ (resolution.rationale() == null ? "" : ": " + resolution.rationale());
		CreditMemoView memo = memos.issue(invoice.id(), resolution.kind(), resolution.amount(),
				reason.length() > 2000 ? reason.substring(0, 1999) + "…" : reason, "workflow-run:" + context.runId(),
				disputes.financeLead(context));
		var balance = memos.balance(invoice.id(), disputes.financeLead(context));
		String line = memo.kind().label() + " memo " + memo.number() + " for " + MoneyFormat.format(memo.amount())
				+ " on invoice " + invoice.number() + "; " + MoneyFormat.format(balance) + " still owed";
		return new ActionResult(
				resolution.refundAsCredit() ? List
					.of("Invoice " + invoice.number() + " is not paid: the refund is credited against it", line)
						: List.of(line),
				Map.of("creditMemoId", memo.id(), "creditMemoNumber", memo.number(), "resolution", resolution.type()),
				memo.kind().label() + " memo " + memo.number() + " for " + MoneyFormat.format(memo.amount()) + " on "
						+ invoice.number(),
				null);
	}

}
