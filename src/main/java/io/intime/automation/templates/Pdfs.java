package io.intime.automation.templates;

import java.util.List;

import io.intime.shared.io.HtmlPdf;

/**
 * The templates' documents as PDF (openhtmltopdf): the fonts that ship with the
 * application (Liberation Sans), the firm's letterhead style, nothing fetched from the
 * internet.
 */
final class Pdfs {

	static final String FIRM = "InTime Staffing";

	private Pdfs() {
	}

	static byte[] render(String html) {
		return HtmlPdf.render(html, "the document");
	}

	/** Text made safe for the document's XHTML. */
	static String e(String text) {
		return HtmlPdf.escape(text);
	}

	/** Lines of text as paragraphs. */
	static String paragraphs(String text) {
		StringBuilder h = new StringBuilder();
		if (text == null) {
			return "";
		}
		for (String line : text.split("\n")) {
			if (!line.isBlank()) {
				h.append("<p>").append(e(line.strip())).append("</p>");
			}
		}
		return h.toString();
	}

	/** The page, letterhead and table style of every document. */
	static String head(String title, List<String> rightLines, String footer) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html><head><meta charset=\"UTF-8\"/><title>" + e(title)
				+ "</title><style>" + CSS.replace("%FOOTER%", e(footer)) + "</style></head><body>"
				+ "<div class=\"letterhead\"><table class=\"lh\"><tr><td><div class=\"firm\">" + FIRM
				+ "</div><div class=\"tag\">Contract &amp; permanent staffing</div></td><td class=\"right\">"
				+ String.join("<br/>", rightLines.stream().map(Pdfs::e).toList()) + "</td></tr></table></div>";
	}

	private static final String CSS = """
			@page { size: A4; margin: 18mm 20mm 20mm 20mm;
			  @bottom-left { content: "%FOOTER%"; font-family: 'Liberation Sans'; font-size: 8pt; color: #6b7280; }
			  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-family: 'Liberation Sans'; font-size: 8pt; color: #6b7280; } }
			body { font-family: 'Liberation Sans'; font-size: 10pt; color: #1f2937; line-height: 1.45; }
			.letterhead { border-bottom: 3px solid #4338ca; padding-bottom: 8px; margin-bottom: 16px; }
			table.lh { width: 100%; border-collapse: collapse; }
			table.lh td { vertical-align: bottom; padding: 0; }
			.firm { font-size: 18pt; font-weight: 700; color: #312e81; letter-spacing: 0.5px; }
			.tag { font-size: 8.5pt; color: #6b7280; }
			.right { text-align: right; font-size: 8.5pt; color: #4b5563; }
			.kicker { font-size: 8.5pt; font-weight: 700; letter-spacing: 2px; color: #4338ca; }
			h1 { font-size: 19pt; margin: 4px 0 2px 0; color: #111827; }
			.sub { color: #4b5563; margin-bottom: 6px; }
			h2 { font-size: 11pt; color: #312e81; margin: 12px 0 4px 0; padding-bottom: 3px; border-bottom: 1px solid #e5e7eb;
			  page-break-after: avoid; }
			p { margin: 0 0 5px 0; }
			table.grid { width: 100%; border-collapse: collapse; margin: 2px 0 4px 0; page-break-inside: avoid; }
			table.grid th { background: #eef2ff; color: #312e81; font-size: 8.5pt; text-align: left; padding: 4px 7px; }
			table.grid th.num { text-align: right; }
			table.grid td { border-bottom: 1px solid #e5e7eb; padding: 3px 7px; vertical-align: top; }
			table.terms td.label { width: 38%; color: #4b5563; }
			.num { text-align: right; }
			.strong { font-weight: 700; }
			.strong .muted { font-weight: 400; }
			.muted { color: #6b7280; }
			.small { font-size: 8.5pt; }
			table.sign { width: 100%; border-collapse: collapse; margin-top: 6px; page-break-inside: avoid; }
			table.sign td { width: 50%; vertical-align: top; padding: 0 14px 0 0; }
			.line { border-bottom: 1px solid #111827; height: 30px; margin-bottom: 3px; }
			.party { font-weight: 700; color: #312e81; margin-bottom: 6px; }
			.note { margin-top: 10px; }
			""";

}
