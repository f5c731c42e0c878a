package io.intime.qbr.deck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.intime.qbr.QuarterReview;
import io.intime.qbr.QuarterReview.Challenge;
import io.intime.qbr.QuarterReview.Count;
import io.intime.qbr.QuarterReview.HealthCard;
import io.intime.qbr.QuarterReview.Metric;
import io.intime.qbr.QuarterReview.Status;
import io.intime.qbr.QuarterReview.Story;
import io.intime.qbr.deck.Scene.Align;
import io.intime.qbr.deck.Scene.Anchor;
import io.intime.qbr.deck.Scene.Box;
import io.intime.qbr.deck.Scene.Bullet;
import io.intime.qbr.deck.Scene.Cell;
import io.intime.qbr.deck.Scene.Chart;
import io.intime.qbr.deck.Scene.Element;
import io.intime.qbr.deck.Scene.Geometry;
import io.intime.qbr.deck.Scene.Label;
import io.intime.qbr.deck.Scene.Palette;
import io.intime.qbr.deck.Scene.Para;
import io.intime.qbr.deck.Scene.Run;
import io.intime.qbr.deck.Scene.Series;
import io.intime.qbr.deck.Scene.Table;
import io.intime.qbr.deck.Scene.Text;
import io.intime.qbr.deck.Scene.Title;

/**
 * Lays the slides of a plan out on the 960 × 540 point page: a title, margins of 48
 * points, content between 120 and 478, a footer with the account, the quarter and the
 * page number. With an organization's template the title slide's look and the slide
 * titles come from the template, so the layout leaves out its own title band, kicker and
 * accent line.
 */
final class DeckLayout {

	static final double LEFT = 48;

	static final double WIDTH = 864;

	static final double TOP = 120;

	static final double BOTTOM = 478;

	private static final double GAP = 16;

	private final DeckContent content;

	private final QuarterReview review;

	private final Palette p;

	private final boolean template;

	private DeckLayout(DeckContent content, Palette palette, boolean template) {
		this.content = content;
		this.review = content.review();
		this.p = palette;
		this.template = template;
	}

	static List<Scene.Slide> slides(DeckContent content, DeckPlan plan, Palette palette, boolean template) {
		DeckLayout layout = new DeckLayout(content, palette, template);
		List<Scene.Slide> slides = new ArrayList<>();
		for (DeckSlide slide : plan.slides()) {
			slides.add(layout.slide(slide, slides.size() + 1));
		}
		return slides;
	}

	private Scene.Slide slide(DeckSlide kind, int page) {
		if (kind == DeckSlide.TITLE) {
			return titleSlide();
		}
		List<Element> e = new ArrayList<>();
		String title = DeckFacts.title(kind, content);
		double titleSize = TextFit.size(title, WIDTH, 44, 30, 24, true);
		Title t = new Title(List.of(TextFit.clip(title, WIDTH, 44, titleSize, true)), LEFT, 44, WIDTH, 50, titleSize,
				p.onBackground(), true);
		if (!template) {
			e.add(text(LEFT, 24, WIDTH, 18, Para.of(Run.bold(DeckFacts.kicker(kind), 12, p.accent()))));
			e.add(new Box(LEFT, 100, 56, 4, Geometry.RECT, p.accent(), null));
		}
		switch (kind) {
			case EXECUTIVE_SUMMARY -> summary(e);
			case PLACEMENT_BREAKDOWN -> placements(e);
			case QUALITY_METRICS -> quality(e);
			case SUCCESS_STORY -> story(e);
			case CHALLENGES -> challenges(e);
			case INITIATIVES -> initiatives(e);
			case HEALTH_SCORECARD -> health(e);
			case DISCUSSION -> discussion(e);
			default -> throw new IllegalStateException(kind.name());
		}
		e.add(new Box(LEFT, 494, WIDTH, 1, Geometry.RECT, p.line(), null));
		e.add(text(LEFT, 502, 700, 16, Para.of(Run
			.plain(TextFit.clip(DeckFacts.footer(content, page), 700, 14, 10, false), 10, p.mutedOnBackground()))));
		if (!template) {
			e.add(text(LEFT + WIDTH - 200, 502, 200, 16,
					Para.of(Run.bold(content.organization(), 10, p.accent())).align(Align.RIGHT)));
		}
		return new Scene.Slide(kind, t, null, e);
	}

	private Scene.Slide titleSlide() {
		String title = DeckFacts.title(DeckSlide.TITLE, content);
		String presenter = DeckFacts.presenter(content);
		// about the characters a 16-point line holds across the title slide
		String attendees = DeckFacts.attendees(content, 95);
		if (template) {
			List<String> lines = new ArrayList<>(List.of(review.quarter().longLabel()));
			if (presenter != null) {
				lines.add(presenter);
			}
			lines.add(DeckFacts.when(content));
			if (attendees != null) {
				lines.add(attendees);
			}
			Title t = new Title(List.of(title), 64, 140, 832, 110, 40, p.onBackground(), true);
			Title sub = new Title(lines, 64, 270, 832, 150, 20, p.mutedOnBackground(), false);
			return new Scene.Slide(DeckSlide.TITLE, t, sub, List.of());
		}
		List<Element> e = new ArrayList<>();
		e.add(new Box(0, 0, Scene.WIDTH, 330, Geometry.RECT, p.accentDark(), null));
		e.add(new Box(0, 330, Scene.WIDTH, 6, Geometry.RECT, p.accent(), null));
		e.add(text(64, 96, 832, 22, Para.of(Run
			.bold(content.organization().toUpperCase(Locale.ROOT) + "  ·  QUARTERLY BUSINESS REVIEW", 14, "#A5B4FC"))));
		double size = TextFit.size(title, 832, 104, 40, 30, true);
		int lines = TextFit.lines(title, 832, size, true);
		double h = Math.min(104, lines * size * TextFit.LINE + 4);
		Title t = new Title(List.of(TextFit.clip(title, 832, 104, size, true)), 64, 250 - h, 832, h, size,
				Palette.WHITE, true);
		Title sub = new Title(List.of(review.quarter().longLabel()), 64, 262, 832, 34, 24, "#E0E7FF", false);
		List<Para> who = new ArrayList<>();
		if (presenter != null) {
			who.add(Para.of(Run.bold(TextFit.clip(presenter, 832, 24, 20, true), 20, p.ink())));
		}
		who.add(Para.of(Run.plain(DeckFacts.when(content), 16, p.inkMuted())).before(who.isEmpty() ? 0 : 8));
		if (attendees != null) {
			who.add(Para.of(Run.plain(attendees, 16, p.inkMuted())).before(4));
		}
		e.add(text(64, 370, 832, 100, who.toArray(Para[]::new)));
		e.add(text(664, 476, 232, 30, Para.of(Run.bold(content.organization(), 20, p.accent())).align(Align.RIGHT)));
		return new Scene.Slide(DeckSlide.TITLE, t, sub, e);
	}

	private void summary(List<Element> e) {
		List<Metric> cards = DeckFacts.headline(review);
		double y = TOP;
		if (!cards.isEmpty()) {
			int n = cards.size();
			// a lone card stays at most half the slide wide rather than stretching across
			// it
			double w = Math.min((WIDTH - GAP * (n - 1)) / n, (WIDTH - GAP) / 2);
			for (int i = 0; i < n; i++) {
				Metric m = cards.get(i);
				double x = LEFT + i * (w + GAP);
				String colour = statusColour(DeckFacts.status(m));
				e.add(new Box(x, y, w, 150, Geometry.RECT, p.panel(), p.line()));
				e.add(new Box(x, y, w, 5, Geometry.RECT, colour, null));
				double iw = w - 32;
				e.add(text(x + 16, y + 18, iw, 20, Para.of(Run.plain(cardLabel(m.label(), iw), 14, p.inkMuted()))));
				double valueSize = TextFit.size(m.value(), iw, 44, 36, 22, true);
				e.add(text(x + 16, y + 40, iw, 48,
						Para.of(Run.bold(TextFit.clip(m.value(), iw, 44, valueSize, true), valueSize, p.ink()))));
				String target = DeckFacts.target(m) == null ? "No target set" : "Target: " + DeckFacts.targetCell(m);
				e.add(text(x + 16, y + 92, iw, 20,
						Para.of(Run.plain(TextFit.clip(target, iw, 18, 14, false), 14, p.inkMuted()))));
				String status = DeckFacts.statusLabel(m)
						+ (m.comparison() == null || m.comparison().isBlank() ? "" : "  ·  " + m.comparison());
				e.add(text(x + 16, y + 114, iw, 22,
						Para.of(Run.bold(TextFit.clip(status, iw, 18, 14, true), 14, colour))));
			}
			y = 290;
		}
		List<DeckFacts.YtdLine> ytd = DeckFacts.yearToDate(review);
		double hx = LEFT;
		double hw = WIDTH;
		if (!ytd.isEmpty()) {
			double pw = 336;
			e.add(new Box(LEFT, y, pw, BOTTOM - y, Geometry.RECT, p.accentSoft(), null));
			e.add(text(LEFT + 18, y + 14, pw - 36, 22, Para.of(Run.bold("Year to date", 16, p.accentDark()))));
			for (int i = 0; i < ytd.size(); i++) {
				DeckFacts.YtdLine line = ytd.get(i);
				double ly = y + 46 + i * 64;
				e.add(text(LEFT + 18, ly, 150, 36, Para.of(Run.bold(line.value(), 28, p.ink()))));
				e.add(text(LEFT + 18, ly + 36, 150, 20, Para.of(Run.plain(line.label(), 14, p.inkMuted()))));
				e.add(new Text(LEFT + 170, ly, pw - 188, 40, Anchor.MIDDLE,
						List.of(Para
							.of(Run.bold(line.change(), 14,
									line.change().startsWith("↓") ? Palette.RED
											: line.change().startsWith("↑") ? Palette.GREEN : p.inkMuted()))
							.align(Align.RIGHT))));
			}
			hx = LEFT + pw + 24;
			hw = WIDTH - pw - 24;
		}
		List<String> highlights = DeckFacts.highlights(content);
		List<String> notMeasured = DeckFacts.notMeasured(review);
		if (highlights.isEmpty()) {
			if (!notMeasured.isEmpty()) {
				e.add(text(hx, y + 12, hw, 22, Para.of(Run.bold("Not measured this quarter", 16, p.onBackground()))));
				double bodyH = BOTTOM - y - 46;
				e.add(text(hx, y + 44, hw, bodyH, bullets(TextFit.clipAll(notMeasured, hw - 20, bodyH, 16, false, 6),
						16, p.mutedOnBackground(), 6)));
			}
			return;
		}
		double notesH = notMeasured.isEmpty() ? 0 : 44;
		e.add(text(hx, y + 12, hw, 22, Para.of(Run.bold("Highlights", 16, p.onBackground()))));
		double bodyH = BOTTOM - y - 46 - notesH;
		double size = TextFit.size(highlights, hw - 20, bodyH, 18, 14, false, 6);
		e.add(text(hx, y + 44, hw, bodyH,
				bullets(TextFit.clipAll(highlights, hw - 20, bodyH, size, false, 6), size, p.onBackground(), 6)));
		if (!notMeasured.isEmpty()) {
			String note = "Not measured this quarter: " + String.join("; ", notMeasured);
			e.add(text(hx, BOTTOM - 40, hw, 40,
					Para.of(Run.italic(TextFit.clip(note, hw, 38, 14, false), 14, p.mutedOnBackground()))));
		}
	}

	/**
	 * A card's label on one line: without its parenthesis when that is too long, else
	 * cut.
	 */
	private static String cardLabel(String label, double w) {
		if (TextFit.fits(List.of(label), w, 18, 14, false, 0)) {
			return label;
		}
		String shorter = label.replaceAll("\\s*\\([^)]*\\)", "");
		return TextFit.clip(shorter, w, 18, 14, false);
	}

	private void placements(List<Element> e) {
		int total = DeckFacts.placements(review);
		List<Run> headline = new ArrayList<>(
				List.of(Run.bold(total + (total == 1 ? " placement" : " placements"), 18, p.onBackground()),
						Run.plain(" in " + review.quarter().label(), 18, p.onBackground())));
		review.metrics()
			.stream()
			.filter(m -> "placements".equals(m.key()) && m.previous() != null)
			.findFirst()
			.ifPresent(
					m -> headline.add(Run.plain("   ·   " + review.quarter().previous().label() + ": " + m.previous(),
							18, p.mutedOnBackground())));
		e.add(text(LEFT, TOP - 2, WIDTH, 26, new Para(headline, Align.LEFT, Bullet.NONE, 0)));
		record Group(String heading, String sheet, String header, List<Count> bars) {
		}
		List<Group> groups = new ArrayList<>();
		List<Count> departments = DeckFacts.bars(review.byDepartment());
		List<Count> roleTypes = DeckFacts.bars(review.byRoleType());
		if (!departments.isEmpty()) {
			groups.add(new Group("By department", "By department", "Department", departments));
		}
		if (!roleTypes.isEmpty()) {
			groups.add(new Group("By role type", "By role type", "Role type", roleTypes));
		}
		double w = (WIDTH - GAP * (groups.size() - 1)) / groups.size();
		for (int i = 0; i < groups.size(); i++) {
			Group g = groups.get(i);
			double x = LEFT + i * (w + GAP);
			e.add(new Box(x, 156, w, 318, Geometry.RECT, Palette.WHITE, p.line()));
			e.add(text(x + 18, 168, w - 36, 22, Para.of(Run.bold(g.heading(), 16, p.ink()))));
			List<String> labels = g.bars().stream().map(Count::label).toList();
			List<Integer> counts = g.bars().stream().map(Count::count).toList();
			int max = counts.stream().mapToInt(Integer::intValue).max().orElse(1);
			e.add(new Chart(x + 10, 196, w - 20, 270, g.sheet(), g.header(), labels,
					List.of(new Series("Placements", counts, p.accent(), new Label("0", false, 14, p.ink(), true))),
					gap(labels.size(), 260), Math.max(1, max * 1.18), 14, p.ink()));
		}
	}

	/** A gap between bars that keeps them about 34 points thick. */
	private static int gap(int bars, double height) {
		double slot = height / Math.max(1, bars);
		return (int) Math.max(40, Math.min(250, (slot / 34 - 1) * 100));
	}

	private void quality(List<Element> e) {
		List<Metric> metrics = review.metrics();
		int n = metrics.size();
		double[] widths = { 228, 220, 140, 130, 146 };
		double headerH = 46;
		double rowH = Math.max(34, Math.min(44, (BOTTOM - TOP - headerH - 30) / n));
		double size = n <= 5 ? 16 : 14;
		double[] heights = new double[n + 1];
		heights[0] = headerH;
		List<List<Cell>> rows = new ArrayList<>();
		String headFill = p.accent();
		rows.add(List.of(head("Metric", null, headFill), head("This quarter", review.quarter().label(), headFill),
				head("Last quarter", review.quarter().previous().label(), headFill), head("Target", null, headFill),
				head("Status", null, headFill)));
		for (int i = 0; i < n; i++) {
			Metric m = metrics.get(i);
			heights[i + 1] = rowH;
			String fill = i % 2 == 0 ? Palette.WHITE : p.panel();
			Para value = m.missing() ? Para.of(Run.italic(DeckFacts.missingText(m), size - 1, p.inkMuted()))
					: Para.of(Run.plain(m.value(), size, p.ink()));
			List<Run> status = new ArrayList<>(
					List.of(Run.bold(DeckFacts.statusLabel(m), size, statusColour(DeckFacts.status(m)))));
			if (!m.missing() && m.comparison() != null && !m.comparison().isBlank()) {
				status.add(Run.plain("  " + m.comparison(), size - 2, p.inkMuted()));
			}
			rows.add(List.of(cell(Para.of(Run.bold(m.label(), size, p.ink())), fill), cell(value, fill),
					cell(Para.of(Run.plain(m.previous() == null ? "–" : m.previous(), size,
							m.previous() == null ? p.inkMuted() : p.ink())), fill),
					cell(Para.of(Run.plain(DeckFacts.targetCell(m), size, p.ink())), fill),
					cell(new Para(status, Align.LEFT, Bullet.NONE, 0), fill)));
		}
		e.add(new Table(LEFT, TOP, widths, heights, rows));
		double end = TOP + headerH + n * rowH;
		if (end < BOTTOM - 34) {
			e.add(text(LEFT, BOTTOM - 22, WIDTH, 20,
					Para.of(Run.bold("Met", 14, Palette.GREEN),
							Run.plain(" target met or beaten   ·   ", 14, p.mutedOnBackground()),
							Run.bold("Near", 14, Palette.AMBER),
							Run.plain(" within 10% of target   ·   ", 14, p.mutedOnBackground()),
							Run.bold("Missed", 14, Palette.RED),
							Run.plain(" short by more than 10%", 14, p.mutedOnBackground()))));
		}
	}

	private Cell head(String text, String sub, String fill) {
		List<Para> paras = new ArrayList<>(List.of(Para.of(Run.bold(text, 14, Palette.WHITE))));
		if (sub != null) {
			paras.add(Para.of(Run.plain(sub, 12, "#E0E7FF")));
		}
		return new Cell(paras, fill, null);
	}

	private Cell cell(Para para, String fill) {
		return new Cell(List.of(para), fill, p.line());
	}

	private void story(List<Element> e) {
		Story story = DeckFacts.spotlight(review);
		List<DeckFacts.StoryFact> facts = DeckFacts.storyFacts(story, review.asOf());
		double tileGap = 14;
		double tileH = Math.min(104, (BOTTOM - TOP - 20 - tileGap * (facts.size() - 1)) / facts.size());
		for (int i = 0; i < facts.size(); i++) {
			DeckFacts.StoryFact fact = facts.get(i);
			double ty = TOP + i * (tileH + tileGap);
			e.add(new Box(LEFT, ty, 272, tileH, Geometry.RECT, p.accentSoft(), null));
			double size = TextFit.size(fact.figure(), 236, 34, 28, 20, true);
			e.add(text(LEFT + 18, ty + 16, 236, 36, Para.of(Run.bold(fact.figure(), size, p.accentDark()))));
			e.add(text(LEFT + 18, ty + 54, 236, tileH - 60,
					Para.of(Run.plain(TextFit.clip(fact.caption(), 236, tileH - 60, 14, false), 14, p.inkMuted()))));
		}
		double x = LEFT + 296;
		double w = WIDTH - 296;
		double y = TOP;
		if (story.candidate() != null && !story.candidate().isBlank()) {
			e.add(text(x, y, w, 24, Para.of(Run.plain("Candidate: ", 16, p.mutedOnBackground()),
					Run.bold(story.candidate(), 16, p.onBackground()))));
			y += 36;
		}
		List<Story> others = DeckFacts.otherStories(review);
		double quoteH = (others.isEmpty() ? BOTTOM - 20 : 392) - y;
		e.add(new Box(x, y, w, quoteH, Geometry.RECT, p.panel(), null));
		e.add(new Box(x, y, 5, quoteH, Geometry.RECT, p.accent(), null));
		String note = "“" + story.note().strip() + "”";
		double tw = w - 48;
		double th = quoteH - 36;
		double size = TextFit.size(note, tw, th, 24, 15, false);
		e.add(new Text(x + 26, y + 18, tw, th, Anchor.MIDDLE,
				List.of(Para.of(Run.italic(TextFit.clip(note, tw, th, size, false), size, p.ink())))));
		if (!others.isEmpty()) {
			e.add(text(x, 404, w, 20, Para.of(Run.bold("Also this quarter", 14, p.mutedOnBackground()))));
			List<String> lines = others.stream()
				.map(s -> TextFit.clip(DeckFacts.otherStoryLine(s), w - 20, 17, 14, false))
				.toList();
			e.add(text(x, 426, w, 48, bullets(lines, 14, p.onBackground(), 2)));
		}
	}

	private void challenges(List<Element> e) {
		List<Challenge> all = review.challenges();
		List<Challenge> shown = all.subList(0, Math.min(3, all.size()));
		double w = (WIDTH - GAP * (shown.size() - 1)) / shown.size();
		double cardH = all.size() > 3 ? 334 : 350;
		for (int i = 0; i < shown.size(); i++) {
			Challenge c = shown.get(i);
			double x = LEFT + i * (w + GAP);
			double ix = x + 22;
			double iw = w - 40;
			e.add(new Box(x, TOP, w, cardH, Geometry.RECT, Palette.WHITE, p.line()));
			e.add(new Box(x, TOP, 5, cardH, Geometry.RECT, p.accent(), null));
			double y = TOP + 18;
			if (c.severity() != null && !c.severity().isBlank()) {
				String severity = TextFit.clip(c.severity(), 120, 20, 12, true);
				String[] colours = severityColours(severity);
				double chipW = 20 + severity.length() * 8;
				e.add(new Box(ix, y, chipW, 24, Geometry.ROUND, colours[0], null));
				e.add(new Text(ix, y, chipW, 24, Anchor.MIDDLE,
						List.of(Para.of(Run.bold(severity, 12, colours[1])).align(Align.CENTER))));
				y += 34;
			}
			double titleSize = TextFit.size(c.title(), iw, 46, 18, 15, true);
			e.add(text(ix, y, iw, 48,
					Para.of(Run.bold(TextFit.clip(c.title(), iw, 46, titleSize, true), titleSize, p.ink()))));
			y += 56;
			double bottom = TOP + cardH - 44;
			double block = (bottom - y - 2 * 22 - 10) / 2;
			y = labelled(e, "Root cause", c.rootCause(), ix, y, iw, block);
			labelled(e, "Resolution", c.resolution(), ix, y + 10, iw, block);
			e.add(text(ix, TOP + cardH - 32, iw, 20, Para
				.of(Run.bold(DeckFacts.resolved(c), 14, c.resolvedOn() == null ? Palette.AMBER : Palette.GREEN))));
		}
		if (all.size() > 3) {
			List<String> titles = all.subList(3, all.size()).stream().map(Challenge::title).toList();
			String line = "+" + titles.size() + " more this quarter: " + String.join("; ", titles);
			e.add(text(LEFT, TOP + cardH + 8, WIDTH, 20,
					Para.of(Run.plain(TextFit.clip(line, WIDTH, 18, 14, false), 14, p.mutedOnBackground()))));
		}
	}

	/** A small label and its text below it; returns where the block ends. */
	private double labelled(List<Element> e, String label, String body, double x, double y, double w, double h) {
		e.add(text(x, y, w, 20, Para.of(Run.bold(label.toUpperCase(Locale.ROOT), 12, p.accent()))));
		boolean missing = body == null || body.isBlank();
		String text = missing ? "Not recorded" : body.strip();
		double size = TextFit.size(text, w, h, 16, 14, false);
		Run run = missing ? Run.italic(text, size, p.inkMuted())
				: Run.plain(TextFit.clip(text, w, h, size, false), size, p.ink());
		e.add(text(x, y + 22, w, h, Para.of(run)));
		return y + 22 + h;
	}

	private static String[] severityColours(String severity) {
		String s = severity.toUpperCase(Locale.ROOT);
		if (s.startsWith("P0") || s.startsWith("P1") || s.contains("CRITICAL") || s.contains("HIGH")) {
			return new String[] { "#FEE2E2", Palette.RED };
		}
		if (s.startsWith("P2") || s.contains("MEDIUM")) {
			return new String[] { Palette.AMBER_SOFT, Palette.AMBER };
		}
		return new String[] { "#F1F5F9", "#475569" };
	}

	private void initiatives(List<Element> e) {
		List<DeckContent.Initiative> all = content.initiatives();
		List<DeckContent.Initiative> shown = all.subList(0, Math.min(3, all.size()));
		double w = (WIDTH - GAP * (shown.size() - 1)) / shown.size();
		double cardH = all.size() > 3 ? 334 : 350;
		for (int i = 0; i < shown.size(); i++) {
			DeckContent.Initiative in = shown.get(i);
			double x = LEFT + i * (w + GAP);
			double ix = x + 20;
			double iw = w - 40;
			e.add(new Box(x, TOP, w, cardH, Geometry.RECT, Palette.WHITE, p.line()));
			e.add(new Box(ix, TOP + 18, 34, 34, Geometry.ELLIPSE, p.accent(), null));
			e.add(new Text(ix, TOP + 18, 34, 34, Anchor.MIDDLE,
					List.of(Para.of(Run.bold(String.valueOf(i + 1), 16, Palette.WHITE)).align(Align.CENTER))));
			double titleSize = TextFit.size(in.title(), iw - 46, 46, 18, 15, true);
			e.add(new Text(ix + 46, TOP + 12, iw - 46, 46, Anchor.MIDDLE, List
				.of(Para.of(Run.bold(TextFit.clip(in.title(), iw - 46, 46, titleSize, true), titleSize, p.ink())))));
			double decisionH = in.decisionNeeded() == null ? 0 : 72;
			String revenue = in.revenuePotential() == null ? null
					: TextFit.clip(in.revenuePotential(), iw, 2 * 16 * TextFit.LINE, 16, true);
			double revenueH = revenue == null ? 0 : TextFit.lines(revenue, iw, 16, true) * 16 * TextFit.LINE + 10;
			double bottom = TOP + cardH - 18 - decisionH - revenueH - 6;
			double pointsY = TOP + 70;
			if (!in.points().isEmpty()) {
				double size = TextFit.size(in.points(), iw - 20, bottom - pointsY - 6, 16, 14, false, 4);
				List<String> points = TextFit.clipAll(in.points(), iw - 20, bottom - pointsY - 6, size, false, 4);
				e.add(text(ix, pointsY, iw, bottom - pointsY, bullets(points, size, p.ink(), 4)));
			}
			if (revenue != null) {
				e.add(text(ix, bottom + 6, iw, revenueH - 6, Para.of(Run.bold(revenue, 16, p.accentDark()))));
			}
			if (in.decisionNeeded() != null) {
				double dy = TOP + cardH - 18 - decisionH + 6;
				e.add(new Box(ix, dy, iw, decisionH - 6, Geometry.RECT, Palette.AMBER_SOFT, null));
				e.add(text(ix + 12, dy + 8, iw - 24, 16, Para.of(Run.bold("DECISION NEEDED", 11, Palette.AMBER))));
				e.add(text(ix + 12, dy + 26, iw - 24, decisionH - 36,
						Para.of(Run.bold(TextFit.clip(in.decisionNeeded(), iw - 24, decisionH - 38, 14, true), 14,
								Palette.AMBER_INK))));
			}
		}
		if (all.size() > 3) {
			List<String> titles = all.subList(3, all.size()).stream().map(DeckContent.Initiative::title).toList();
			String line = "Also in the pipeline: " + String.join("; ", titles);
			e.add(text(LEFT, TOP + cardH + 8, WIDTH, 20,
					Para.of(Run.plain(TextFit.clip(line, WIDTH, 18, 14, false), 14, p.mutedOnBackground()))));
		}
	}

	private void health(List<Element> e) {
		HealthCard health = review.health();
		String colour = statusColour(DeckFacts.bandStatus(health));
		boolean chart = !health.components().isEmpty();
		double pw = chart ? 300 : WIDTH;
		e.add(new Box(LEFT, TOP, pw, 350, Geometry.RECT, p.panel(), p.line()));
		double ix = LEFT + 24;
		double iw = pw - 48;
		e.add(text(ix, TOP + 18, iw, 20, Para.of(Run.bold("Overall health", 14, p.inkMuted()))));
		e.add(new Text(ix, TOP + 40, iw, 80, Anchor.BOTTOM, List
			.of(Para.of(Run.bold(String.valueOf(health.score()), 66, colour), Run.plain(" / 100", 22, p.inkMuted())))));
		String band = DeckFacts.band(health);
		double chipW = 24 + band.length() * 9;
		e.add(new Box(ix, TOP + 132, chipW, 28, Geometry.ROUND, colour, null));
		e.add(new Text(ix, TOP + 132, chipW, 28, Anchor.MIDDLE,
				List.of(Para.of(Run.bold(band, 14, Palette.WHITE)).align(Align.CENTER))));
		double y = TOP + 176;
		String trend = DeckFacts.healthTrend(health);
		if (trend != null) {
			e.add(text(ix, y, iw, 44, Para.of(Run.plain(TextFit.clip(trend, iw, 42, 15, false), 15, p.ink()))));
			y += 54;
		}
		List<String> notes = DeckFacts.healthNotes(health);
		if (!notes.isEmpty()) {
			double h = TOP + 350 - 16 - y;
			double size = TextFit.size(notes, iw, h, 14, 14, false, 6);
			List<String> clipped = TextFit.clipAll(notes, iw, h, size, false, 6);
			List<Para> paras = new ArrayList<>();
			for (int i = 0; i < clipped.size(); i++) {
				paras.add(Para.of(Run.plain(clipped.get(i), size, p.inkMuted())).before(i == 0 ? 0 : 6));
			}
			e.add(new Text(ix, y, iw, h, Anchor.TOP, paras));
		}
		if (!chart) {
			return;
		}
		double cx = LEFT + pw + 16;
		double cw = WIDTH - pw - 16;
		e.add(new Box(cx, TOP, cw, 350, Geometry.RECT, Palette.WHITE, p.line()));
		e.add(text(cx + 18, TOP + 14, cw - 36, 22, Para.of(Run.bold("Points by component", 16, p.ink()),
				Run.plain("   of each component's maximum", 14, p.inkMuted()))));
		List<String> labels = health.components().stream().map(HealthCard.Component::label).toList();
		List<Integer> points = health.components().stream().map(HealthCard.Component::points).toList();
		List<Integer> maxima = health.components().stream().map(HealthCard.Component::maxPoints).toList();
		int top = maxima.stream().mapToInt(Integer::intValue).max().orElse(1);
		e.add(new Chart(cx + 8, TOP + 44, cw - 16, 298, "Health score", "Component", labels,
				List.of(new Series("Maximum", maxima, p.line(), new Label("\"of \"0", false, 14, p.inkMuted(), false)),
						new Series("Points", points, p.accent(), new Label("0", true, 14, Palette.WHITE, true))),
				gap(labels.size(), 290), Math.max(1, top * 1.28), 14, p.ink()));
	}

	private void discussion(List<Element> e) {
		List<String> topics = content.discussionTopics();
		List<DeckContent.ActionItem> items = content.actionItems();
		boolean both = !topics.isEmpty();
		double w = both ? (WIDTH - 24) / 2 : WIDTH;
		if (!topics.isEmpty()) {
			e.add(new Box(LEFT, TOP, w, 350, Geometry.RECT, p.panel(), p.line()));
			e.add(text(LEFT + 20, TOP + 16, w - 40, 24, Para.of(Run.bold("Discussion topics", 18, p.ink()))));
			int more = topics.size() > 8 ? topics.size() - 7 : 0;
			List<String> shown = topics.subList(0, topics.size() - more);
			double h = 350 - 70 - (more > 0 ? 24 : 0);
			double size = TextFit.size(shown, w - 70, h, 18, 14, false, 10);
			List<String> clipped = TextFit.clipAll(shown, w - 70, h, size, false, 10);
			List<Para> paras = new ArrayList<>();
			for (int i = 0; i < clipped.size(); i++) {
				paras.add(Para.of(Run.plain(clipped.get(i), size, p.ink()))
					.bullet(Bullet.NUMBER)
					.before(i == 0 ? 0 : 10));
			}
			e.add(new Text(LEFT + 20, TOP + 54, w - 40, h, Anchor.TOP, paras));
			if (more > 0) {
				e.add(text(LEFT + 20, TOP + 350 - 34, w - 40, 20,
						Para.of(Run.plain("+" + more + " more topics on the agenda", 14, p.inkMuted()))));
			}
		}
		double x = both ? LEFT + w + 24 : LEFT;
		e.add(new Box(x, TOP, w, 350, Geometry.RECT, Palette.WHITE, p.line()));
		e.add(text(x + 20, TOP + 16, w - 40, 24, Para.of(Run.bold("Action items", 18, p.ink()))));
		if (items.isEmpty()) {
			e.add(text(x + 20, TOP + 54, w - 40, 80, Para.of(Run.italic("Agreed in the meeting, recorded in "
					+ content.organization() + " and sent to every attendee with the summary.", 16, p.inkMuted()))));
			return;
		}
		int more = items.size() > 6 ? items.size() - 5 : 0;
		List<DeckContent.ActionItem> shown = items.subList(0, items.size() - more);
		double itemH = Math.min(64, (350 - 70 - (more > 0 ? 24 : 0)) / (double) shown.size());
		double tw = w - 40 - 26;
		for (int i = 0; i < shown.size(); i++) {
			DeckContent.ActionItem item = shown.get(i);
			double iy = TOP + 54 + i * itemH;
			e.add(new Box(x + 20, iy + 3, 13, 13, Geometry.RECT, Palette.WHITE, p.inkMuted()));
			String owner = item.owner() == null || item.owner().isBlank() ? "" : item.owner().strip() + ": ";
			String due = DeckFacts.due(item) == null ? "" : "  " + DeckFacts.due(item);
			double size = TextFit.size(owner + item.text() + due, tw, itemH - 8, 16, 14, false);
			// two spaces more for the owner, which is bold and so wider than plain text
			String body = TextFit.clipMiddle(owner + "  ", item.text(), due, tw, itemH - 8, size);
			List<Run> runs = new ArrayList<>();
			if (!owner.isEmpty()) {
				runs.add(Run.bold(owner, size, p.accentDark()));
			}
			runs.add(Run.plain(body, size, p.ink()));
			if (!due.isEmpty()) {
				runs.add(Run.bold(due, size, p.inkMuted()));
			}
			e.add(text(x + 46, iy, tw, itemH - 4, new Para(runs, Align.LEFT, Bullet.NONE, 0)));
		}
		if (more > 0) {
			e.add(text(x + 20, TOP + 350 - 34, w - 40, 20,
					Para.of(Run.plain("+" + more + " more in the meeting notes", 14, p.inkMuted()))));
		}
	}

	private Para[] bullets(List<String> lines, double size, String colour, double spaceBefore) {
		Para[] paras = new Para[lines.size()];
		for (int i = 0; i < lines.size(); i++) {
			paras[i] = Para.of(Run.plain(lines.get(i), size, colour))
				.bullet(Bullet.DOT)
				.before(i == 0 ? 0 : spaceBefore);
		}
		return paras;
	}

	static String statusColour(Status status) {
		return switch (status) {
			case MET -> Palette.GREEN;
			case NEAR -> Palette.AMBER;
			case MISSED -> Palette.RED;
			case NONE -> "#64748B";
		};
	}

	private static Text text(double x, double y, double w, double h, Para... paras) {
		return new Text(x, y, w, h, Anchor.TOP, List.of(paras));
	}

}
