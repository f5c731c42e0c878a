package io.intime.qbr.deck;

import java.util.List;

/**
 * Estimates how text wraps in a box, to choose a font size at which it fits and to cut
 * what cannot fit at the smallest readable size. The estimate uses the average glyph
 * width of Arial / Liberation Sans (metric-compatible), a little generous so that text
 * never runs out of its box in PowerPoint, LibreOffice or the PDF.
 */
final class TextFit {

	/** Average advance of a glyph, in em, regular and bold. */
	private static final double REGULAR = 0.53;

	private static final double BOLD = 0.58;

	/** Line height of Arial / Liberation Sans at 100% line spacing, in em. */
	static final double LINE = 1.17;

	private TextFit() {
	}

	/**
	 * The largest size from {@code max} down to {@code min} at which the paragraphs fit.
	 */
	static double size(List<String> paragraphs, double w, double h, double max, double min, boolean bold,
			double spaceBefore) {
		for (double size = max; size > min; size -= 1) {
			if (fits(paragraphs, w, h, size, bold, spaceBefore)) {
				return size;
			}
		}
		return min;
	}

	static double size(String text, double w, double h, double max, double min, boolean bold) {
		return size(List.of(text), w, h, max, min, bold, 0);
	}

	static boolean fits(List<String> paragraphs, double w, double h, double size, boolean bold, double spaceBefore) {
		double height = 0;
		for (int i = 0; i < paragraphs.size(); i++) {
			height += lines(paragraphs.get(i), w, size, bold) * size * LINE + (i == 0 ? 0 : spaceBefore);
		}
		return height <= h + 0.5;
	}

	/** How many lines a paragraph takes when wrapped at words in a box {@code w} wide. */
	static int lines(String text, double w, double size, boolean bold) {
		if (text == null || text.isBlank()) {
			return 1;
		}
		double perLine = Math.max(1, Math.floor(w / (size * (bold ? BOLD : REGULAR))));
		int lines = 1;
		int used = 0;
		for (String word : text.strip().split("\\s+")) {
			int length = word.length();
			if (used == 0) {
				used = length;
			}
			else if (used + 1 + length <= perLine) {
				used += 1 + length;
			}
			else {
				lines++;
				used = length;
			}
			while (used > perLine) {
				lines++;
				used -= (int) perLine;
			}
		}
		return lines;
	}

	/**
	 * The text cut at a word, with an ellipsis, so that it fits the box at {@code size}.
	 */
	static String clip(String text, double w, double h, double size, boolean bold) {
		if (text == null || fits(List.of(text), w, h, size, bold, 0)) {
			return text;
		}
		String cut = text;
		while (cut.length() > 1 && !fits(List.of(cut + "…"), w, h, size, bold, 0)) {
			int space = cut.lastIndexOf(' ');
			cut = (space > 0 ? cut.substring(0, space) : cut.substring(0, cut.length() - 1)).strip();
		}
		return cut + "…";
	}

	/**
	 * The middle of a line cut at a word so that prefix, middle and suffix together fit
	 * the box; the prefix and suffix stay whole.
	 */
	static String clipMiddle(String prefix, String text, String suffix, double w, double h, double size) {
		if (fits(List.of(prefix + text + suffix), w, h, size, false, 0)) {
			return text;
		}
		String cut = text;
		while (cut.length() > 1 && !fits(List.of(prefix + cut + "…" + suffix), w, h, size, false, 0)) {
			int space = cut.lastIndexOf(' ');
			cut = (space > 0 ? cut.substring(0, space) : cut.substring(0, cut.length() - 1)).strip();
		}
		return cut + "…";
	}

	/**
	 * Paragraphs cut so that together they fit the box at {@code size}: each keeps its
	 * lines while there is room, and when there is not, every paragraph gets at least one
	 * line and the rest go round in order. Paragraphs without even one line are dropped.
	 */
	static List<String> clipAll(List<String> paragraphs, double w, double h, double size, boolean bold,
			double spaceBefore) {
		int n = paragraphs.size();
		if (n == 0 || fits(paragraphs, w, h, size, bold, spaceBefore)) {
			return paragraphs;
		}
		int budget = (int) Math.floor((h + spaceBefore) / (size * LINE + spaceBefore));
		if (budget < n) {
			return clipAll(paragraphs.subList(0, Math.max(0, budget)), w, h, size, bold, spaceBefore);
		}
		int[] natural = new int[n];
		int[] allotted = new int[n];
		for (int i = 0; i < n; i++) {
			natural[i] = lines(paragraphs.get(i), w, size, bold);
			allotted[i] = 1;
		}
		// the budget counts a paragraph's space before it as part of its first line
		int lines = (int) Math.floor((h - spaceBefore * (n - 1)) / (size * LINE));
		int left = lines - n;
		boolean grew = true;
		while (left > 0 && grew) {
			grew = false;
			for (int i = 0; i < n && left > 0; i++) {
				if (allotted[i] < natural[i]) {
					allotted[i]++;
					left--;
					grew = true;
				}
			}
		}
		java.util.ArrayList<String> clipped = new java.util.ArrayList<>();
		for (int i = 0; i < n; i++) {
			clipped.add(clip(paragraphs.get(i), w, allotted[i] * size * LINE, size, bold));
		}
		return clipped;
	}

}
