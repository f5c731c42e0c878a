package io.intime.automation.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountManagement;
import io.intime.billing.InvoiceView;
import io.intime.escalations.EscalationCategory;
import io.intime.escalations.EscalationForm;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationView;
import io.intime.escalations.Severity;
import io.intime.identity.CurrentUser;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * The client disagrees with finance's resolution: an escalation is raised on the account
 * by its manager (who owns the relationship; the run's owner when the account has none),
 * about billing, P2 (spec 03 Appendix B: a client's dissatisfaction, resolved within a
 * week), with the dispute, the resolution refused and the client's words. Finance then
 * reviews the dispute again, with the escalation in hand.
 */
@Component
class DisputeEscalation implements WorkflowAction {

	static final String KEY = "billing.dispute-escalation";

	private final DisputeCase disputes;

	private final EscalationManagement escalations;

	private final AccountManagement accounts;

	private final Actors actors;

	DisputeEscalation(DisputeCase disputes, EscalationManagement escalations, AccountManagement accounts,
			Actors actors) {
		this.disputes = disputes;
		this.escalations = escalations;
		this.accounts = accounts;
		this.actors = actors;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Raises an escalation for the disputed resolution";
	}

	@Override
	public ActionResult run(ActionContext context) {
		InvoiceView invoice = disputes.invoice(context);
		DisputeCase.Resolution resolution = disputes.resolution(context, invoice);
		String comments = RunValues.text(context, "resolution-acceptance", "comments");
		List<String> description = new ArrayList<>();
		description.add("The client escalated finance's resolution of their billing dispute on invoice "
				+ invoice.number() + " (workflow run " + context.runId() + ").");
		description.add("Resolution refused: " + resolution.words()
				+ (resolution.rationale() == null ? "" : ". Rationale: " + resolution.rationale()));
		String category = RunValues.text(context, "dispute-intake", "dispute-category");
		String what = RunValues.text(context, "dispute-intake", "description");
		if (category != null || what != null) {
			description.add("Dispute: " + (category == null ? "" : category + ". ") + (what == null ? "" : what));
		}
		description.add("The client says: " + (comments == null ? "(no comment given)" : comments));
		String expected = RunValues.text(context, "dispute-intake", "expected-resolution");
		String title = "Billing dispute escalated: invoice " + invoice.number();
		EscalationForm form = new EscalationForm(title, String.join("\n\n", description), Severity.P2,
				EscalationStatus.OPEN, null, null, EscalationCategory.BILLING,
				expected == null ? null : "The client expects: " + expected, context.roleContacts().get("client"), null,
				null, null, null);
		EscalationView raised = escalations.create(context.accountId(), form, raiser(context));
		return new ActionResult(
				List.of("Escalation " + raised.key() + " raised (" + raised.severity() + ", billing)"
						+ (raised.ownerName() == null ? "" : ", owned by " + raised.ownerName())
						+ "; finance reviews the dispute again"),
				Map.of("escalationId", raised.id(), "escalationKey", raised.key()),
				"Escalated by the client: " + raised.key(), null);
	}

	/** The account's manager, else the run's owner. */
	private CurrentUser raiser(ActionContext context) {
		var stewards = accounts.stewards(List.of(context.accountId())).get(context.accountId());
		return stewards != null && stewards.ownerId() != null ? actors.user(stewards.ownerId()) : context.actingAs();
	}

}
