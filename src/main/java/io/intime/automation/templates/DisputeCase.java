package io.intime.automation.templates;

import java.math.BigDecimal;
import java.util.Locale;

import io.intime.billing.CreditMemoKind;
import io.intime.billing.CreditMemos;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.billing.InvoiceView;
import io.intime.identity.CurrentUser;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.workflows.ActionContext;

import org.springframework.stereotype.Component;

/**
 * What a Billing Dispute run is about, read the same way by its notification, its
 * processing and its closing: the invoice (the run's, else the one the client named in
 * the intake form), and the resolution finance approved last (its type, its amount, the
 * disputed amount when finance gave none, and the rationale).
 */
@Component
class DisputeCase {

	private final InvoiceManagement invoices;

	private final CreditMemos memos;

	private final Actors actors;

	DisputeCase(InvoiceManagement invoices, CreditMemos memos, Actors actors) {
		this.invoices = invoices;
		this.memos = memos;
		this.actors = actors;
	}

	/**
	 * The approved resolution.
	 *
	 * @param kind the credit memo it makes, or null for a denial
	 * @param amount what is credited, refunded or adjusted, or null for a denial
	 * @param refundAsCredit a refund of an invoice not paid yet, which is credited
	 * instead (nothing was paid to give back)
	 */
	record Resolution(String type, CreditMemoKind kind, Money amount, String rationale, boolean refundAsCredit) {

		boolean denial() {
			return kind == null;
		}

		/** "a credit of $2,400", "a denial". */
		String words() {
			return denial() ? "a denial" : "a " + type.toLowerCase(Locale.ROOT) + " of " + MoneyFormat.format(amount);
		}

	}

	/**
	 * The run's invoice, as the finance lead sees it.
	 * @throws IllegalStateException when the run names no invoice of the account
	 */
	InvoiceView invoice(ActionContext context) {
		CurrentUser finance = financeLead(context);
		if (context.invoiceId() != null) {
			return invoices.get(context.invoiceId(), finance);
		}
		String number = RunValues.text(context, "dispute-intake", "invoice-number");
		return invoices.forAccount(context.accountId(), finance)
			.stream()
			.filter(i -> i.number().equalsIgnoreCase(number == null ? "" : number))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException(
					"The account has no invoice numbered " + number + ": the dispute names no invoice of theirs"));
	}

	Resolution resolution(ActionContext context, InvoiceView invoice) {
		String type = RunValues.text(context, "resolution-approval", "resolution-type");
		if (type == null) {
			throw new IllegalStateException("The resolution approval gave no resolution type");
		}
		String rationale = RunValues.text(context, "resolution-approval", "rationale");
		if ("Denial".equals(type)) {
			return new Resolution(type, null, null, rationale, false);
		}
		BigDecimal amount = RunValues.decimal(context, "resolution-approval", "amount");
		if (amount == null || amount.signum() == 0) {
			amount = RunValues.decimal(context, "dispute-intake", "disputed-amount");
		}
		if (amount == null || amount.signum() <= 0) {
			throw new IllegalStateException("The approved " + type.toLowerCase(Locale.ROOT) + " has no amount");
		}
		CreditMemoKind kind = switch (type) {
			case "Refund" -> invoice.status() == InvoiceStatus.PAID ? CreditMemoKind.REFUND : CreditMemoKind.CREDIT;
			case "Adjustment" -> CreditMemoKind.ADJUSTMENT;
			default -> CreditMemoKind.CREDIT;
		};
		boolean refundAsCredit = "Refund".equals(type) && kind == CreditMemoKind.CREDIT;
		return new Resolution(type, kind,
				new Money(amount.setScale(2, java.math.RoundingMode.HALF_UP), invoice.amount().currency()), rationale,
				refundAsCredit);
	}

	/**
	 * Why the resolution cannot be applied to the invoice as it stands, or null: said
	 * before the client is told, so that nobody is promised a credit the invoice cannot
	 * take.
	 */
	String problem(Resolution resolution, InvoiceView invoice, ActionContext context) {
		if (resolution.denial()) {
			return null;
		}
		if (invoice.status() == InvoiceStatus.WRITTEN_OFF) {
			return "invoice " + invoice.number() + " is written off: there is nothing to credit";
		}
		BigDecimal credited = memos.forInvoice(invoice.id(), financeLead(context))
			.stream()
			.map(m -> m.amount().amount())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal left = invoice.amount().amount().subtract(credited);
		if (resolution.amount().amount().compareTo(left) > 0) {
			return "the approved " + resolution.type().toLowerCase(Locale.ROOT) + " of "
					+ MoneyFormat.format(resolution.amount()) + " is more than is left to credit on invoice "
					+ invoice.number() + " (" + MoneyFormat.format(new Money(left, invoice.amount().currency())) + ")";
		}
		return null;
	}

	/** The finance lead of the run, as whom billing is changed. */
	CurrentUser financeLead(ActionContext context) {
		Long id = context.roleUsers().get("finance-lead");
		if (id == null) {
			throw new IllegalStateException("Nobody plays the Finance Lead of this run");
		}
		return actors.user(id);
	}

}
