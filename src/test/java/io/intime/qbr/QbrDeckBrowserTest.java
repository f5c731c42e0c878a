package io.intime.qbr;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import io.intime.Browser;
import io.intime.DemoWorldTest;
import io.intime.OfficeDocuments;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TC-SAC-005 on the demo world: the CEO opens the QBR preparation of DataSystems (spec 01
 * step 6) through "QBR prep" (the account's next QBR), generates the deck, watches it
 * being made, downloads it, and LibreOffice opens it (its pages under target/screenshots,
 * qbr-ceo-deck-*.png). Runs late and removes the deck it made.
 */
@DemoWorldTest
@Order(Integer.MAX_VALUE - 2)
class QbrDeckBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCeoPreparesDataSystemsQbrAndDownloadsADeckThatOpens() throws Exception {
		long account = jdbc.sql("select id from account where name = 'DataSystems'").query(Long.class).single();
		long qbr = jdbc.sql("""
				select id from qbr where account_id = :a and status in ('PLANNED', 'SCHEDULED')
				 order by due_date, id limit 1""").param("a", account).query(Long.class).single();
		try (Browser browser = new Browser("http://localhost:" + port)) {
			browser.signIn("ceo", "demo");
			browser.open("/qbrs/accounts/" + account + "/next");
			browser.waitUntil(d -> browser.currentPath().equals("/qbrs/" + qbr));
			assertThat(browser.text("h1")).isEqualTo("QBR preparation – DataSystems");
			assertThat(browser.text("#qbr-internal")).contains("You", "Sarah Chen", "Tom Davis");
			assertThat(browser.text("#qbr-client")).contains("Jennifer Wu", "Mark Johnson");
			assertThat(browser.text("#agenda")).contains("Welcome & Introductions", "Contract Renewal Discussion");
			assertThat(browser.text("main")).containsIgnoringCase("Key metrics")
				.contains("Placements", "Average time to fill");
			browser.screenshot("qbr-ceo-01-preparation");

			// generate the deck; its progress shows until it is ready
			browser.find("#generate-deck").click();
			browser.waitUntil(d -> !d.findElements(org.openqa.selenium.By.id("download-deck")).isEmpty());
			assertThat(browser.text("#deck")).contains("Version 1", "Start presentation");
			browser.scrollTo("#deck");
			browser.screenshot("qbr-ceo-02-deck-ready");

			String href = browser.find("#download-deck").getAttribute("href");
			byte[] pptx = browser.download(href.substring(href.indexOf("/qbrs/")));
			int slides;
			try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
				slides = deck.getSlides().size();
				assertThat(slides).isGreaterThanOrEqualTo(5);
				assertThat(deck.getCharts()).extracting(XSLFChart::getWorkbook).doesNotContainNull();
			}
			Files.createDirectories(OfficeDocuments.SCREENSHOTS);
			Path file = OfficeDocuments.SCREENSHOTS.resolve("qbr-ceo-deck.pptx");
			Files.write(file, pptx);
			Path pdf = OfficeDocuments.pdfOf(file);
			try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
				assertThat(document.getNumberOfPages()).isEqualTo(slides);
				assertThat(new PDFTextStripper().getText(document)).contains("DataSystems", "Placement");
			}
			OfficeDocuments.render(pdf, "qbr-ceo-deck");
		}
		finally {
			jdbc.sql("delete from qbr_document where qbr_id = :q").param("q", qbr).update();
			jdbc.sql("update qbr set deck_ready_at = null where id = :q").param("q", qbr).update();
		}
	}

}
