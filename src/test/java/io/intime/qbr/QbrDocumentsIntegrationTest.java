package io.intime.qbr;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.qbr.deck.TemplateFixture;
import io.intime.staffing.JobForm;
import io.intime.staffing.JobPriority;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementForm;
import io.intime.staffing.PlacementStatus;
import io.intime.staffing.PlacementType;
import io.intime.staffing.StaffingFixtures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * QBR decks on real PostgreSQL and the real scheduler: a version is queued, built in the
 * background with its progress, kept as PPTX and PDF that POI and PDFBox open, and marks
 * the QBR's deck ready; a quarter without any data fails with spec 01's message; the
 * organization's template is for admins and must be a PowerPoint file; only the QBR's
 * readers get its decks.
 */
@IntegrationTest
class QbrDocumentsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	StaffingFixtures staffing;

	AccountFixtures fixtures;

	CurrentUser am;

	@BeforeEach
	void setUp() {
		staffing = new StaffingFixtures(context);
		fixtures = staffing.accounts();
		am = fixtures.user(Role.ACCOUNT_MANAGER);
	}

	@Test
	void aDeckIsMadeInTheBackgroundKeptAsAVersionAndReadOnlyByTheQbrsReaders() throws Exception {
		AccountDetails account = fixtures.account(am);
		JobView job = staffing.job(account,
				new JobForm(AccountFixtures.unique("Data Engineer"), "Engineering", JobStatus.FILLED,
						JobPriority.MEDIUM, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 20), null, null, null, 4));
		staffing.placement(job, new PlacementForm("Dee Evans", null, PlacementType.CONTRACT, LocalDate.of(2026, 7, 25),
				null, PlacementStatus.ACTIVE, null, "Filled in 19 days; the client asked for two more"));
		long qbr = qbr(account, "2026-Q3");

		MvcTestResult queued = mvc.post().uri("/api/v1/qbrs/{id}/decks", qbr).with(as(am)).exchange();
		assertThat(queued).hasStatus(HttpStatus.ACCEPTED);
		long document = body(queued).get("id").asLong();
		JsonNode done = awaitFinished(qbr, document);
		assertThat(done.get("status").asText()).isEqualTo("DONE");
		assertThat(done.get("progress").asInt()).isEqualTo(100);
		assertThat(done.get("version").asInt()).isEqualTo(1);
		// no NPS this quarter: the deck is made without what needs it, and says so
		assertThat(done.get("omitted").toString()).contains("no");

		byte[] pptx = mvc.get()
			.uri("/api/v1/qbrs/{id}/decks/{d}/file", qbr, document)
			.with(as(am))
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		int slides;
		try (XMLSlideShow deck = new XMLSlideShow(new ByteArrayInputStream(pptx))) {
			slides = deck.getSlides().size();
			assertThat(slides).isGreaterThanOrEqualTo(4);
		}
		byte[] pdf = mvc.get()
			.uri("/api/v1/qbrs/{id}/decks/{d}/file?format=pdf", qbr, document)
			.with(as(am))
			.exchange()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument document1 = Loader.loadPDF(pdf)) {
			assertThat(document1.getNumberOfPages()).isEqualTo(slides);
		}
		assertThat(jdbc.sql("select deck_ready_at is not null from qbr where id = :id")
			.param("id", qbr)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(mvc.get().uri("/qbrs/{id}/deck", qbr).with(as(am))).hasStatusOk()
			.headers()
			.hasValue("Content-Disposition",
					"attachment; filename=\"" + account.name().replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "")
							+ "_Q3_2026_QBR_v1.pptx\"");
		assertThat(mvc.get().uri("/api/v1/qbrs/{id}/deck/preview.pdf", qbr).with(as(am))).hasStatusOk()
			.hasContentType("application/pdf");

		// the QBR's readers only: not another account manager, a recruiter or legal
		for (Role role : new Role[] { Role.ACCOUNT_MANAGER, Role.RECRUITER, Role.LEGAL }) {
			CurrentUser outsider = fixtures.user(role);
			assertThat(mvc.get().uri("/api/v1/qbrs/{id}/decks", qbr).with(as(outsider)))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.get().uri("/api/v1/qbrs/{id}/decks/{d}/file", qbr, document).with(as(outsider)))
				.hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/api/v1/qbrs/{id}/decks", qbr).with(as(outsider)))
				.hasStatus(HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void aQuarterWithoutAnyDataFailsWithSpecOnesMessage() throws Exception {
		long qbr = qbr(fixtures.account(am), "2026-Q3");
		long document = body(mvc.post().uri("/api/v1/qbrs/{id}/decks", qbr).with(as(am)).exchange()).get("id").asLong();
		JsonNode failed = awaitFinished(qbr, document);
		assertThat(failed.get("status").asText()).isEqualTo("FAILED");
		assertThat(failed.get("failure").asText()).startsWith("Unable to generate QBR deck");
		assertThat(mvc.get().uri("/api/v1/qbrs/{id}/deck/preview.pptx", qbr).with(as(am)))
			.hasStatus(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theTemplateIsAnAdminsPowerPointFile() throws Exception {
		CurrentUser admin = fixtures.user(Role.ADMIN);
		MockMultipartFile word = new MockMultipartFile("file", "brand.pptx", "application/octet-stream",
				TemplateFixture.wordDocument());
		MvcTestResult refused = mvc.put().uri("/api/v1/qbr-template").multipart().file(word).with(as(admin)).exchange();
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorFields(refused)).containsExactly("template");
		assertThat(mvc.post().uri("/qbrs/template").multipart().file(word).with(as(admin))).hasStatus(422)
			.bodyText()
			.contains("must be a PowerPoint");

		MockMultipartFile template = new MockMultipartFile("file", "brand.pptx", "application/octet-stream",
				TemplateFixture.template());
		assertThat(mvc.put().uri("/api/v1/qbr-template").multipart().file(template).with(as(am)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.put().uri("/api/v1/qbr-template").multipart().file(template).with(as(admin))).hasStatusOk()
			.bodyJson()
			.extractingPath("fileName")
			.isEqualTo("brand.pptx");
		assertThat(mvc.get().uri("/qbrs/template").with(as(admin))).hasStatusOk().bodyText().contains("brand.pptx");
		assertThat(mvc.post().uri("/qbrs/template/remove").with(as(admin))).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/qbrs/template").with(as(admin))).bodyText().contains("The built-in look");
	}

	private long qbr(AccountDetails account, String quarter) {
		return jdbc
			.sql("""
					insert into qbr (account_id, quarter, due_date, status, owner_id, created_at, created_by, updated_at, updated_by)
					values (:account, :quarter, :due, 'PLANNED', :owner, now(), 'test', now(), 'test') returning id""")
			.param("account", account.id())
			.param("quarter", quarter)
			.param("due", QbrQuarter.parse(quarter, "quarter").next().last())
			.param("owner", am.id())
			.query(Long.class)
			.single();
	}

	private JsonNode awaitFinished(long qbr, long document) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (true) {
			JsonNode d = body(mvc.get().uri("/api/v1/qbrs/{id}/decks/{d}", qbr, document).with(as(am)).exchange());
			String status = d.get("status").asText();
			if ("DONE".equals(status) || "FAILED".equals(status)) {
				return d;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("the deck is still " + status + " after 60 s: " + d);
			}
			Thread.sleep(200);
		}
	}

}
