package io.intime.qbr.deck;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.sl.usermodel.PaintStyle;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFGraphicFrame;
import org.apache.poi.xslf.usermodel.XSLFPictureShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QbrDeckWriterTest {

	private final QbrDeckWriter writer = new QbrDeckWriter();

	@Test
	void writesTheNineSlidesOfTheSpecWithTheirTitlesOnA16By9Page() throws Exception {
		Deck deck = writer.pptx(DeckFixtures.content(true), null, null);

		try (XMLSlideShow ppt = open(deck)) {
			assertThat(ppt.getPageSize().getWidth()).isEqualTo(960);
			assertThat(ppt.getPageSize().getHeight()).isEqualTo(540);
			assertThat(deck.slides()).isEqualTo(9);
			assertThat(titles(ppt)).containsExactly("MegaBank Quarterly Business Review",
					"Q4 2026 performance highlights", "Placement breakdown", "Quality & efficiency",
					"Spotlight: Principal Engineer, Blockchain & RegTech", "Challenges & resolutions",
					"Q1 2027 strategic initiatives", "Account health scorecard", "Discussion & action items");
			assertThat(deck.omitted()).isEmpty();
		}
	}

	@Test
	void chartsAreNativeBarChartsWhoseEmbeddedWorkbookHoldsTheNumbersTheyShow() throws Exception {
		Deck deck = writer.pptx(DeckFixtures.content(true), null, null);

		try (XMLSlideShow ppt = open(deck)) {
			List<XSLFChart> charts = new ArrayList<>();
			for (XSLFSlide slide : ppt.getSlides()) {
				for (XSLFShape shape : slide.getShapes()) {
					if (shape instanceof XSLFGraphicFrame frame && frame.hasChart()) {
						charts.add(frame.getChart());
					}
				}
			}
			assertThat(charts).hasSize(3);
			assertThat(shown(charts.get(0))).containsExactly("Engineering=12", "Marketing=3", "Legal=2", "Finance=1");
			assertThat(shown(charts.get(1))).containsExactly("Contract=14", "Contract-to-hire=4");
			assertThat(shown(charts.get(2))).containsExactly("Hiring velocity=25/25", "Payment promptness=20/20",
					"NPS / satisfaction=18/20", "Executive engagement=15/15", "Expansion pipeline=10/10",
					"Issue frequency=6/10");
			for (XSLFChart chart : charts) {
				assertWorkbookHoldsTheChartsNumbers(chart);
			}
		}
	}

	/**
	 * Each category with its values as the chart shows them: "Label=points" or
	 * "Label=points/max".
	 */
	private static List<String> shown(XSLFChart chart) {
		XDDFChartData data = chart.getChartSeries().get(0);
		List<String> shown = new ArrayList<>();
		XDDFDataSource<?> categories = data.getSeries(0).getCategoryData();
		for (int i = 0; i < categories.getPointCount(); i++) {
			if (data.getSeriesCount() == 1) {
				shown.add(categories.getPointAt(i) + "=" + number(data.getSeries(0).getValuesData(), i));
			}
			else {
				// the points series is drawn over the maximum series
				shown.add(categories.getPointAt(i) + "=" + number(data.getSeries(1).getValuesData(), i) + "/"
						+ number(data.getSeries(0).getValuesData(), i));
			}
		}
		return shown;
	}

	private static int number(XDDFNumericalDataSource<? extends Number> values, int i) {
		return values.getPointAt(i).intValue();
	}

	/**
	 * The series' references point into the embedded workbook, whose cells hold what the
	 * chart caches.
	 */
	private static void assertWorkbookHoldsTheChartsNumbers(XSLFChart chart) throws Exception {
		XSSFWorkbook workbook = chart.getWorkbook();
		XDDFChartData data = chart.getChartSeries().get(0);
		for (int s = 0; s < data.getSeriesCount(); s++) {
			XDDFChartData.Series series = data.getSeries(s);
			XDDFDataSource<?> categories = series.getCategoryData();
			XDDFNumericalDataSource<? extends Number> values = series.getValuesData();
			XSSFSheet valueSheet = sheet(workbook, values.getDataRangeReference());
			CellRangeAddress valueRange = range(values.getDataRangeReference());
			XSSFSheet categorySheet = sheet(workbook, categories.getDataRangeReference());
			CellRangeAddress categoryRange = range(categories.getDataRangeReference());
			assertThat(valueRange.getNumberOfCells()).isEqualTo(values.getPointCount());
			for (int i = 0; i < values.getPointCount(); i++) {
				Cell value = valueSheet.getRow(valueRange.getFirstRow() + i).getCell(valueRange.getFirstColumn());
				Cell category = categorySheet.getRow(categoryRange.getFirstRow() + i)
					.getCell(categoryRange.getFirstColumn());
				assertThat(value.getNumericCellValue()).isEqualTo(values.getPointAt(i).doubleValue());
				assertThat(category.getStringCellValue()).isEqualTo(categories.getPointAt(i));
			}
		}
	}

	private static XSSFSheet sheet(XSSFWorkbook workbook, String reference) {
		String name = reference.substring(0, reference.lastIndexOf('!')).replaceAll("^'|'$", "");
		XSSFSheet sheet = workbook.getSheet(name);
		assertThat(sheet).as("sheet %s of the embedded workbook", name).isNotNull();
		return sheet;
	}

	private static CellRangeAddress range(String reference) {
		return CellRangeAddress.valueOf(reference.substring(reference.lastIndexOf('!') + 1));
	}

	@Test
	void qualityTableShowsStatusInColourAndTheReasonForAMissingMetricNeverZero() throws Exception {
		Deck deck = writer.pptx(DeckFixtures.content(false), null, null);

		try (XMLSlideShow ppt = open(deck)) {
			XSLFSlide slide = slide(ppt, "Quality & efficiency");
			XSLFTable table = slide.getShapes()
				.stream()
				.filter(XSLFTable.class::isInstance)
				.map(XSLFTable.class::cast)
				.findFirst()
				.orElseThrow();
			List<XSLFTableRow> rows = table.getRows();
			assertThat(texts(rows.get(0))).containsExactly("Metric", "This quarter\nQ4 2026", "Last quarter\nQ3 2026",
					"Target", "Status");
			assertThat(rows).hasSize(1 + DeckFixtures.metrics(false).size());
			XSLFTableRow nps = row(rows, "Client satisfaction (NPS)");
			assertThat(texts(nps)).containsExactly("Client satisfaction (NPS)", "no NPS response this quarter", "8/10",
					"8/10", "No data");
			assertThat(texts(row(rows, "Placements"))).containsExactly("Placements", "18", "15", "15", "Met  +20%");
			assertThat(statusColour(row(rows, "Placements"))).isEqualTo(new Color(0x15, 0x80, 0x3D));
			assertThat(statusColour(row(rows, "Placement success"))).isEqualTo(new Color(0xB4, 0x53, 0x09));
			assertThat(statusColour(row(rows, "Responsiveness"))).isEqualTo(new Color(0xB9, 0x1C, 0x1C));
		}
	}

	private static XSLFTableRow row(List<XSLFTableRow> rows, String metric) {
		return rows.stream().filter(r -> r.getCells().get(0).getText().equals(metric)).findFirst().orElseThrow();
	}

	private static List<String> texts(XSLFTableRow row) {
		return row.getCells().stream().map(XSLFTableCell::getText).toList();
	}

	private static Color statusColour(XSLFTableRow row) {
		PaintStyle paint = row.getCells().get(4).getTextParagraphs().get(0).getTextRuns().get(0).getFontColor();
		return ((PaintStyle.SolidPaint) paint).getSolidColor().getColor();
	}

	@Test
	void theExecutiveSummaryNamesWhatWasNotMeasured() throws Exception {
		Deck deck = writer.pptx(DeckFixtures.content(false), null, null);

		try (XMLSlideShow ppt = open(deck)) {
			String text = text(slide(ppt, "Q4 2026 performance highlights"));
			assertThat(text).contains("Not measured this quarter: no NPS response this quarter")
				.contains("18 placements across 4 departments, led by Engineering (12)")
				.contains("Health score 94 (Green), up 6 points this quarter");
		}
	}

	@Test
	void reportsProgressFromZeroToAHundredAsSlidesAreMade() {
		List<Integer> progress = new ArrayList<>();

		writer.pptx(DeckFixtures.content(true), null, progress::add);

		assertThat(progress.get(0)).isZero();
		assertThat(progress.get(progress.size() - 1)).isEqualTo(100);
		assertThat(progress).isSorted().hasSizeGreaterThan(9);
	}

	@Test
	void leavesOutTheSlidesTheQuarterCannotSupportAndSaysWhy() throws Exception {
		DeckContent content = DeckContent.of(DeckFixtures.sparse(), "Jordan Lee", "Account Manager", null, null,
				List.of());

		Deck deck = writer.pptx(content, null, null);

		assertThat(deck.omitted()).containsExactly("Placement breakdown: no placements this quarter",
				"Success story: no placement with notes this quarter",
				"Challenges & resolutions: no escalations this quarter",
				"Next-quarter initiatives: no open expansion opportunities or initiatives",
				"Account health scorecard: the account has no health score yet");
		try (XMLSlideShow ppt = open(deck)) {
			assertThat(titles(ppt)).containsExactly("Quiet Co Quarterly Business Review",
					"Q4 2026 performance highlights", "Quality & efficiency", "Discussion & action items");
			assertThat(deck.slides()).isEqualTo(4);
			assertThat(text(ppt.getSlides().get(0))).contains("Prepared December 31, 2026");
		}
	}

	@Test
	void refusesToMakeADeckWithoutAnyData() {
		DeckContent content = DeckContent.of(DeckFixtures.empty(), "Jordan Lee", null, null, null, List.of());

		assertThatThrownBy(() -> writer.pptx(content, null, null)).isInstanceOf(DeckUnavailableException.class)
			.hasMessageStartingWith("Unable to generate QBR deck")
			.hasMessageContaining("no metric has data for Ghost Ltd in Q4 2026");
	}

	@Test
	void buildsTheSlidesOnTheTemplatesMasterWithoutTheTemplatesOwnSlides() throws Exception {
		byte[] template = TemplateFixture.template();

		Deck deck = writer.pptx(DeckFixtures.content(true), template, null);

		try (XMLSlideShow ppt = open(deck)) {
			assertThat(ppt.getSlides()).hasSize(9);
			assertThat(titles(ppt)).doesNotContain(TemplateFixture.EXAMPLE_SLIDE_TITLE)
				.contains("MegaBank Quarterly Business Review", "Account health scorecard");
			for (XSLFSlide slide : ppt.getSlides()) {
				assertThat(slide.getSlideMaster().getBackground().getFillColor()).isEqualTo(TemplateFixture.BACKGROUND);
				assertThat(slide.getSlideMaster().getShapes()).anyMatch(XSLFPictureShape.class::isInstance);
				assertThat(slide.getSlideLayout().getSlideMaster()).isSameAs(slide.getSlideMaster());
			}
			// the template's accent colours the charts
			assertThat(ppt.getCharts().get(0).getCTChartSpace().xmlText()).contains(TemplateFixture.ACCENT);
		}
	}

	@Test
	void refusesATemplateThatIsNotAPresentation() {
		DeckContent content = DeckFixtures.content(true);

		assertThatThrownBy(() -> writer.pptx(content, "not a deck".getBytes(), null))
			.isInstanceOf(DeckUnavailableException.class)
			.hasMessage(
					"Unable to generate QBR deck: the organization's template could not be opened as a PowerPoint file");
	}

	private static XMLSlideShow open(Deck deck) throws Exception {
		return new XMLSlideShow(new ByteArrayInputStream(deck.pptx()));
	}

	/**
	 * Each slide's title: its title placeholder's text (the title slide's is a centred
	 * title).
	 */
	static List<String> titles(XMLSlideShow ppt) {
		return ppt.getSlides().stream().map(QbrDeckWriterTest::title).toList();
	}

	static String title(XSLFSlide slide) {
		for (XSLFShape shape : slide.getShapes()) {
			if (shape instanceof XSLFTextShape text && (text.getPlaceholder() == Placeholder.TITLE
					|| text.getPlaceholder() == Placeholder.CENTERED_TITLE)) {
				return text.getText();
			}
		}
		return null;
	}

	private static XSLFSlide slide(XMLSlideShow ppt, String title) {
		return ppt.getSlides().stream().filter(s -> title.equals(title(s))).findFirst().orElseThrow();
	}

	private static String text(XSLFSlide slide) {
		StringBuilder text = new StringBuilder();
		for (XSLFShape shape : slide.getShapes()) {
			if (shape instanceof XSLFTextShape t) {
				text.append(t.getText()).append('\n');
			}
		}
		return text.toString();
	}

}
