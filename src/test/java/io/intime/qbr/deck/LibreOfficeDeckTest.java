package io.intime.qbr.deck;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.intime.OfficeDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the generated deck in LibreOffice Impress (headless), which must convert every
 * slide to a PDF page with its text, and renders the pages, and those of the deck's own
 * PDF, to target/screenshots for a look. LibreOffice is required: without it the test
 * fails rather than skips (CI installs libreoffice-impress and poppler-utils).
 */
class LibreOfficeDeckTest {

	private static final Path SCREENSHOTS = OfficeDocuments.SCREENSHOTS;

	@TempDir
	Path dir;

	@Test
	void libreOfficeOpensEverySlideOfTheBuiltInDeck() throws Exception {
		Deck deck = new QbrDeckWriter().pptx(DeckFixtures.content(false), null, null);

		String text = convertAndRender(deck, "qbr-deck-lo");

		assertThat(text).contains("MegaBank Quarterly Business Review", "Q4 2026 performance highlights",
				"Placement breakdown", "Quality & efficiency", "no NPS response this quarter",
				"Spotlight: Principal Engineer", "Challenges & resolutions", "Q1 2027 strategic initiatives",
				"Account health scorecard", "Discussion & action items", "Engineering", "Contract-to-hire");
	}

	@Test
	void libreOfficeOpensTheDeckBuiltOnATemplate() throws Exception {
		Deck deck = new QbrDeckWriter().pptx(DeckFixtures.content(true), TemplateFixture.template(), null);

		String text = convertAndRender(deck, "qbr-deck-lo-template");

		assertThat(text.replaceAll("\\s+", " ")).contains("MegaBank Quarterly Business Review",
				"Account health scorecard");
	}

	@Test
	void libreOfficeOpensADeckCrowdedWithLongTexts() throws Exception {
		Deck deck = new QbrDeckWriter().pptx(DeckFixtures.crowded(), null, null);

		String text = convertAndRender(deck, "qbr-deck-lo-crowded");

		assertThat(text).contains("Placement breakdown", "Other");
		OfficeDocuments.render(pdf(DeckFixtures.crowded(), "qbr-deck-crowded.pdf"), "qbr-deck-pdf-crowded");
	}

	private static Path pdf(DeckContent content, String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve(name);
		Files.write(file, new QbrDeckPdf().pdf(content));
		return file;
	}

	@Test
	void theDecksPdfHasOnePagePerSlide() throws Exception {
		DeckContent content = DeckFixtures.content(false);
		int slides = DeckPlan.of(content).slides().size();

		byte[] pdf = new QbrDeckPdf().pdf(content);

		Files.createDirectories(SCREENSHOTS);
		Path file = SCREENSHOTS.resolve("qbr-deck.pdf");
		Files.write(file, pdf);
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(slides);
			assertThat(new PDFTextStripper().getText(document)).contains("Placement breakdown",
					"no NPS response this quarter", "Account health scorecard");
		}
		OfficeDocuments.render(file, "qbr-deck-pdf");
		OfficeDocuments
			.render(pdf(DeckContent.of(DeckFixtures.sparse(), "Jordan Lee", "Account Manager", null, null, List.of()),
					"qbr-deck-sparse.pdf"), "qbr-deck-pdf-sparse");
	}

	/**
	 * Converts the deck with LibreOffice, checks a page per slide, renders them; returns
	 * the text.
	 */
	private String convertAndRender(Deck deck, String prefix) throws Exception {
		Path pptx = dir.resolve(prefix + ".pptx");
		Files.write(pptx, deck.pptx());
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(prefix + ".pptx"), deck.pptx());
		Path pdf = OfficeDocuments.pdfOf(pptx);
		assertThat(pdf).as("LibreOffice's PDF of the deck").exists();
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			assertThat(document.getNumberOfPages()).as("pages of LibreOffice's PDF").isEqualTo(deck.slides());
			text = new PDFTextStripper().getText(document);
		}
		OfficeDocuments.render(pdf, prefix);
		return text;
	}

}
