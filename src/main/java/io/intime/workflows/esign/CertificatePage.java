package io.intime.workflows.esign;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.intime.shared.io.HtmlPdf;

import org.springframework.web.util.HtmlUtils;

/**
 * The certificate of completion appended to a signed document, rendered as PDF pages of
 * the document's own page size: the document (title, reference, pages, SHA-256), each
 * signer's evidence, and the seal that covers it all. Times are UTC in ISO 8601. The
 * fonts (Liberation Sans) ship in the application.
 */
final class CertificatePage {

	static final String TITLE = "Certificate of completion";

	/** What the page says; times in UTC. */
	record Content(String organization, String documentTitle, String reference, int documentPages,
			String documentSha256, List<SignatureEvidence> signers, Instant sealedAt, String certificateSubject,
			String certificateFingerprint, Instant certificateValidUntil) {
	}

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

	private CertificatePage() {
	}

	/** The page (or pages, with many signers) as a PDF of this page size in points. */
	static byte[] render(Content content, float widthPoints, float heightPoints) {
		return HtmlPdf.render(html(content, widthPoints, heightPoints), "the certificate of completion");
	}

	static String html(Content c, float widthPoints, float heightPoints) {
		StringBuilder h = new StringBuilder();
		h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html><head><meta charset=\"UTF-8\"/><title>")
			.append(TITLE)
			.append("</title><style>")
			.append("@page { size: ")
			.append(widthPoints)
			.append("pt ")
			.append(heightPoints)
			.append("pt; margin: 36pt 40pt 40pt 40pt; ")
			.append("@bottom-left { content: \"")
			.append(css(c.organization()))
			.append(" · ")
			.append(TITLE)
			.append("\"; font-family: 'Liberation Sans'; font-size: 7.5pt; color: #6b7280; } ")
			.append("@bottom-right { content: \"Reference ")
			.append(css(c.reference()))
			.append("\"; font-family: 'Liberation Sans'; font-size: 7.5pt; color: #6b7280; } }")
			.append(CSS)
			.append("</style></head><body>");

		h.append("<div class=\"frame\">");
		h.append("<table class=\"band\"><tr><td class=\"org\">")
			.append(e(c.organization()))
			.append("</td><td class=\"sealed\">Sealed ")
			.append(e(iso(c.sealedAt())))
			.append("</td></tr></table>");
		h.append("<div class=\"kicker\">ELECTRONIC SIGNATURE RECORD</div>");
		h.append("<h1>").append(TITLE).append("</h1>");
		h.append("<p class=\"lead\">")
			.append(e(c.documentTitle()))
			.append(" was signed by ")
			.append(c.signers().size() == 1 ? "one signer" : c.signers().size() + " signers")
			.append(". This certificate records what each signer did; it is part of the sealed document.</p>");

		h.append("<h2>Document</h2><table class=\"facts\">");
		row(h, "Title", e(c.documentTitle()));
		row(h, "Reference", e(c.reference()));
		row(h, "Pages", c.documentPages() + (c.documentPages() == 1 ? " page" : " pages") + " before this certificate");
		row(h, "SHA-256", "<span class=\"hash\">" + e(c.documentSha256()) + "</span>");
		row(h, "Completed", e(iso(c.sealedAt())));
		h.append("</table>");

		h.append("<h2>Signers, in signing order</h2>");
		int number = 1;
		for (SignatureEvidence s : c.signers()) {
			h.append("<div class=\"signer\"><table class=\"who\"><tr><td class=\"num\">")
				.append(number++)
				.append("</td><td><div class=\"name\">")
				.append(e(s.signerName()))
				.append("</div><div class=\"email\">")
				.append(e(s.signerEmail()))
				.append("</div></td><td class=\"typed\"><div class=\"typed-name\">")
				.append(e(s.typedName()))
				.append("</div><div class=\"typed-label\">Typed name</div></td></tr></table>");
			boolean same = c.documentSha256().equalsIgnoreCase(s.documentSha256() == null ? "" : s.documentSha256());
			h.append("<table class=\"evidence\"><tr><th>Consent to sign electronically</th><td>")
				.append(e(iso(s.consentAt())))
				.append("</td><th class=\"second\">Signed</th><td>")
				.append(e(iso(s.signedAt())))
				.append("</td></tr><tr><th>IP address</th><td colspan=\"3\">")
				.append(e(s.ip()))
				.append("</td></tr><tr><th>User agent</th><td colspan=\"3\" class=\"ua\">")
				.append(e(s.userAgent()))
				.append("</td></tr><tr><th>Document seen (SHA-256)</th><td colspan=\"3\"><span class=\"hash\">")
				.append(e(s.documentSha256()))
				.append("</span><br/>")
				.append(same ? "<span class=\"ok\">The same document as above</span>"
						: "<span class=\"differs\">Differs from the document above</span>")
				.append("</td></tr></table></div>");
		}

		h.append("<div class=\"seal\"><div class=\"seal-title\">Seal</div><p>This document and this certificate are")
			.append(" sealed with one PDF digital signature by ")
			.append(e(c.organization()))
			.append(". A PDF reader shows the signature and reports any change made to the document after it was")
			.append(" sealed.</p><table class=\"facts small\">");
		row(h, "Sealed", e(iso(c.sealedAt())));
		row(h, "Certificate", e(c.certificateSubject()));
		row(h, "Fingerprint (SHA-256)", "<span class=\"hash\">" + e(c.certificateFingerprint()) + "</span>");
		row(h, "Valid until", e(DAY.format(c.certificateValidUntil().atZone(ZoneOffset.UTC))));
		h.append("</table></div>");
		h.append("</div></body></html>");
		return h.toString();
	}

	private static void row(StringBuilder h, String label, String valueHtml) {
		h.append("<tr><th>").append(label).append("</th><td>").append(valueHtml).append("</td></tr>");
	}

	/** An instant as ISO 8601 in UTC, to the second. */
	static String iso(Instant instant) {
		return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	/** Text for XHTML: markup escaped, characters XML cannot carry dropped. */
	private static String e(String text) {
		if (text == null) {
			return "";
		}
		return HtmlUtils.htmlEscape(text.replaceAll("[\\p{Cc}&&[^\\t\\n\\r]]", ""), "UTF-8");
	}

	/** Text inside a CSS string. */
	private static String css(String text) {
		return text == null ? "" : text.replaceAll("[\\p{Cc}\"\\\\]", "");
	}

	private static final String CSS = """
			body { font-family: 'Liberation Sans'; font-size: 9.5pt; color: #1f2937; line-height: 1.4; }
			.frame { border: 1.5pt solid #312e81; padding: 18pt 20pt 16pt 20pt; }
			table { border-collapse: collapse; width: 100%; }
			table.band { border-bottom: 2.5pt solid #4338ca; margin-bottom: 14pt; }
			table.band td { padding: 0 0 6pt 0; vertical-align: bottom; }
			.org { font-size: 15pt; font-weight: 700; color: #312e81; letter-spacing: 0.4pt; }
			.sealed { text-align: right; font-size: 8pt; color: #4b5563; }
			.kicker { font-size: 7.5pt; font-weight: 700; letter-spacing: 2pt; color: #4338ca; }
			h1 { font-size: 21pt; margin: 2pt 0 4pt 0; color: #111827; }
			.lead { color: #4b5563; margin: 0 0 10pt 0; }
			h2 { font-size: 10.5pt; color: #312e81; margin: 10pt 0 5pt 0; padding-bottom: 2pt;
			  border-bottom: 0.75pt solid #c7d2fe; page-break-after: avoid; }
			table.facts th { width: 30%; text-align: left; vertical-align: top; font-weight: 400; color: #6b7280;
			  padding: 2pt 8pt 2pt 0; font-size: 8.5pt; }
			table.facts td { vertical-align: top; padding: 2pt 0; word-wrap: break-word; }
			table.small th, table.small td { font-size: 8pt; }
			.hash { font-size: 8pt; letter-spacing: 0.2pt; color: #111827; }
			.signer { border: 0.75pt solid #d1d5db; background: #f9fafb; padding: 7pt 10pt 5pt 10pt; margin: 0 0 7pt 0;
			  page-break-inside: avoid; }
			table.who { margin-bottom: 4pt; border-bottom: 0.75pt solid #e5e7eb; }
			table.who td { vertical-align: bottom; padding: 0 0 5pt 0; }
			td.num { width: 22pt; font-size: 12pt; font-weight: 700; color: #4338ca; }
			.name { font-size: 11pt; font-weight: 700; color: #111827; }
			.email { color: #4b5563; font-size: 8.5pt; }
			td.typed { text-align: right; width: 42%; }
			.typed-name { font-style: italic; font-size: 15pt; color: #1e1b4b; border-bottom: 0.75pt solid #9ca3af;
			  padding: 0 2pt 1pt 0; }
			.typed-label { font-size: 6.5pt; color: #6b7280; letter-spacing: 1pt; text-transform: uppercase;
			  padding-top: 1.5pt; }
			table.evidence th { width: 27%; text-align: left; vertical-align: top; font-weight: 400; color: #6b7280;
			  padding: 1.5pt 6pt 1.5pt 0; font-size: 8pt; }
			table.evidence th.second { width: 10%; }
			table.evidence td { vertical-align: top; padding: 1.5pt 0; font-size: 9pt; word-wrap: break-word; }
			table.evidence td.ua { font-size: 8pt; color: #374151; }
			.ok { color: #047857; font-size: 8pt; font-weight: 700; }
			.differs { color: #b91c1c; font-size: 8pt; font-weight: 700; }
			.seal { margin-top: 10pt; border-left: 3pt solid #4338ca; background: #eef2ff; padding: 7pt 10pt;
			  page-break-inside: avoid; }
			.seal-title { font-weight: 700; color: #312e81; font-size: 9pt; }
			.seal p { margin: 2pt 0 4pt 0; font-size: 8.5pt; }
			""";

}
