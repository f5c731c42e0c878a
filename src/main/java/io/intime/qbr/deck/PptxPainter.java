package io.intime.qbr.deck;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.xml.namespace.QName;

import io.intime.qbr.deck.Scene.Anchor;
import io.intime.qbr.deck.Scene.Box;
import io.intime.qbr.deck.Scene.Cell;
import io.intime.qbr.deck.Scene.Chart;
import io.intime.qbr.deck.Scene.Element;
import io.intime.qbr.deck.Scene.Para;
import io.intime.qbr.deck.Scene.Run;
import io.intime.qbr.deck.Scene.Table;
import io.intime.qbr.deck.Scene.Text;
import io.intime.qbr.deck.Scene.Title;
import org.apache.poi.common.usermodel.fonts.FontGroup;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.sl.usermodel.AutoNumberingScheme;
import org.apache.poi.sl.usermodel.Insets2D;
import org.apache.poi.sl.usermodel.Placeholder;
import org.apache.poi.sl.usermodel.ShapeType;
import org.apache.poi.sl.usermodel.TableCell.BorderEdge;
import org.apache.poi.sl.usermodel.TextParagraph.TextAlign;
import org.apache.poi.sl.usermodel.TextShape.TextAutofit;
import org.apache.poi.sl.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFNoFillProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickMark;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.XDDFFont;
import org.apache.poi.xddf.usermodel.text.XDDFRunProperties;
import org.apache.poi.xslf.usermodel.SlideLayout;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFAutoShape;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFSlideLayout;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTextParagraph;
import org.apache.poi.xslf.usermodel.XSLFTextRun;
import org.apache.poi.xslf.usermodel.XSLFTextShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarSer;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTOverlap;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTDLbls;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTNumFmt;
import org.openxmlformats.schemas.drawingml.x2006.chart.STDLblPos;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTableProperties;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextBody;
import org.openxmlformats.schemas.drawingml.x2006.main.CTTextCharacterProperties;

/**
 * Draws laid-out slides into a PowerPoint file with Apache POI: each slide on a layout of
 * the (template's) master with its title in the layout's title placeholder, text boxes
 * and shapes, real tables, and native bar charts whose numbers live in the chart's
 * embedded workbook (so "Edit data" in PowerPoint opens them).
 */
final class PptxPainter {

	private final XMLSlideShow ppt;

	private final XSLFSlideMaster master;

	private final String font;

	private final boolean template;

	private final double sx;

	private final double sy;

	/** Text is scaled only when a template's page is smaller than the design page. */
	private final double fontScale;

	PptxPainter(XMLSlideShow ppt, String font, boolean template) {
		this.ppt = ppt;
		this.master = ppt.getSlideMasters().get(0);
		this.font = font;
		this.template = template;
		this.sx = ppt.getPageSize().getWidth() / Scene.WIDTH;
		this.sy = ppt.getPageSize().getHeight() / Scene.HEIGHT;
		this.fontScale = Math.min(1, Math.min(sx, sy));
	}

	void draw(Scene.Slide scene) {
		boolean titleSlide = scene.kind() == DeckSlide.TITLE;
		XSLFSlide slide = ppt.createSlide(layout(titleSlide ? SlideLayout.TITLE : SlideLayout.TITLE_ONLY));
		XSLFTextShape title = null;
		XSLFTextShape subtitle = null;
		for (XSLFShape shape : new ArrayList<>(slide.getShapes())) {
			Placeholder placeholder = shape instanceof XSLFTextShape text ? text.getPlaceholder() : null;
			if (placeholder == null) {
				continue;
			}
			if (title == null && (placeholder == Placeholder.TITLE || placeholder == Placeholder.CENTERED_TITLE)) {
				title = (XSLFTextShape) shape;
			}
			else if (titleSlide && subtitle == null && scene.subtitle() != null
					&& (placeholder == Placeholder.SUBTITLE || placeholder == Placeholder.BODY)) {
				subtitle = (XSLFTextShape) shape;
			}
			else {
				// an empty placeholder shows "Click to add text" while editing
				slide.removeShape(shape);
			}
		}
		for (Element element : scene.elements()) {
			if (element instanceof Box box) {
				box(slide, box);
			}
			else if (element instanceof Text text) {
				text(slide.createTextBox(), text);
			}
			else if (element instanceof Table table) {
				table(slide, table);
			}
			else if (element instanceof Chart chart) {
				chart(slide, chart);
			}
		}
		title(slide, title, scene.title(), !titleSlide);
		if (scene.subtitle() != null) {
			title(slide, subtitle, scene.subtitle(), false);
		}
		// placeholders come first from the layout; drawn last they stay above the title
		// band
		toFront(slide, title);
		toFront(slide, subtitle);
	}

	private static void toFront(XSLFSlide slide, XSLFShape shape) {
		if (shape == null) {
			return;
		}
		try (XmlCursor from = shape.getXmlObject().newCursor();
				XmlCursor to = slide.getXmlObject().getCSld().getSpTree().newCursor()) {
			to.toEndToken();
			from.moveXml(to);
		}
	}

	private XSLFSlideLayout layout(SlideLayout type) {
		XSLFSlideLayout layout = master.getLayout(type);
		if (layout == null && type == SlideLayout.TITLE_ONLY) {
			layout = master.getLayout(SlideLayout.TITLE_AND_CONTENT);
		}
		if (layout == null) {
			layout = master.getLayout(SlideLayout.BLANK);
		}
		return layout == null ? master.getSlideLayouts()[0] : layout;
	}

	/**
	 * Fills a title placeholder: with a template, only its text, so the template's font,
	 * colour and place show (moved only when it would cover the content); without one, in
	 * the built-in style. Without a placeholder the title is a text box.
	 */
	private void title(XSLFSlide slide, XSLFTextShape shape, Title title, boolean content) {
		if (shape != null && template) {
			shape.clearText();
			for (String line : title.lines()) {
				shape.addNewTextParagraph().addNewTextRun().setText(line);
			}
			Rectangle2D anchor = shape.getAnchor();
			if (content && (anchor == null || anchor.getMaxY() > (DeckLayout.TOP - 8) * sy)) {
				shape.setAnchor(rect(title.x(), title.y() - 14, title.w(), title.h() + 14));
				shape.setVerticalAlignment(VerticalAlignment.BOTTOM);
			}
			shape.setTextAutofit(TextAutofit.NORMAL);
			return;
		}
		XSLFTextShape box = shape == null ? slide.createTextBox() : shape;
		box.setAnchor(rect(title.x(), title.y(), title.w(), title.h()));
		box.setInsets(new Insets2D(0, 0, 0, 0));
		box.setWordWrap(true);
		box.setTextAutofit(TextAutofit.NONE);
		box.setVerticalAlignment(VerticalAlignment.TOP);
		box.clearText();
		for (String line : title.lines()) {
			XSLFTextParagraph paragraph = box.addNewTextParagraph();
			paragraph.setTextAlign(TextAlign.LEFT);
			paragraph.setSpaceBefore(0.0);
			paragraph.setLineSpacing(100.0);
			run(paragraph, new Run(line, title.size(), title.color(), title.bold(), false));
		}
	}

	private void box(XSLFSlide slide, Box box) {
		XSLFAutoShape shape = slide.createAutoShape();
		shape.setShapeType(switch (box.geometry()) {
			case RECT -> ShapeType.RECT;
			case ROUND -> ShapeType.ROUND_RECT;
			case ELLIPSE -> ShapeType.ELLIPSE;
		});
		shape.setAnchor(rect(box.x(), box.y(), box.w(), box.h()));
		shape.setFillColor(colour(box.fill()));
		shape.setLineColor(colour(box.line()));
		if (box.line() != null) {
			shape.setLineWidth(0.75);
		}
	}

	private void text(XSLFTextShape box, Text text) {
		box.setAnchor(rect(text.x(), text.y(), text.w(), text.h()));
		box.setInsets(new Insets2D(0, 0, 0, 0));
		box.setWordWrap(true);
		box.setTextAutofit(TextAutofit.NONE);
		box.setVerticalAlignment(vertical(text.anchor()));
		box.clearText();
		paragraphs(box, text.paras());
	}

	private void paragraphs(XSLFTextShape box, List<Para> paras) {
		int number = 0;
		for (Para para : paras) {
			XSLFTextParagraph paragraph = box.addNewTextParagraph();
			paragraph.setTextAlign(switch (para.align()) {
				case LEFT -> TextAlign.LEFT;
				case CENTER -> TextAlign.CENTER;
				case RIGHT -> TextAlign.RIGHT;
			});
			paragraph.setSpaceBefore(-para.spaceBefore());
			paragraph.setLineSpacing(100.0);
			double size = para.runs().isEmpty() ? 14 : para.runs().get(0).size();
			switch (para.bullet()) {
				case NONE -> paragraph.setBullet(false);
				case DOT -> {
					paragraph.setBullet(true);
					paragraph.setBulletCharacter("•");
					paragraph.setBulletFont(font);
					paragraph.setBulletFontColor(colour(para.runs().get(0).color()));
					paragraph.setLeftMargin(size * 1.1);
					paragraph.setIndent(-size * 1.1);
				}
				case NUMBER -> {
					number++;
					paragraph.setBulletAutoNumber(AutoNumberingScheme.arabicPeriod, number);
					paragraph.setBulletFont(font);
					paragraph.setLeftMargin(size * 1.6);
					paragraph.setIndent(-size * 1.6);
				}
			}
			for (Run run : para.runs()) {
				run(paragraph, run);
			}
		}
	}

	private void run(XSLFTextParagraph paragraph, Run run) {
		XSLFTextRun r = paragraph.addNewTextRun();
		r.setText(run.text() == null ? "" : run.text());
		r.setFontFamily(font);
		r.setFontSize(run.size() * fontScale);
		if (run.color() != null) {
			r.setFontColor(colour(run.color()));
		}
		r.setBold(run.bold());
		r.setItalic(run.italic());
	}

	private void table(XSLFSlide slide, Table table) {
		int rows = table.rows().size();
		int cols = table.widths().length;
		XSLFTable t = slide.createTable(rows, cols);
		// explicit fills and borders only: a table style would add its own bands and
		// lines
		CTTableProperties properties = t.getCTTable().getTblPr();
		if (properties.isSetTableStyleId()) {
			properties.unsetTableStyleId();
		}
		properties.setFirstRow(false);
		properties.setBandRow(false);
		for (int c = 0; c < cols; c++) {
			t.setColumnWidth(c, table.widths()[c] * sx);
		}
		double height = 0;
		for (int r = 0; r < rows; r++) {
			t.setRowHeight(r, table.heights()[r] * sy);
			height += table.heights()[r];
			for (int c = 0; c < cols; c++) {
				Cell cell = table.rows().get(r).get(c);
				XSLFTableCell tc = t.getCell(r, c);
				tc.clearText();
				paragraphs(tc, cell.paras());
				tc.setLeftInset(10);
				tc.setRightInset(8);
				tc.setTopInset(4);
				tc.setBottomInset(4);
				tc.setVerticalAlignment(VerticalAlignment.MIDDLE);
				tc.setFillColor(colour(cell.fill()));
				for (BorderEdge edge : BorderEdge.values()) {
					tc.removeBorder(edge);
				}
				if (cell.border() != null) {
					tc.setBorderColor(BorderEdge.bottom, colour(cell.border()));
					tc.setBorderWidth(BorderEdge.bottom, 1.0);
				}
			}
		}
		t.setAnchor(rect(table.x(), table.y(), table.width(), height));
	}

	private void chart(XSLFSlide slide, Chart c) {
		try {
			XSLFChart chart = ppt.createChart();
			slide.addChart(chart, emu(c.x(), c.y(), c.w(), c.h()));
			XSSFWorkbook workbook = chart.getWorkbook();
			String sheetName = c.sheet();
			workbook.setSheetName(0, sheetName);
			XSSFSheet sheet = workbook.getSheetAt(0);
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue(c.categoryHeader());
			for (int s = 0; s < c.series().size(); s++) {
				header.createCell(s + 1).setCellValue(c.series().get(s).name());
			}
			int n = c.categories().size();
			for (int i = 0; i < n; i++) {
				Row row = sheet.createRow(i + 1);
				row.createCell(0).setCellValue(c.categories().get(i));
				for (int s = 0; s < c.series().size(); s++) {
					row.createCell(s + 1).setCellValue(c.series().get(s).values().get(i));
				}
			}
			XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
					new CellRangeAddress(1, n, 0, 0));
			XDDFCategoryAxis categoryAxis = chart.createCategoryAxis(AxisPosition.LEFT);
			XDDFValueAxis valueAxis = chart.createValueAxis(AxisPosition.BOTTOM);
			// categories from the top down, as they are listed
			categoryAxis.setOrientation(AxisOrientation.MAX_MIN);
			categoryAxis.setMajorTickMark(AxisTickMark.NONE);
			categoryAxis.setMinorTickMark(AxisTickMark.NONE);
			categoryAxis.getOrAddShapeProperties().setLineProperties(line("#CBD5E1", 0.75));
			XDDFRunProperties labels = categoryAxis.getOrAddTextProperties();
			labels.setFontSize(c.categorySize() * fontScale);
			labels.setFillProperties(fill(c.categoryColor()));
			labels.setFonts(new XDDFFont[] { new XDDFFont(FontGroup.LATIN, font, null, null, null) });
			valueAxis.setCrosses(AxisCrosses.AUTO_ZERO);
			valueAxis.setMinimum(0);
			valueAxis.setMaximum(c.axisMax());
			valueAxis.setMajorTickMark(AxisTickMark.NONE);
			valueAxis.setVisible(false);
			XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, categoryAxis, valueAxis);
			data.setBarDirection(BarDirection.BAR);
			data.setBarGrouping(BarGrouping.CLUSTERED);
			data.setVaryColors(false);
			data.setGapWidth(c.gapWidth());
			for (int s = 0; s < c.series().size(); s++) {
				Scene.Series series = c.series().get(s);
				XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
						new CellRangeAddress(1, n, s + 1, s + 1));
				XDDFBarChartData.Series bars = (XDDFBarChartData.Series) data.addSeries(categories, values);
				bars.setTitle(series.name(), new CellReference(sheetName, 0, s + 1, true, true));
				bars.setFillProperties(fill(series.color()));
				bars.setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
				if (series.label() != null) {
					labels(bars.getCTBarSer(), series.label());
				}
			}
			chart.plot(data);
			if (c.series().size() > 1) {
				overlap(chart, 100);
			}
			chart.setAutoTitleDeleted(true);
			chart.getCTChartSpace().addNewRoundedCorners().setVal(false);
			chart.getOrAddShapeProperties().setFillProperties(new XDDFNoFillProperties());
			chart.getOrAddShapeProperties().setLineProperties(new XDDFLineProperties(new XDDFNoFillProperties()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not make the chart's workbook", e);
		}
		catch (InvalidFormatException e) {
			throw new IllegalStateException("Could not make the chart's workbook", e);
		}
	}

	/**
	 * Draws later series over earlier ones (a track and its fill). Written as text:
	 * poi-ooxml-lite lacks the schema type of the overlap's value.
	 */
	private static void overlap(XSLFChart chart, int percent) {
		CTBarChart bars = chart.getCTChart().getPlotArea().getBarChartArray(0);
		CTOverlap overlap = bars.isSetOverlap() ? bars.getOverlap() : bars.addNewOverlap();
		try (XmlCursor cursor = overlap.newCursor()) {
			cursor.setAttributeText(new QName("val"), String.valueOf(percent));
		}
	}

	private void labels(CTBarSer series, Scene.Label label) {
		CTDLbls labels = series.isSetDLbls() ? series.getDLbls() : series.addNewDLbls();
		CTNumFmt format = labels.addNewNumFmt();
		format.setFormatCode(label.format());
		format.setSourceLinked(false);
		labels.addNewSpPr().addNewNoFill();
		CTTextBody text = labels.addNewTxPr();
		text.addNewBodyPr();
		text.addNewLstStyle();
		CTTextCharacterProperties run = text.addNewP().addNewPPr().addNewDefRPr();
		run.setSz((int) Math.round(label.size() * fontScale * 100));
		run.setB(label.bold());
		run.addNewSolidFill().addNewSrgbClr().setVal(rgb(label.color()));
		run.addNewLatin().setTypeface(font);
		labels.addNewDLblPos().setVal(label.insideEnd() ? STDLblPos.IN_END : STDLblPos.OUT_END);
		labels.addNewShowLegendKey().setVal(false);
		labels.addNewShowVal().setVal(true);
		labels.addNewShowCatName().setVal(false);
		labels.addNewShowSerName().setVal(false);
		labels.addNewShowPercent().setVal(false);
		labels.addNewShowBubbleSize().setVal(false);
	}

	private static XDDFSolidFillProperties fill(String hex) {
		return new XDDFSolidFillProperties(XDDFColor.from(rgb(hex)));
	}

	private static XDDFLineProperties line(String hex, double width) {
		XDDFLineProperties line = new XDDFLineProperties(fill(hex));
		line.setWidth(width);
		return line;
	}

	private Rectangle2D rect(double x, double y, double w, double h) {
		return new Rectangle2D.Double(x * sx, y * sy, w * sx, h * sy);
	}

	/** A graphic frame's anchor for a chart is given in EMU, not points. */
	private Rectangle2D emu(double x, double y, double w, double h) {
		return new Rectangle2D.Double(Units.toEMU(x * sx), Units.toEMU(y * sy), Units.toEMU(w * sx),
				Units.toEMU(h * sy));
	}

	private static VerticalAlignment vertical(Anchor anchor) {
		return switch (anchor) {
			case TOP -> VerticalAlignment.TOP;
			case MIDDLE -> VerticalAlignment.MIDDLE;
			case BOTTOM -> VerticalAlignment.BOTTOM;
		};
	}

	static Color colour(String hex) {
		return hex == null ? null : Color.decode(hex);
	}

	static byte[] rgb(String hex) {
		Color c = Color.decode(hex);
		return new byte[] { (byte) c.getRed(), (byte) c.getGreen(), (byte) c.getBlue() };
	}

}
