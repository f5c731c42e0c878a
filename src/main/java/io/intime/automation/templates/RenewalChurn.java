package io.intime.automation.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.accounts.ContractView;
import io.intime.renewals.RenewalOutcome;
import io.intime.renewals.RenewalStage;
import io.intime.renewals.RenewalView;
import io.intime.renewals.Renewals;
import io.intime.revenue.ChurnCategory;
import io.intime.shared.MoneyFormat;
import io.intime.shared.Today;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * The client's "not renewing" in the Annual Renewal: the renewal record (opened now when
 * the run had none) is closed as churned, voluntary (the client chose to leave), with the
 * client's words as its note. The renewals module then ends the contract when its end
 * date has passed, or keeps it to its end with the churn's category said for the ARR
 * movement that will follow.
 */
@Component
class RenewalChurn implements WorkflowAction {

	static final String KEY = "renewal.close-churned";

	private final RenewalTerms terms;

	private final Renewals renewals;

	private final Today time;

	RenewalChurn(RenewalTerms terms, Renewals renewals, Today time) {
		this.terms = terms;
		this.renewals = renewals;
		this.time = time;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Closes the renewal as churned (voluntary)";
	}

	@Override
	public ActionResult run(ActionContext context) {
		ContractView contract = terms.contract(context);
		RenewalView renewal = terms.renewal(context, contract);
		List<String> log = new ArrayList<>();
		String number = renewal.contractNumber() != null ? renewal.contractNumber() : contract.number();
		if (renewal.stage() == RenewalStage.CLOSED) {
			log.add("The renewal of " + number + " was closed already as " + renewal.outcome().label()
					+ "; nothing changed");
			return new ActionResult(log, Map.of("renewalId", renewal.id()), null, null);
		}
		String comments = RunValues.text(context, "proposal-review", "comments");
		String note = "The client chose not to renew in the Annual Renewal workflow (run " + context.runId() + ")"
				+ (comments == null ? "" : ": " + comments);
		RenewalView closed = renewals.close(renewal.id(), RenewalOutcome.CHURNED, null, ChurnCategory.VOLUNTARY,
				note.length() > 1000 ? note.substring(0, 999) + "…" : note, renewal.version(), Actors.SYSTEM);
		boolean ended = !closed.renewalDate().isAfter(time.organizationToday());
		log.add("Renewal of " + number + " closed as churned (voluntary): " + MoneyFormat.format(closed.currentArr())
				+ " ARR " + (ended ? "leaves now; the contract expired"
						: "leaves when the contract ends on " + closed.renewalDate().minusDays(1)));
		return new ActionResult(log, Map.of("renewalId", closed.id(), "outcome", RenewalOutcome.CHURNED.name()),
				"Not renewed: churned (voluntary), " + MoneyFormat.format(closed.currentArr()) + " ARR", null);
	}

}
