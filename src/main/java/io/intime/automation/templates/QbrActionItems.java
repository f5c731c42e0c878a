package io.intime.automation.templates;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.intime.accounts.AccountManagement;
import io.intime.qbr.QbrItems;
import io.intime.qbr.QbrView;
import io.intime.qbr.Qbrs;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ActionResult;
import io.intime.workflows.WorkflowAction;

import org.springframework.stereotype.Component;

/**
 * The QBR's action items and decisions as a PDF the client opens before acknowledging
 * them: what was agreed at the meeting, each action with its owner (the firm's or the
 * client's) and due date, as the QBR was finalized.
 */
@Component
class QbrActionItems implements WorkflowAction {

	static final String KEY = "qbr.action-items";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US);

	private final Qbrs qbrs;

	private final QbrItems items;

	private final AccountManagement accounts;

	QbrActionItems(Qbrs qbrs, QbrItems items, AccountManagement accounts) {
		this.qbrs = qbrs;
		this.items = items;
		this.accounts = accounts;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Writes the QBR's action items as a PDF for the client";
	}

	@Override
	public ActionResult run(ActionContext context) {
		Long qbrId = context.qbrId() != null ? context.qbrId() : RunValues.id(context, "qbr-prepare", "qbrId");
		String accountName = accounts.get(context.accountId(), Actors.SYSTEM).name();
		QbrView qbr = qbrId == null ? null : qbrs.get(qbrId, Actors.SYSTEM);
		List<QbrItems.Item> agreed = qbr == null ? List.of() : items.of(qbr.id(), Actors.SYSTEM);
		List<QbrItems.Item> actions = agreed.stream().filter(QbrItems.Item::action).toList();
		List<QbrItems.Item> decisions = agreed.stream().filter(i -> !i.action()).toList();
		String title = "QBR action items" + (qbr == null ? "" : " — " + qbr.quarter().label());
		StringBuilder h = new StringBuilder(Pdfs.head(title + " — " + accountName,
				List.of("QBR action items", qbr == null ? "" : qbr.quarter().label()),
				Pdfs.FIRM + " · " + accountName + " · QBR action items"));
		h.append("<div class=\"kicker\">QUARTERLY BUSINESS REVIEW</div><h1>")
			.append(Pdfs.e(accountName))
			.append("</h1><div class=\"sub\">")
			.append(Pdfs.e(title))
			.append(": what we agreed, who does it and by when</div>");
		h.append("<h2>Action items</h2>");
		if (actions.isEmpty()) {
			h.append("<p class=\"muted\">No action items were recorded at the meeting.</p>");
		}
		else {
			h.append("<table class=\"grid\"><thead><tr><th>Action</th><th>Owner</th><th>Due</th></tr></thead><tbody>");
			for (QbrItems.Item item : actions) {
				h.append("<tr><td>")
					.append(Pdfs.e(item.text()))
					.append("</td><td>")
					.append(Pdfs.e(item.ownerName() == null ? "—" : item.ownerName()))
					.append(item.ownerSide() == null ? ""
							: " <span class=\"muted small\">(" + Pdfs.e(item.clientOwned() ? accountName : Pdfs.FIRM)
									+ ")</span>")
					.append("</td><td>")
					.append(item.dueDate() == null ? "—" : DAY.format(item.dueDate()))
					.append("</td></tr>");
			}
			h.append("</tbody></table>");
		}
		if (!decisions.isEmpty()) {
			h.append("<h2>Decisions</h2>");
			decisions.forEach(d -> h.append("<p>• ").append(Pdfs.e(d.text())).append("</p>"));
		}
		h.append("</body></html>");
		String name = ("QBR-Action-Items-" + accountName + (qbr == null ? "" : "-" + qbr.quarter().code()))
			.replaceAll("[^A-Za-z0-9-]+", "-") + ".pdf";
		return ActionResult
			.of(actions.size() + (actions.size() == 1 ? " action item" : " action items") + " and " + decisions.size()
					+ (decisions.size() == 1 ? " decision" : " decisions") + " written to " + name)
			.withFile(name, "application/pdf", Pdfs.render(h.toString()));
	}

}
