package io.intime.automation.templates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.renewals.RenewalOutcome;
import io.intime.renewals.RenewalStage;
import io.intime.renewals.RenewalView;
import io.intime.renewals.Renewals;
import io.intime.revenue.ArrLedger;
import io.intime.revenue.ArrMovement;
import io.intime.revenue.RevenueKpis;
import io.intime.revenue.RevenueSegment;
import io.intime.shared.Editable;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.shared.PageRequest;
import io.intime.shared.Today;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * The Annual Renewal's CRM update, once the client signed: the renewal record (opened now
 * when the run had none) is closed as renewed at the signed ARR (renewed with a change
 * above the current ARR, downgraded below it), which renews the contract into its
 * successor through the contracts module; a term other than a year is written on the
 * successor; the ARR ledger is reconciled at once so that the movements are logged with
 * the step. A renewal someone closed already by hand is left as it is.
 */
@Component
class RenewalCrmUpdate implements WorkflowAction {

	static final String KEY = "renewal.crm-update";

	private final RenewalTerms terms;

	private final Renewals renewals;

	private final ContractManagement contracts;

	private final ArrLedger ledger;

	private final RevenueKpis revenue;

	private final Today time;

	RenewalCrmUpdate(RenewalTerms terms, Renewals renewals, ContractManagement contracts, ArrLedger ledger,
			RevenueKpis revenue, Today time) {
		this.terms = terms;
		this.renewals = renewals;
		this.contracts = contracts;
		this.ledger = ledger;
		this.revenue = revenue;
		this.time = time;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Renews the contract at the signed ARR and writes the ARR movements";
	}

	@Override
	public ActionResult run(ActionContext context) {
		ContractView contract = terms.contract(context);
		RenewalView renewal = terms.renewal(context, contract);
		RenewalTerms.Terms signed = terms.terms(context, contract, renewal);
		List<String> log = new ArrayList<>();
		if (renewal.stage() == RenewalStage.CLOSED) {
			log.add("The renewal of " + signed.contractNumber() + " was closed already as " + renewal.outcome().label()
					+ (renewal.closedOn() == null ? "" : " on " + renewal.closedOn())
					+ "; the contract is left as it is");
			return new ActionResult(log, java.util.Map.of("renewalId", renewal.id()), null, null);
		}
		BigDecimal current = signed.currentArr().amount();
		BigDecimal arr = signed.newArr().amount();
		int comparison = arr.compareTo(current);
		RenewalOutcome outcome = comparison == 0 ? RenewalOutcome.RENEWED
				: comparison > 0 ? RenewalOutcome.RENEWED_WITH_CHANGE : RenewalOutcome.DOWNGRADED;
		String note = "Signed through the Annual Renewal workflow (run " + context.runId() + "): "
				+ MoneyFormat.format(signed.newArr()) + " a year for " + signed.termMonths() + " months"
				+ (signed.discountPercent().signum() > 0
						? ", " + signed.discountPercent().stripTrailingZeros().toPlainString() + "% discount" : "");
		List<Long> before = activeContractIds(context.accountId());
		List<Long> earlierMovements = movements(context.accountId(), renewal.ownerId()).stream()
			.map(ArrMovement::id)
			.toList();
		RenewalView closed = renewals.close(renewal.id(), outcome, outcome == RenewalOutcome.RENEWED ? null : arr, null,
				note, renewal.version(), Actors.SYSTEM);
		List<ContractView> successors = contracts.forAccount(context.accountId(), Actors.SYSTEM)
			.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE && !before.contains(c.id())
					&& c.startDate().equals(signed.start()))
			.toList();
		List<String> renewedTo = new ArrayList<>();
		for (ContractView successor : successors) {
			ContractView written = successor;
			if (!successor.endDate().equals(signed.end())) {
				Editable<ContractForm> editable = contracts.editable(successor.id(), Actors.SYSTEM);
				ContractForm form = editable.form();
				written = contracts.update(successor.id(),
						new ContractForm(form.type(), form.number(), form.startDate(), signed.end(), form.status(),
								form.paymentTerms(), form.currency(), form.serviceLines()),
						editable.version(), Actors.SYSTEM);
			}
			renewedTo.add(written.number() + " (" + written.startDate() + " to " + written.endDate() + ", "
					+ MoneyFormat.format(written.arr()) + ")");
		}
		BigDecimal change = signed.changePercent();
		log.add("Contract " + signed.contractNumber() + " renewed to " + signed.end() + " at "
				+ MoneyFormat.format(signed.newArr())
				+ (change == null ? "" : " (" + (change.signum() >= 0 ? "+" : "") + change.toPlainString() + "%)")
				+ "; renewal closed as " + closed.outcome().label());
		if (!renewedTo.isEmpty()) {
			log.add("New contract" + (renewedTo.size() == 1 ? " " : "s ") + String.join(", ", renewedTo));
		}
		// the ledger listens to the contract changes after the commit; reconciling here
		// writes the same movements now (it is idempotent) so that the step can show them
		ledger.reconcile(List.of(context.accountId()), "system");
		List<String> movements = movements(context.accountId(), closed.ownerId()).stream()
			.filter(m -> !earlierMovements.contains(m.id()))
			.map(RenewalCrmUpdate::line)
			.toList();
		log.addAll(movements.isEmpty() ? List.of("No ARR movement: the ARR is unchanged") : movements);
		return new ActionResult(log,
				java.util.Map.of("renewalId", closed.id(), "outcome", closed.outcome().name(), "newArr",
						arr.toPlainString(), "termEnd", signed.end().toString()),
				"Renewed at " + MoneyFormat.format(signed.newArr()) + " to " + signed.end(), null);
	}

	private List<Long> activeContractIds(long accountId) {
		return contracts.forAccount(accountId, Actors.SYSTEM)
			.stream()
			.filter(c -> c.status() == ContractStatus.ACTIVE)
			.map(ContractView::id)
			.toList();
	}

	/** Today's ARR movements of the account, as the revenue reports list them. */
	private List<ArrMovement> movements(long accountId, Long ownerId) {
		LocalDate today = time.organizationToday();
		RevenueSegment segment = ownerId == null ? RevenueSegment.company() : RevenueSegment.portfolioOf(ownerId);
		return revenue
			.movements(segment, today, today, RevenueKpis.Figure.ALL, null, new PageRequest(0, PageRequest.MAX_SIZE),
					Actors.SYSTEM)
			.items()
			.stream()
			.filter(m -> m.accountId() == accountId)
			.toList();
	}

	private static String line(ArrMovement m) {
		Money amount = m.amount();
		return "ARR movement " + m.kind().name() + " " + amount.currency() + " "
				+ new java.text.DecimalFormat("#,##0.##",
						java.text.DecimalFormatSymbols.getInstance(java.util.Locale.US))
					.format(amount.amount())
				+ (m.contractNumber() == null ? "" : " (" + m.contractNumber() + ")");
	}

}
