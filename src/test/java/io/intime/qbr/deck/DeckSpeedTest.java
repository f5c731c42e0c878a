package io.intime.qbr.deck;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Making the deck and its PDF is quick enough to do while the user waits. */
class DeckSpeedTest {

	@Test
	void makesThePptxAndThePdfWellUnderASecondOnceWarm() {
		QbrDeckWriter writer = new QbrDeckWriter();
		QbrDeckPdf pdf = new QbrDeckPdf();
		DeckContent content = DeckFixtures.content(false);
		for (int i = 0; i < 3; i++) {
			writer.pptx(content, null, null);
			pdf.pdf(content);
		}
		long best = Long.MAX_VALUE;
		long pptxTotal = 0;
		long pdfTotal = 0;
		int runs = 5;
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			writer.pptx(content, null, null);
			long pptxDone = System.nanoTime();
			pdf.pdf(content);
			long end = System.nanoTime();
			pptxTotal += (pptxDone - start) / 1_000_000;
			pdfTotal += (end - pptxDone) / 1_000_000;
			best = Math.min(best, (end - start) / 1_000_000);
		}
		System.out.printf("QBR deck: PPTX + PDF of 9 slides in %d ms (best of %d); on average PPTX %d ms, PDF %d ms%n",
				best, runs, pptxTotal / runs, pdfTotal / runs);
		assertThat(best).isLessThan(1000);
	}

}
