package io.intime.revenue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.intime.shared.io.HtmlPdf;
import io.intime.accounts.AccountDetails;
import io.intime.shared.Money;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

import org.springframework.stereotype.Component;

/**
 * Renders a proposal as the PDF the client receives: the firm's letterhead, the title,
 * the sections, the rate table, the projected value with its arithmetic, the contact
 * block and page numbers. The fonts (Liberation Sans, SIL Open Font License) ship in the
 * application; nothing is fetched from the internet.
 */
@Component
class ProposalDocument {

	static final String FIRM = "InTime Staffing";

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	/** The PDF and its number of pages. */
	record Rendered(byte[] bytes, int pages) {
	}

	Rendered render(ProposalView proposal, AccountDetails account, LocalDate day) {
		String html = html(proposal, account, day);
		byte[] bytes = HtmlPdf.render(html, "the proposal");
		try (PDDocument pdf = Loader.loadPDF(bytes)) {
			return new Rendered(bytes, pdf.getNumberOfPages());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not count the pages of the proposal", e);
		}
	}

	static String html(ProposalView p, AccountDetails account, LocalDate day) {
		ProposalView.Content c = p.content();
		StringBuilder h = new StringBuilder();
		h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html><head><meta charset=\"UTF-8\"/><title>")
			.append(e(c.title()))
			.append("</title><style>")
			.append(CSS)
			.append("</style></head><body>");
		h.append("<div class=\"letterhead\"><table class=\"lh\"><tr><td><div class=\"firm\">")
			.append(FIRM)
			.append("</div><div class=\"tag\">Contract &amp; permanent staffing</div></td>")
			.append("<td class=\"right\">Expansion proposal<br/>")
			.append(e(DAY.format(day)))
			.append("<br/>Version ")
			.append(c.number())
			.append("</td></tr></table></div>");
		h.append("<div class=\"kicker\">EXPANSION PROPOSAL</div><h1>").append(e(c.title())).append("</h1>");
		h.append("<div class=\"prepared\">Prepared for ")
			.append(e(account.name()))
			.append(account.hqLocation() == null ? "" : " · " + e(account.hqLocation()))
			.append("</div>");
		for (ProposalSection section : ProposalSection.values()) {
			if (section == ProposalSection.CONTACT) {
				continue;
			}
			String text = c.section(section);
			if (text.isBlank() && section != ProposalSection.TERMS) {
				continue;
			}
			h.append("<h2>").append(e(section.label())).append("</h2>");
			h.append(paragraphs(text));
			if (section == ProposalSection.TERMS && !c.rates().isEmpty()) {
				h.append("<table class=\"grid\"><thead><tr><th>Role</th><th class=\"num\">Hourly rate</th>")
					.append("<th class=\"num\">Rate card</th></tr></thead><tbody>");
				for (ProposalView.RateLine line : c.rates()) {
					h.append("<tr><td>")
						.append(e(line.role()))
						.append("</td><td class=\"num\">")
						.append(e(ProjectedValue.money(new Money(line.rate(), p.currency()))))
						.append("/hr</td><td class=\"num muted\">")
						.append(line.cardMin() == null ? "–"
								: e(ProjectedValue.money(new Money(line.cardMin(), p.currency()))) + "–"
										+ e(ProjectedValue.money(new Money(line.cardMax(), p.currency()))))
						.append("</td></tr>");
				}
				h.append("</tbody></table>");
				if (c.discountPercent().signum() > 0) {
					h.append("<p class=\"muted\">Volume discount of ")
						.append(c.discountPercent().stripTrailingZeros().toPlainString())
						.append("% applied to the rates above.</p>");
				}
			}
			if (section == ProposalSection.TERMS) {
				h.append(
						"<h2>Projected value</h2><table class=\"grid\"><thead><tr><th>Case</th><th class=\"num\">Roles</th>")
					.append("<th class=\"num\">Months</th><th class=\"num\">Hours a month</th><th class=\"num\">Rate</th>")
					.append("<th class=\"num\">Total contract value</th></tr></thead><tbody>");
				row(h, "Conservative", p.projection().conservative(), p.projection().averageRate());
				row(h, "Optimistic", p.projection().optimistic(), p.projection().averageRate());
				h.append("</tbody></table><p class=\"muted small\">")
					.append(e(p.projection().conservative().arithmetic()))
					.append("<br/>")
					.append(e(p.projection().optimistic().arithmetic()))
					.append("<br/>Rate: the average of the proposed hourly rates")
					.append(c.discountPercent().signum() > 0 ? " after the discount" : "")
					.append(".</p>");
			}
		}
		h.append("<div class=\"contact\"><h2>Contact</h2>").append(paragraphs(c.section(ProposalSection.CONTACT)));
		h.append("</div>");
		h.append("</body></html>");
		return h.toString();
	}

	private static void row(StringBuilder h, String label, ProjectedValue.Case c, Money rate) {
		h.append("<tr><td>")
			.append(label)
			.append("</td><td class=\"num\">")
			.append(c.roles())
			.append("</td><td class=\"num\">")
			.append(c.months())
			.append("</td><td class=\"num\">")
			.append(c.hoursPerMonth())
			.append("</td><td class=\"num\">")
			.append(e(ProjectedValue.money(rate)))
			.append("/h</td><td class=\"num strong\">")
			.append(e(ProjectedValue.money(c.value())))
			.append("</td></tr>");
	}

	/** Blank-line separated paragraphs; lines starting with a bullet become a list. */
	private static String paragraphs(String text) {
		StringBuilder h = new StringBuilder();
		boolean list = false;
		for (String line : text.split("\n", -1)) {
			String t = line.strip();
			boolean bullet = t.startsWith("•") || t.startsWith("- ") || t.startsWith("* ");
			if (bullet) {
				if (!list) {
					h.append("<ul>");
					list = true;
				}
				h.append("<li>").append(e(t.substring(1).strip())).append("</li>");
				continue;
			}
			if (list) {
				h.append("</ul>");
				list = false;
			}
			if (!t.isEmpty()) {
				h.append("<p>").append(e(t)).append("</p>");
			}
		}
		if (list) {
			h.append("</ul>");
		}
		return h.toString();
	}

	private static String e(String text) {
		return HtmlPdf.escape(text);
	}

	private static final String CSS = """
			@page { size: A4; margin: 22mm 20mm 24mm 20mm;
			  @bottom-left { content: "InTime Staffing · Confidential"; font-family: 'Liberation Sans'; font-size: 8pt; color: #6b7280; }
			  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'Liberation Sans'; font-size: 8pt; color: #6b7280; } }
			body { font-family: 'Liberation Sans'; font-size: 10pt; color: #1f2937; line-height: 1.45; }
			.letterhead { border-bottom: 3px solid #4338ca; padding-bottom: 8px; margin-bottom: 22px; }
			table.lh { width: 100%; border-collapse: collapse; }
			table.lh td { vertical-align: bottom; padding: 0; }
			.firm { font-size: 18pt; font-weight: 700; color: #312e81; letter-spacing: 0.5px; }
			.tag { font-size: 8.5pt; color: #6b7280; }
			.right { text-align: right; font-size: 8.5pt; color: #4b5563; }
			.kicker { font-size: 8.5pt; font-weight: 700; letter-spacing: 2px; color: #4338ca; }
			h1 { font-size: 19pt; margin: 4px 0 2px 0; color: #111827; }
			.prepared { color: #4b5563; margin-bottom: 14px; }
			h2 { font-size: 11.5pt; color: #312e81; margin: 18px 0 6px 0; padding-bottom: 3px; border-bottom: 1px solid #e5e7eb;
			  page-break-after: avoid; }
			p { margin: 0 0 5px 0; }
			ul { margin: 2px 0 6px 0; padding-left: 16px; }
			li { margin-bottom: 2px; }
			table.grid { width: 100%; border-collapse: collapse; margin: 6px 0 8px 0; page-break-inside: avoid; }
			table.grid th { background: #eef2ff; color: #312e81; font-size: 8.5pt; text-align: left; padding: 5px 7px; }
			table.grid td { border-bottom: 1px solid #e5e7eb; padding: 5px 7px; }
			.num { text-align: right; }
			table.grid th.num { text-align: right; }
			.strong { font-weight: 700; }
			.muted { color: #6b7280; }
			.small { font-size: 8.5pt; }
			.contact { margin-top: 18px; padding: 10px 12px; background: #f9fafb; border-left: 3px solid #4338ca;
			  page-break-inside: avoid; }
			.contact h2 { border: none; margin-top: 0; }
			""";

}
