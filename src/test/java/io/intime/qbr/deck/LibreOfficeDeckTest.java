package io.intime.qbr.deck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens the generated deck in LibreOffice Impress (headless), which must convert every
 * slide to a PDF page with its text, and renders the pages, and those of the deck's own
 * PDF, to target/screenshots for a look. LibreOffice is required: without it the test
 * fails rather than skips (CI installs libreoffice-impress and poppler-utils).
 */
class LibreOfficeDeckTest {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

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
		render(pdf(DeckFixtures.crowded(), "qbr-deck-crowded.pdf"), "qbr-deck-pdf-crowded");
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
		render(file, "qbr-deck-pdf");
		render(pdf(DeckContent.of(DeckFixtures.sparse(), "Jordan Lee", "Account Manager", null, null, List.of()),
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
		String soffice = executable("soffice");
		Path profile = Path.of("/tmp", "lo-" + UUID.randomUUID());
		List<String> command = List.of(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--convert-to", "pdf", "--outdir", dir.toString(), pptx.toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("LibreOffice did not convert the deck within 120 s");
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as("soffice exit code; output: %s", output).isZero();
		}
		finally {
			deleteQuietly(profile);
		}
		Path pdf = dir.resolve(prefix + ".pdf");
		assertThat(pdf).as("LibreOffice's PDF of the deck").exists();
		String text;
		try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
			assertThat(document.getNumberOfPages()).as("pages of LibreOffice's PDF").isEqualTo(deck.slides());
			text = new PDFTextStripper().getText(document);
		}
		render(pdf, prefix);
		return text;
	}

	/** Renders each page to target/screenshots/{prefix}-{page}.png at 60 dpi. */
	private static void render(Path pdf, String prefix) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		try (var old = Files.list(SCREENSHOTS)) {
			for (Path png : old.filter(p -> p.getFileName().toString().matches(prefix + "-\\d+\\.png")).toList()) {
				Files.delete(png);
			}
		}
		Process process = new ProcessBuilder(executable("pdftoppm"), "-png", "-r", "60", pdf.toString(),
				SCREENSHOTS.resolve(prefix).toString())
			.redirectErrorStream(true)
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("pdftoppm did not render the pages within 60 s");
		}
		assertThat(process.exitValue()).as("pdftoppm exit code").isZero();
	}

	private static String executable(String name) {
		for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			Path candidate = Path.of(folder, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return fail(name + " is not installed; install it with: apt-get install -y libreoffice-impress poppler-utils");
	}

	private static void deleteQuietly(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (var paths = Files.walk(folder)) {
			List<Path> all = new ArrayList<>(paths.toList());
			for (int i = all.size() - 1; i >= 0; i--) {
				Files.deleteIfExists(all.get(i));
			}
		}
		catch (IOException e) {
			// a leftover profile in /tmp harms nothing
		}
	}

}
