package io.intime.qbr.deck;

import java.util.List;

/**
 * A slide as positioned shapes, in points on a 960 × 540 page (13.333 × 7.5 in). The
 * layout is made once and drawn twice: as PowerPoint shapes, tables and native charts,
 * and as absolutely positioned HTML for the PDF, so both show the same slides.
 */
final class Scene {

	static final double WIDTH = 960;

	static final double HEIGHT = 540;

	private Scene() {
	}

	/**
	 * One slide: its title (the slide's title placeholder in PowerPoint), an optional
	 * subtitle (the title slide's), and the shapes in drawing order.
	 */
	record Slide(DeckSlide kind, Title title, Title subtitle, List<Element> elements) {
	}

	/** A title or subtitle: one or more lines of text in a box. */
	record Title(List<String> lines, double x, double y, double w, double h, double size, String color, boolean bold) {
	}

	sealed interface Element permits Box, Text, Table, Chart {

	}

	enum Geometry {

		RECT, ROUND, ELLIPSE

	}

	/** A filled shape; {@code fill} and {@code line} are "#RRGGBB" or null for none. */
	record Box(double x, double y, double w, double h, Geometry geometry, String fill, String line) implements Element {
	}

	enum Anchor {

		TOP, MIDDLE, BOTTOM

	}

	/** Paragraphs of text in a box without insets. */
	record Text(double x, double y, double w, double h, Anchor anchor, List<Para> paras) implements Element {
	}

	enum Align {

		LEFT, CENTER, RIGHT

	}

	enum Bullet {

		NONE, DOT, NUMBER

	}

	/**
	 * A paragraph.
	 *
	 * @param spaceBefore points above it
	 */
	record Para(List<Run> runs, Align align, Bullet bullet, double spaceBefore) {

		static Para of(Run... runs) {
			return new Para(List.of(runs), Align.LEFT, Bullet.NONE, 0);
		}

		Para align(Align align) {
			return new Para(runs, align, bullet, spaceBefore);
		}

		Para bullet(Bullet bullet) {
			return new Para(runs, align, bullet, spaceBefore);
		}

		Para before(double points) {
			return new Para(runs, align, bullet, points);
		}

	}

	record Run(String text, double size, String color, boolean bold, boolean italic) {

		static Run plain(String text, double size, String color) {
			return new Run(text, size, color, false, false);
		}

		static Run bold(String text, double size, String color) {
			return new Run(text, size, color, true, false);
		}

		static Run italic(String text, double size, String color) {
			return new Run(text, size, color, false, true);
		}

	}

	/**
	 * A table; rows grow when their text needs more room than {@code heights} gives.
	 */
	record Table(double x, double y, double[] widths, double[] heights, List<List<Cell>> rows) implements Element {

		double width() {
			double w = 0;
			for (double c : widths) {
				w += c;
			}
			return w;
		}

	}

	/** A table cell: its paragraphs, fill and bottom border ("#RRGGBB" or null). */
	record Cell(List<Para> paras, String fill, String border) {
	}

	/**
	 * A horizontal bar chart, categories from the top down. Several series are drawn on
	 * top of each other (the first behind), as a track and its fill.
	 *
	 * @param sheet the name of the embedded worksheet holding the numbers
	 * @param axisMax the value at the right end of the plot, leaving room for labels
	 */
	record Chart(double x, double y, double w, double h, String sheet, String categoryHeader, List<String> categories,
			List<Series> series, int gapWidth, double axisMax, double categorySize,
			String categoryColor) implements Element {
	}

	/**
	 * A series of a chart.
	 *
	 * @param label how its values are labelled on the bars, or null for no labels
	 */
	record Series(String name, List<Integer> values, String color, Label label) {
	}

	/**
	 * A data label: an Excel number format (e.g. {@code 0} or {@code "of "0}), inside the
	 * bar's end or outside it.
	 */
	record Label(String format, boolean insideEnd, double size, String color, boolean bold) {
	}

	/** The colours of a deck. */
	record Palette(String accent, String accentDark, String accentSoft, String ink, String inkMuted, String line,
			String panel, String onBackground, String mutedOnBackground) {

		static final Palette BUILT_IN = new Palette("#4338CA", "#312E81", "#EEF2FF", "#0F172A", "#64748B", "#E2E8F0",
				"#F8FAFC", "#0F172A", "#64748B");

		static final String GREEN = "#15803D";

		static final String AMBER = "#B45309";

		static final String RED = "#B91C1C";

		static final String WHITE = "#FFFFFF";

		static final String AMBER_SOFT = "#FEF3C7";

		static final String AMBER_INK = "#78350F";

	}

}
