package io.intime.health.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The health page's 12-month trend as SVG geometry, computed here so the template only
 * places it: the score line, the colour zones of the bands, month ticks, and a marker
 * wherever the model version changed between two computations (so a jump caused by a
 * model change is not read as a change of the account).
 */
public record TrendChart(int width, int height, String line, List<Dot> dots, List<Zone> zones, List<Tick> months,
		List<Marker> modelChanges, boolean empty) {

	static final int WIDTH = 720;
	static final int HEIGHT = 200;
	static final int LEFT = 34;
	static final int RIGHT = 12;
	static final int TOP = 10;
	static final int BOTTOM = 24;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH);

	/**
	 * One stored computation: the day, the total and the model version that computed it.
	 */
	public record Point(LocalDate day, int score, int modelVersion) {
	}

	/** A point of the line with its tooltip. */
	public record Dot(double x, double y, String label) {
	}

	/** A horizontal band of colour: {@code css} is GREEN, YELLOW or RED. */
	public record Zone(double y, double height, String css) {
	}

	/** A month label on the x axis. */
	public record Tick(double x, String label) {
	}

	/** A vertical line where the model version changed. */
	public record Marker(double x, String label) {
	}

	/**
	 * The chart of {@code points} (in any order) between {@code from} and {@code to},
	 * with the bands' lower bounds {@code green} and {@code yellow} (e.g. 80 and 50).
	 */
	public static TrendChart of(List<Point> points, LocalDate from, LocalDate to, int green, int yellow) {
		List<Point> sorted = points.stream()
			.filter(p -> !p.day().isBefore(from) && !p.day().isAfter(to))
			.sorted((a, b) -> a.day().compareTo(b.day()))
			.toList();
		long span = Math.max(1, ChronoUnit.DAYS.between(from, to));
		double plotWidth = WIDTH - LEFT - RIGHT;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		List<Zone> zones = List.of(new Zone(y(100), y(green) - y(100), "GREEN"),
				new Zone(y(green), y(yellow) - y(green), "YELLOW"), new Zone(y(yellow), y(0) - y(yellow), "RED"));
		List<Tick> months = new ArrayList<>();
		for (LocalDate month = from.withDayOfMonth(1).plusMonths(1); !month.isAfter(to); month = month.plusMonths(1)) {
			months.add(new Tick(x(month, from, span, plotWidth), MONTH.format(month)));
		}
		List<Dot> dots = new ArrayList<>();
		List<Marker> changes = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		Point previous = null;
		for (Point point : sorted) {
			double x = x(point.day(), from, span, plotWidth);
			double y = y(point.score());
			// A score holds until the next computation that changed it: a step, not a
			// slope.
			if (line.isEmpty()) {
				line.append('M').append(round(x)).append(',').append(round(y));
			}
			else {
				line.append(" H").append(round(x)).append(" V").append(round(y));
			}
			dots.add(new Dot(round(x), round(y),
					DAY.format(point.day()) + ": " + point.score() + "/100 (model v" + point.modelVersion() + ")"));
			if (previous != null && previous.modelVersion() != point.modelVersion()) {
				changes.add(new Marker(round(x), "Model v" + point.modelVersion()));
			}
			previous = point;
		}
		if (!line.isEmpty()) {
			line.append(" H").append(round(x(to, from, span, plotWidth))); // the last
																			// score holds
																			// until today
		}
		return new TrendChart(WIDTH, HEIGHT, line.toString(), dots, zones, months, changes, sorted.isEmpty());
	}

	/** The y of a score: 100 at the top of the plot, 0 at its bottom. */
	static double y(int score) {
		return round(TOP + (100 - score) * (HEIGHT - TOP - BOTTOM) / 100.0);
	}

	private static double x(LocalDate day, LocalDate from, long span, double plotWidth) {
		return LEFT + ChronoUnit.DAYS.between(from, day) * plotWidth / span;
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** The y of the axis labels 0, 50, 80, 100, for the template. */
	public List<Tick> scoreTicks() {
		return List.of(new Tick(y(100), "100"), new Tick(y(80), "80"), new Tick(y(50), "50"), new Tick(y(0), "0"));
	}

	public int plotLeft() {
		return LEFT;
	}

	public int plotRight() {
		return WIDTH - RIGHT;
	}

	public int plotBottom() {
		return HEIGHT - BOTTOM;
	}
}
