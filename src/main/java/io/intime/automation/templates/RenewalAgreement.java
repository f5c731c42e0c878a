package io.intime.automation.templates;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ServiceLineView;
import io.intime.identity.UserSummary;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.shared.Today;
import io.intime.workflows.ActionContext;
import io.intime.workflows.WorkflowDocument;

import org.springframework.stereotype.Component;

/**
 * The renewal agreement the client e-signs in the Annual Renewal: the parties, the
 * contract renewed and its current term, the renewed term, the annual value finance
 * approved (with the discount it reflects and the change against today's ARR), the
 * services at their renewed values (scaled as the contract's renewal scales them) or, for
 * a downgrade, what the client keeps, and the signature block. Made from the run's data
 * when the E-Sign step starts, so that it carries the last approved price.
 */
@Component
class RenewalAgreement implements WorkflowDocument {

	static final String KEY = "renewal.agreement";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private final RenewalTerms terms;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final Actors actors;

	private final Today time;

	RenewalAgreement(RenewalTerms terms, AccountManagement accounts, ContactManagement contacts, Actors actors,
			Today time) {
		this.terms = terms;
		this.accounts = accounts;
		this.contacts = contacts;
		this.actors = actors;
		this.time = time;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public Generated make(ActionContext context) {
		RenewalTerms.Terms t = terms.of(context);
		AccountDetails account = accounts.get(context.accountId(), Actors.SYSTEM);
		Long contactId = context.roleContacts().get("client-contact");
		ContactView signer = contactId == null ? null : contacts.byIds(List.of(contactId)).get(contactId);
		Long csmId = context.roleUsers().get("csm");
		UserSummary csm = csmId == null ? null : actors.summary(csmId);
		String html = html(t, account, signer, csm, "RA-" + context.runId(), time.organizationToday());
		String name = ("Renewal-Agreement-" + account.name() + "-" + t.contract().number()).replaceAll("[^A-Za-z0-9-]+",
				"-");
		return new Generated(name + ".pdf", Pdfs.render(html));
	}

	static String html(RenewalTerms.Terms t, AccountDetails account, ContactView signer, UserSummary csm,
			String reference, LocalDate today) {
		StringBuilder h = new StringBuilder(Pdfs.head("Renewal Agreement — " + account.name(),
				List.of("Renewal agreement " + reference, DAY.format(today)),
				Pdfs.FIRM + " · Renewal agreement " + reference));
		h.append("<div class=\"kicker\">RENEWAL AGREEMENT</div><h1>")
			.append(Pdfs.e(account.name()))
			.append("</h1><div class=\"sub\">Renewal of ")
			.append(Pdfs.e(t.contractNumber()))
			.append(" · prepared ")
			.append(DAY.format(today))
			.append(" · reference ")
			.append(Pdfs.e(reference))
			.append("</div>");

		h.append("<p>Between <strong>")
			.append(Pdfs.FIRM)
			.append("</strong> (the Firm) and <strong>")
			.append(Pdfs.e(account.name()))
			.append("</strong>")
			.append(account.hqLocation() == null ? "" : ", " + Pdfs.e(account.hqLocation()))
			.append(" (the Client).</p>");

		BigDecimal change = t.changePercent();
		h.append("<h2>Renewed terms</h2><table class=\"grid terms\"><tbody>")
			.append(row("Contract renewed", t.contractNumber() + " (" + t.contract().type().name() + ")"))
			.append(row("Current term",
					DAY.format(t.contract().startDate()) + " to " + DAY.format(t.contract().endDate()) + " at "
							+ MoneyFormat.format(t.currentArr()) + " a year"))
			.append(row("Renewed term",
					DAY.format(t.start()) + " to " + DAY.format(t.end()) + " (" + t.termMonths()
							+ (t.termMonths() == 1 ? " month)" : " months)")))
			.append("<tr><td class=\"label\">Annual value (ARR)</td><td class=\"strong\" id=\"arr\">")
			.append(Pdfs.e(MoneyFormat.format(t.newArr()) + " " + t.newArr().currency()))
			.append(change == null || change.signum() == 0 ? ""
					: " <span class=\"muted\">(" + (change.signum() > 0 ? "+" : "") + change.toPlainString()
							+ "% against the current annual value)</span>")
			.append("</td></tr>");
		if (t.discountPercent().signum() > 0) {
			h.append(row("Discount", t.discountPercent().stripTrailingZeros().toPlainString()
					+ "% (included in the annual value above)"));
		}
		h.append(row("Payment terms", t.contract().paymentTerms())).append("</tbody></table>");

		List<ServiceLineView> lines = t.contract().serviceLines();
		// a downgrade's scope says which services stay; its lines are not the old ones
		// scaled
		if (!lines.isEmpty() && t.scope() == null) {
			h.append("<h2>Services</h2><table class=\"grid\"><thead><tr><th>Service</th>")
				.append("<th class=\"num\">Current annual value</th><th class=\"num\">Renewed annual value</th></tr>")
				.append("</thead><tbody>");
			List<Money> renewed = scaled(lines, t.contract().arr(), t.newArr());
			for (int i = 0; i < lines.size(); i++) {
				ServiceLineView line = lines.get(i);
				h.append("<tr><td>")
					.append(Pdfs.e(line.name()))
					.append("</td><td class=\"num\">")
					.append(Pdfs.e(MoneyFormat.format(new Money(line.annualValue(), t.contract().currency()))))
					.append("</td><td class=\"num\">")
					.append(Pdfs.e(MoneyFormat.format(renewed.get(i))))
					.append("</td></tr>");
			}
			h.append("</tbody></table>");
		}
		if (t.scope() != null) {
			h.append("<h2>Scope</h2>").append(Pdfs.paragraphs(t.scope()));
		}
		h.append("<h2>Agreement</h2><p>The Client renews ")
			.append(Pdfs.e(t.contractNumber()))
			.append(" for the renewed term above at the annual value above. All other terms of ")
			.append(Pdfs.e(t.contractNumber()))
			.append(" continue unchanged. This agreement takes effect on ")
			.append(DAY.format(t.start()))
			.append(" once signed by the Client.</p>");

		h.append("<h2>Signatures</h2><table class=\"sign\"><tr><td><div class=\"party\">For ")
			.append(Pdfs.e(account.name()))
			.append("</div><div class=\"line\"></div><div>")
			.append(signer == null ? "Name" : Pdfs.e(signer.name()))
			.append("</div><div class=\"muted small\">")
			.append(signer == null || signer.title() == null ? "Title" : Pdfs.e(signer.title()))
			.append("</div><div class=\"muted small\">Date</div></td><td><div class=\"party\">For ")
			.append(Pdfs.FIRM)
			.append("</div><div class=\"line\"></div><div>")
			.append(csm == null ? "Name" : Pdfs.e(csm.fullName()))
			.append("</div><div class=\"muted small\">")
			.append(csm == null || csm.title() == null ? "Account Manager" : Pdfs.e(csm.title()))
			.append("</div><div class=\"muted small\">Date</div></td></tr></table>")
			.append("<p class=\"muted small note\">Signed electronically: the signature record (who, when, from where, and ")
			.append("this document's SHA-256) is attached to the signed copy.</p>");
		h.append("</body></html>");
		return h.toString();
	}

	/**
	 * The service lines at the renewed ARR, in their shares (the last takes the rest).
	 */
	static List<Money> scaled(List<ServiceLineView> lines, Money current, Money renewed) {
		List<Money> result = new ArrayList<>();
		BigDecimal total = current.amount();
		BigDecimal rest = renewed.amount();
		for (int i = 0; i < lines.size(); i++) {
			BigDecimal value = i == lines.size() - 1 ? rest : total.signum() == 0 ? BigDecimal.ZERO
					: lines.get(i).annualValue().multiply(renewed.amount()).divide(total, 2, RoundingMode.HALF_UP);
			rest = rest.subtract(value);
			result.add(new Money(value, renewed.currency()));
		}
		return result;
	}

	private static String row(String label, String value) {
		return "<tr><td class=\"label\">" + Pdfs.e(label) + "</td><td>" + Pdfs.e(value) + "</td></tr>";
	}

}
