package io.intime.qbr.deck;

import java.awt.Dimension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.IntConsumer;

import io.intime.qbr.deck.Scene.Palette;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlideMaster;

import org.springframework.stereotype.Component;

/**
 * Writes a QBR deck as a PowerPoint file (16:9): the title, the executive summary, the
 * placement breakdown with native bar charts, the quality metrics table, the success
 * story, challenges and resolutions, next quarter's initiatives, the health scorecard (a
 * native chart of its components) and the discussion topics with action items. The slides
 * the content cannot support are left out and named in {@link Deck#omitted()}. With the
 * organization's template the slides are built on its master and layouts, so its
 * background, logo, fonts and colours show.
 */
@Component
public class QbrDeckWriter {

	/**
	 * The font of the slides' text, also on a template (whose titles keep its own font):
	 * every PowerPoint has it, LibreOffice shows it as the metric-compatible Liberation
	 * Sans, and the layout's text fitting is measured for it.
	 */
	static final String FONT = "Arial";

	/**
	 * Makes the deck.
	 * @param templateOrNull a PowerPoint file (checked with {@link DeckTemplate#check})
	 * whose master, layouts and colours the deck uses, its own slides removed; null for
	 * the built-in look
	 * @param progressPercent told 0 at the start, more as slides are made, 100 when the
	 * file is written; may be null
	 * @throws DeckUnavailableException when the quarter has no data for an executive
	 * summary, or the template cannot be opened
	 */
	public Deck pptx(DeckContent content, byte[] templateOrNull, IntConsumer progressPercent) {
		IntConsumer progress = progressPercent == null ? percent -> {
		} : progressPercent;
		progress.accept(0);
		DeckPlan plan = DeckPlan.of(content);
		boolean template = templateOrNull != null && templateOrNull.length > 0;
		try (XMLSlideShow ppt = template ? fromTemplate(templateOrNull) : builtIn()) {
			XSLFSlideMaster master = ppt.getSlideMasters().get(0);
			Palette palette = template ? DeckTemplate.palette(master) : Palette.BUILT_IN;
			List<Scene.Slide> slides = DeckLayout.slides(content, plan, palette, template);
			progress.accept(5);
			PptxPainter painter = new PptxPainter(ppt, FONT, template);
			for (int i = 0; i < slides.size(); i++) {
				painter.draw(slides.get(i));
				progress.accept(5 + 85 * (i + 1) / slides.size());
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
			ppt.write(out);
			progress.accept(100);
			return new Deck(out.toByteArray(), plan.omitted(), slides.size());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not write the QBR deck", e);
		}
	}

	private static XMLSlideShow builtIn() {
		XMLSlideShow ppt = new XMLSlideShow();
		ppt.setPageSize(new Dimension((int) Scene.WIDTH, (int) Scene.HEIGHT));
		return ppt;
	}

	private static XMLSlideShow fromTemplate(byte[] template) {
		XMLSlideShow ppt;
		try {
			ppt = new XMLSlideShow(new ByteArrayInputStream(template));
		}
		catch (IOException | RuntimeException e) {
			throw new DeckUnavailableException("the organization's template could not be opened as a PowerPoint file",
					e);
		}
		if (ppt.getSlideMasters().isEmpty()) {
			throw new DeckUnavailableException("the organization's template has no slide master");
		}
		// the template's own example slides are not part of the deck
		for (int i = ppt.getSlides().size() - 1; i >= 0; i--) {
			ppt.removeSlide(i);
		}
		return ppt;
	}

}
