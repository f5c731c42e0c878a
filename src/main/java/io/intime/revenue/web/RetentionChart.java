package io.intime.revenue.web;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.intime.revenue.RevenueKpis;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;

/**
 * The reports page's two charts as SVG geometry, computed here so the template only
 * places it: each month's movements as bars (gains up, losses down, in constant-currency
 * USD) and the trailing-twelve-months NRR and GRR as lines against the 100% mark.
 */
public record RetentionChart(int width, int height, List<Bar> bars, List<Tick> months, List<Tick> amountTicks,
		double zeroY, String nrrLine, String grrLine, String reportedNrrLine, List<Dot> dots, List<Tick> rateTicks,
		double hundredY, boolean empty) {

	static final int WIDTH = 760;

	static final int HEIGHT = 220;

	static final int LEFT = 64;

	static final int RIGHT = 16;

	static final int TOP = 12;

	static final int BOTTOM = 26;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

	/** One bar: {@code css} names what it is (expansion, new, contraction, churn). */
	public record Bar(double x, double y, double width, double height, String css, String label) {
	}

	public record Tick(double at, String label) {
	}

	public record Dot(double x, double y, String label) {
	}

	static RetentionChart of(List<RevenueKpis.Month> months) {
		int n = months.size();
		double plotWidth = WIDTH - LEFT - RIGHT;
		double slot = plotWidth / Math.max(1, n);
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double up = 0;
		double down = 0;
		for (RevenueKpis.Month m : months) {
			var f = m.inMonth().constant();
			up = Math.max(up, f.expansion().add(f.newLogoArr().max(BigDecimal.ZERO)).doubleValue());
			down = Math.max(down, f.contraction().add(f.churn()).doubleValue());
		}
		double range = Math.max(1, up + down);
		double zero = TOP + plotHeight * up / range;
		if (up == 0 && down == 0) {
			zero = TOP + plotHeight / 2;
		}
		double scale = plotHeight / range;
		List<Bar> bars = new ArrayList<>();
		List<Tick> ticks = new ArrayList<>();
		boolean empty = true;
		for (int i = 0; i < n; i++) {
			RevenueKpis.Month m = months.get(i);
			var f = m.inMonth().constant();
			double x = LEFT + i * slot + slot * 0.2;
			double w = slot * 0.6;
			ticks.add(new Tick(round(LEFT + i * slot + slot / 2), MONTH.format(m.month())));
			double top = zero;
			for (var part : List.of(new Object[] { f.expansion(), "expansion", "Expansion" },
					new Object[] { f.newLogoArr().max(BigDecimal.ZERO), "new-logo", "New clients" })) {
				double h = ((BigDecimal) part[0]).doubleValue() * scale;
				if (h > 0) {
					top -= h;
					bars.add(new Bar(round(x), round(top), round(w), round(h), (String) part[1],
							MONTH.format(m.month()) + " · " + part[2] + " " + usd((BigDecimal) part[0])));
					empty = false;
				}
			}
			double bottom = zero;
			for (var part : List.of(new Object[] { f.contraction(), "contraction", "Contraction" },
					new Object[] { f.churn(), "churn", "Churn" })) {
				double h = ((BigDecimal) part[0]).doubleValue() * scale;
				if (h > 0) {
					bars.add(new Bar(round(x), round(bottom), round(w), round(h), (String) part[1],
							MONTH.format(m.month()) + " · " + part[2] + " −" + usd((BigDecimal) part[0])));
					bottom += h;
					empty = false;
				}
			}
		}
		List<Tick> amountTicks = new ArrayList<>();
		amountTicks.add(new Tick(round(zero), "$0"));
		if (up > 0) {
			amountTicks.add(new Tick(TOP, usd(BigDecimal.valueOf(up))));
		}
		if (down > 0) {
			amountTicks.add(new Tick(TOP + plotHeight, "−" + usd(BigDecimal.valueOf(down))));
		}
		// the rates chart: 60% to 140% unless the data goes beyond
		double low = 60;
		double high = 140;
		for (RevenueKpis.Month m : months) {
			for (BigDecimal v : new BigDecimal[] { m.trailingYear().constant().nrr(), m.trailingYear().constant().grr(),
					m.trailingYear().reported().nrr() }) {
				if (v != null) {
					low = Math.min(low, Math.floor(v.doubleValue() / 10) * 10);
					high = Math.max(high, Math.ceil(v.doubleValue() / 10) * 10);
				}
			}
		}
		List<Dot> dots = new ArrayList<>();
		String nrr = line(months, slot, low, high, 0, dots);
		String grr = line(months, slot, low, high, 1, dots);
		String reported = line(months, slot, low, high, 2, null);
		List<Tick> rateTicks = new ArrayList<>();
		for (double v = low; v <= high; v += (high - low) / 4) {
			rateTicks.add(new Tick(rateY(v, low, high), Math.round(v) + "%"));
		}
		return new RetentionChart(WIDTH, HEIGHT, bars, ticks, amountTicks, round(zero), nrr, grr, reported, dots,
				rateTicks, rateY(100, low, high), empty);
	}

	private static String line(List<RevenueKpis.Month> months, double slot, double low, double high, int which,
			List<Dot> dots) {
		StringBuilder path = new StringBuilder();
		for (int i = 0; i < months.size(); i++) {
			RevenueKpis.Month m = months.get(i);
			BigDecimal v = switch (which) {
				case 0 -> m.trailingYear().constant().nrr();
				case 1 -> m.trailingYear().constant().grr();
				default -> m.trailingYear().reported().nrr();
			};
			if (v == null) {
				continue;
			}
			double x = round(LEFT + i * slot + slot / 2);
			double y = rateY(v.doubleValue(), low, high);
			path.append(path.isEmpty() ? "M" : " L").append(x).append(',').append(y);
			if (dots != null) {
				dots.add(
						new Dot(x, y, MONTH.format(m.month()) + " · T12M " + (which == 0 ? "NRR " : "GRR ") + v + "%"));
			}
		}
		return path.toString();
	}

	private static double rateY(double value, double low, double high) {
		return round(TOP + (high - value) * (HEIGHT - TOP - BOTTOM) / (high - low));
	}

	private static String usd(BigDecimal amount) {
		return MoneyFormat.compact(new Money(amount, "USD"));
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	public int plotLeft() {
		return LEFT;
	}

	public int plotRight() {
		return WIDTH - RIGHT;
	}

}
