package io.intime.qbr.deck;

import java.nio.charset.StandardCharsets;

import io.intime.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeckTemplateTest {

	@Test
	void acceptsAPresentationWithOrWithoutSlides() {
		byte[] template = TemplateFixture.template();
		byte[] deck = new QbrDeckWriter().pptx(DeckFixtures.content(true), null, null).pptx();

		assertThatCode(() -> DeckTemplate.check(template, "InTime template.pptx")).doesNotThrowAnyException();
		assertThatCode(() -> DeckTemplate.check(deck, "last-qbr.PPTX")).doesNotThrowAnyException();
	}

	@Test
	void refusesAWordDocumentByItsExtension() {
		assertRefused(TemplateFixture.wordDocument(), "report.docx",
				"must be a PowerPoint file (.pptx); report.docx is a Word document");
	}

	@Test
	void refusesAWordDocumentRenamedToPptx() {
		assertRefused(TemplateFixture.wordDocument(), "report.pptx",
				"must be a PowerPoint file (.pptx); report.pptx is a Word document renamed to .pptx");
	}

	@Test
	void refusesATextFile() {
		byte[] text = "Quarterly business review\n".getBytes(StandardCharsets.UTF_8);

		assertRefused(text, "notes.txt", "must be a PowerPoint file (.pptx); notes.txt is a text file");
		assertRefused(text, "notes.pptx",
				"must be a PowerPoint file (.pptx); notes.pptx is not a PowerPoint presentation");
	}

	@Test
	void refusesAnEmptyFile() {
		assertRefused(new byte[0], "template.pptx", "template.pptx is empty; choose a PowerPoint file (.pptx)");
		assertRefused(null, null, "the file is empty; choose a PowerPoint file (.pptx)");
	}

	@Test
	void refusesAFileLargerThan20Megabytes() {
		byte[] large = new byte[(int) DeckTemplate.MAX_BYTES + 1];

		assertRefused(large, "huge.pptx", "huge.pptx is 20 MB; a template can be at most 20 MB");
	}

	@Test
	void refusesAnOldPowerPointFile() {
		assertRefused(new byte[] { 1, 2, 3 }, "deck.ppt",
				"must be a PowerPoint file (.pptx); deck.ppt is an old PowerPoint 97–2003 file; open it in PowerPoint and save it as .pptx");
	}

	private static void assertRefused(byte[] file, String name, String message) {
		assertThatThrownBy(() -> DeckTemplate.check(file, name)).isInstanceOfSatisfying(InvalidInputException.class,
				e -> {
					assertThat(e.errors()).hasSize(1);
					assertThat(e.errors().get(0).field()).isEqualTo("template");
					assertThat(e.errors().get(0).message()).isEqualTo(message);
				});
	}

}
