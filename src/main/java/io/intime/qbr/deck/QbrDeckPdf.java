package io.intime.qbr.deck;

import java.util.List;
import java.util.Locale;

import io.intime.shared.io.HtmlPdf;
import io.intime.qbr.deck.Scene.Anchor;
import io.intime.qbr.deck.Scene.Box;
import io.intime.qbr.deck.Scene.Bullet;
import io.intime.qbr.deck.Scene.Cell;
import io.intime.qbr.deck.Scene.Chart;
import io.intime.qbr.deck.Scene.Element;
import io.intime.qbr.deck.Scene.Palette;
import io.intime.qbr.deck.Scene.Para;
import io.intime.qbr.deck.Scene.Run;
import io.intime.qbr.deck.Scene.Series;
import io.intime.qbr.deck.Scene.Table;
import io.intime.qbr.deck.Scene.Text;
import io.intime.qbr.deck.Scene.Title;

import org.springframework.stereotype.Component;

/**
 * The QBR deck as a PDF: the same slides as the PowerPoint file (same layout, titles,
 * numbers and tables), one 13.333 × 7.5 in landscape page each, the charts drawn as bars.
 * Always in the built-in look: a template's master cannot be reproduced outside
 * PowerPoint. The fonts (Liberation Sans) ship in the application and are embedded.
 */
@Component
public class QbrDeckPdf {

	/**
	 * Renders the deck's slides as a PDF.
	 * @throws DeckUnavailableException when the quarter has no data for an executive
	 * summary
	 */
	public byte[] pdf(DeckContent content) {
		DeckPlan plan = DeckPlan.of(content);
		List<Scene.Slide> slides = DeckLayout.slides(content, plan, Palette.BUILT_IN, false);
		String html = html(slides,
				DeckFacts.title(DeckSlide.TITLE, content) + " – " + content.review().quarter().label());
		return HtmlPdf.render(html, "the QBR deck");
	}

	static String html(List<Scene.Slide> slides, String title) {
		StringBuilder h = new StringBuilder(64 * 1024);
		h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<html><head><meta charset=\"UTF-8\"/><title>")
			.append(e(title))
			.append("</title><style>")
			.append(CSS)
			.append("</style></head><body>");
		for (int i = 0; i < slides.size(); i++) {
			Scene.Slide slide = slides.get(i);
			h.append("<div class=\"slide").append(i == 0 ? "" : " next").append("\">");
			for (Element element : slides.get(i).elements()) {
				if (element instanceof Box box) {
					box(h, box);
				}
				else if (element instanceof Text text) {
					text(h, text);
				}
				else if (element instanceof Table table) {
					table(h, table);
				}
				else if (element instanceof Chart chart) {
					chart(h, chart);
				}
			}
			title(h, slide.title());
			if (slide.subtitle() != null) {
				title(h, slide.subtitle());
			}
			h.append("</div>");
		}
		h.append("</body></html>");
		return h.toString();
	}

	private static void title(StringBuilder h, Title title) {
		h.append("<div class=\"a\" style=\"").append(rect(title.x(), title.y(), title.w(), title.h())).append("\">");
		for (String line : title.lines()) {
			h.append("<p style=\"font-size:")
				.append(pt(title.size()))
				.append(";color:")
				.append(title.color())
				.append(title.bold() ? ";font-weight:bold" : "")
				.append("\">")
				.append(e(line))
				.append("</p>");
		}
		h.append("</div>");
	}

	private static void box(StringBuilder h, Box box) {
		h.append("<div class=\"a\" style=\"").append(rect(box.x(), box.y(), box.w(), box.h()));
		h.append(";background-color:").append(box.fill() == null ? "transparent" : box.fill());
		if (box.line() != null) {
			h.append(";border:0.75pt solid ").append(box.line());
		}
		switch (box.geometry()) {
			case ROUND -> h.append(";border-radius:").append(pt(Math.min(box.w(), box.h()) * 0.17));
			case ELLIPSE -> h.append(";border-radius:").append(pt(Math.min(box.w(), box.h()) / 2));
			case RECT -> {
			}
		}
		h.append("\"></div>");
	}

	private static void text(StringBuilder h, Text text) {
		h.append("<div class=\"a\" style=\"").append(rect(text.x(), text.y(), text.w(), text.h())).append("\">");
		boolean cell = text.anchor() != Anchor.TOP;
		if (cell) {
			h.append("<table class=\"v\"><tr><td style=\"height:")
				.append(pt(text.h()))
				.append(";vertical-align:")
				.append(text.anchor() == Anchor.MIDDLE ? "middle" : "bottom")
				.append("\">");
		}
		paragraphs(h, text.paras());
		if (cell) {
			h.append("</td></tr></table>");
		}
		h.append("</div>");
	}

	private static void paragraphs(StringBuilder h, List<Para> paras) {
		int number = 0;
		for (Para para : paras) {
			String align = para.align().name().toLowerCase(Locale.ROOT);
			String before = para.spaceBefore() > 0 ? "margin-top:" + pt(para.spaceBefore()) + ";" : "";
			if (para.bullet() == Bullet.NONE) {
				h.append("<p style=\"").append(before).append("text-align:").append(align).append("\">");
				runs(h, para.runs());
				h.append("</p>");
				continue;
			}
			Run first = para.runs().get(0);
			String marker = para.bullet() == Bullet.DOT ? "•" : (++number) + ".";
			double indent = first.size() * (para.bullet() == Bullet.DOT ? 1.1 : 1.6);
			h.append("<table class=\"li\" style=\"")
				.append(before)
				.append("\"><tr><td class=\"m\" style=\"width:")
				.append(pt(indent))
				.append(";font-size:")
				.append(pt(first.size()))
				.append(";color:")
				.append(first.color())
				.append("\">")
				.append(e(marker))
				.append("</td><td><p style=\"text-align:")
				.append(align)
				.append("\">");
			runs(h, para.runs());
			h.append("</p></td></tr></table>");
		}
	}

	private static void runs(StringBuilder h, List<Run> runs) {
		for (Run run : runs) {
			h.append("<span style=\"font-size:").append(pt(run.size())).append(";color:").append(run.color());
			if (run.bold()) {
				h.append(";font-weight:bold");
			}
			if (run.italic()) {
				h.append(";font-style:italic");
			}
			h.append("\">").append(e(run.text()).replace("  ", "&#160; ")).append("</span>");
		}
	}

	private static void table(StringBuilder h, Table table) {
		h.append("<table class=\"a grid\" style=\"left:")
			.append(pt(table.x()))
			.append(";top:")
			.append(pt(table.y()))
			.append(";width:")
			.append(pt(table.width()))
			.append("\">");
		for (int r = 0; r < table.rows().size(); r++) {
			h.append("<tr>");
			List<Cell> cells = table.rows().get(r);
			for (int c = 0; c < cells.size(); c++) {
				Cell cell = cells.get(c);
				h.append("<td style=\"width:")
					.append(pt(table.widths()[c] - 18))
					.append(";height:")
					.append(pt(table.heights()[r] - 1))
					.append(";background-color:")
					.append(cell.fill() == null ? "transparent" : cell.fill());
				if (cell.border() != null) {
					h.append(";border-bottom:1pt solid ").append(cell.border());
				}
				h.append("\">");
				paragraphs(h, cell.paras());
				h.append("</td>");
			}
			h.append("</tr>");
		}
		h.append("</table>");
	}

	/**
	 * The chart as bars: category labels on the left, bars from a thin axis, labels as in
	 * PowerPoint.
	 */
	private static void chart(StringBuilder h, Chart chart) {
		int n = chart.categories().size();
		int longest = chart.categories().stream().mapToInt(String::length).max().orElse(1);
		double labelW = Math.min(chart.w() * 0.45, longest * chart.categorySize() * 0.53 + 16);
		double axis = labelW + 6;
		double barsW = chart.w() - axis - 10;
		double slot = (chart.h() - 8) / n;
		double barH = slot / (1 + chart.gapWidth() / 100.0);
		h.append("<div class=\"a\" style=\"").append(rect(chart.x(), chart.y(), chart.w(), chart.h())).append("\">");
		h.append("<div class=\"a\" style=\"")
			.append(rect(axis - 0.75, 4, 0.75, chart.h() - 8))
			.append(";background-color:#CBD5E1\"></div>");
		for (int i = 0; i < n; i++) {
			double top = 4 + i * slot;
			double barTop = top + (slot - barH) / 2;
			h.append("<div class=\"a\" style=\"").append(rect(0, top, labelW, slot)).append("\">");
			h.append("<table class=\"v\"><tr><td style=\"height:")
				.append(pt(slot))
				.append(";vertical-align:middle;text-align:right\"><span style=\"font-size:")
				.append(pt(chart.categorySize()))
				.append(";color:")
				.append(chart.categoryColor())
				.append("\">")
				.append(e(chart.categories().get(i)))
				.append("</span></td></tr></table></div>");
			for (Series series : chart.series()) {
				int value = series.values().get(i);
				double barW = Math.max(0, value / chart.axisMax() * barsW);
				h.append("<div class=\"a\" style=\"")
					.append(rect(axis, barTop, barW, barH))
					.append(";background-color:")
					.append(series.color())
					.append("\"></div>");
				if (series.label() == null) {
					continue;
				}
				Scene.Label label = series.label();
				String text = label.format().replace("\"", "").replace("0", String.valueOf(value));
				double labelTop = barTop + (barH - label.size() * 1.17) / 2;
				double x = label.insideEnd() ? axis + barW - 80 - 6 : axis + barW + 6;
				h.append("<div class=\"a\" style=\"")
					.append(rect(x, labelTop, 80, label.size() * 1.2))
					.append(";text-align:")
					.append(label.insideEnd() ? "right" : "left")
					.append("\"><span style=\"font-size:")
					.append(pt(label.size()))
					.append(";color:")
					.append(label.color())
					.append(label.bold() ? ";font-weight:bold" : "")
					.append("\">")
					.append(e(text))
					.append("</span></div>");
			}
		}
		h.append("</div>");
	}

	private static String rect(double x, double y, double w, double h) {
		return "left:" + pt(x) + ";top:" + pt(y) + ";width:" + pt(w) + ";height:" + pt(h);
	}

	private static String pt(double value) {
		return String.format(Locale.ROOT, "%.2fpt", value);
	}

	private static String e(String text) {
		return HtmlPdf.escape(text);
	}

	private static final String CSS = """
			@page { size: 960pt 540pt; margin: 0; }
			body { margin: 0; font-family: 'Liberation Sans'; color: #0F172A; }
			.slide { position: relative; width: 960pt; height: 540pt; overflow: hidden; background-color: #FFFFFF; }
			.next { page-break-before: always; }
			.a { position: absolute; box-sizing: border-box; }
			p { margin: 0; line-height: 1.17; }
			table.v { width: 100%; border-collapse: collapse; }
			table.v td { padding: 0; }
			table.li { width: 100%; border-collapse: collapse; }
			table.li td { padding: 0; vertical-align: top; line-height: 1.17; }
			table.li td.m { text-align: left; }
			table.grid { border-collapse: collapse; }
			table.grid td { padding: 4pt 8pt 4pt 10pt; vertical-align: middle; }
			""";

}
