package io.intime.qbr;

import java.util.Locale;
import java.util.Set;

import io.intime.IntegrationTest;
import io.intime.SentMails;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static io.intime.Api.body;
import static io.intime.Api.errorMessage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Preparing a QBR on real PostgreSQL: the page's details from its meeting (in the
 * reader's time zone, "You" for the reader, both sides' attendees), the agenda from the
 * template with the quarters filled in and its version-checked saves (page, htmx
 * autosave, API), the quality criteria, the pre-read email (refused without a deck, else
 * the PDF to the client's attendees, logged on the account), and the review fragment that
 * names missing data instead of showing 0.
 */
@IntegrationTest
class QbrPreparationIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SpringTemplateEngine templates;

	QbrMeetingFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new QbrMeetingFixtures(context);
	}

	@Test
	void thePageShowsTheMeetingsDetailsTheTemplateAgendaAndTheQualityCriteria() throws Exception {
		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(false);
		MvcTestResult result = mvc.get().uri("/qbrs/{id}", qbr.id()).with(as(qbr.am())).exchange();
		assertThat(result).hasStatusOk();
		Document page = Jsoup.parse(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(page.selectFirst("h1").text()).isEqualTo("QBR preparation – " + qbr.account().name());
		// 10:00 in New York, read by an account manager in New York
		assertThat(page.selectFirst("#qbr-when").text()).matches(".*, \\d{4} @ 10:00 AM E[SD]T");
		assertThat(page.selectFirst("#qbr-duration").text()).isEqualTo("90 minutes");
		assertThat(page.selectFirst("#qbr-place").text()).contains("Virtual", "https://zoom.example/j/qbr");
		assertThat(page.select("#qbr-internal .person-name").eachText()).containsExactly("You",
				qbr.executive().fullName());
		assertThat(page.select("#qbr-client .person-name").eachText()).containsExactly("Sarah Chen", "Mark Johnson");
		assertThat(page.selectFirst("#qbr-agenda").text()).contains(qbr.quarter().label() + " Performance Review")
			.contains(qbr.quarter().next().label() + " Planning & Roadmap")
			.doesNotContain("{{");
		// the meeting is tomorrow and there is no deck: the 3-days-ahead criterion is
		// missed
		assertThat(page.selectFirst("[data-criterion=deckReady]").className()).contains("MISSED");
		assertThat(page.selectFirst("[data-criterion=executiveAttendance]").text())
			.contains(qbr.executive().fullName() + " is invited");
		assertThat(page.selectFirst("[data-criterion=followUp]").className()).contains("NOT_YET");
		assertThat(page.selectFirst("#qbr-deck").attr("href")).isEqualTo("/qbrs/" + qbr.id() + "/deck");
		assertThat(page.select("#qbr-pre-read, #qbr-finalize, #qbr-add-action")).hasSize(3);

		// a sales director reads it as a reader who is not invited: no "You"
		CurrentUser director = fixtures.accounts().user(Role.SALES_DIRECTOR);
		Document theirs = Jsoup.parse(mvc.get()
			.uri("/qbrs/{id}", qbr.id())
			.with(as(director))
			.exchange()
			.getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(theirs.select("#qbr-internal .person-name").eachText()).containsExactly(qbr.am().fullName(),
				qbr.executive().fullName());
	}

	@Test
	void theAgendaAndNotesAreSavedWithAVersionCheck() throws Exception {
		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(false);
		assertThat(mvc.post()
			.uri("/qbrs/{id}/agenda", qbr.id())
			.with(as(qbr.am()))
			.param("agenda", "1. Welcome\n2. Q4 results")
			.param("version", "0")
			.exchange()).hasStatus(HttpStatus.FOUND);
		// someone who read version 0 saves theirs: the conflict shows both, theirs kept
		MvcTestResult stale = mvc.post()
			.uri("/qbrs/{id}/agenda", qbr.id())
			.with(as(qbr.am()))
			.param("agenda", "1. Hello")
			.param("version", "0")
			.exchange();
		assertThat(stale).hasStatus(HttpStatus.CONFLICT);
		assertThat(stale).bodyText().contains("Someone else changed this while you were editing", "1. Hello");
		assertThat(jdbc.sql("select agenda from qbr where id = ?").params(qbr.id()).query(String.class).single())
			.isEqualTo("1. Welcome\n2. Q4 results");

		// notes autosaved by htmx answer with the new version for the page's forms
		MvcTestResult autosaved = mvc.post()
			.uri("/qbrs/{id}/notes", qbr.id())
			.with(as(qbr.am()))
			.header("HX-Request", "true")
			.param("notes", "Sarah: Q1 volumes up 20%")
			.param("version", "1")
			.exchange();
		assertThat(autosaved).hasStatusOk();
		assertThat(autosaved).bodyText().contains("Saved at").containsPattern("id=\"notes-version\"[^>]*value=\"2\"");

		// the API: version required, stale is 409
		MvcTestResult patched = mvc.patch()
			.uri("/api/v1/qbrs/{id}", qbr.id())
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 2, \"notes\": \"Sarah: Q1 volumes up 25%\"}")
			.exchange();
		assertThat(patched).hasStatusOk();
		assertThat(body(patched).path("notes").asString()).isEqualTo("Sarah: Q1 volumes up 25%");
		assertThat(body(patched).path("agenda").asString()).isEqualTo("1. Welcome\n2. Q4 results");
		assertThat(mvc.patch()
			.uri("/api/v1/qbrs/{id}", qbr.id())
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\": 2, \"agenda\": \"x\"}")
			.exchange()).hasStatus(HttpStatus.CONFLICT);
		assertThat(errorMessage(mvc.patch()
			.uri("/api/v1/qbrs/{id}", qbr.id())
			.with(as(qbr.am()))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"notes\": \"x\"}")
			.exchange(), "version")).isEqualTo("is required");
	}

	@Test
	void thePreReadNeedsADeckAndSendsItsPdfToTheClientsAttendees() throws Exception {
		QbrMeetingFixtures.Qbr bare = fixtures.qbr(false);
		MvcTestResult refused = mvc.post().uri("/api/v1/qbrs/{id}/pre-read", bare.id()).with(as(bare.am())).exchange();
		assertThat(refused).hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(errorMessage(refused, "deck")).isEqualTo("Generate the deck first");
		MvcTestResult onThePage = mvc.post().uri("/qbrs/{id}/pre-read", bare.id()).with(as(bare.am())).exchange();
		assertThat(onThePage).hasStatus(HttpStatus.FOUND);
		assertThat(onThePage.getMvcResult().getFlashMap().get("flashError")).isEqualTo("Generate the deck first");

		QbrMeetingFixtures.Qbr qbr = fixtures.qbr(true);
		MvcTestResult sent = mvc.post().uri("/api/v1/qbrs/{id}/pre-read", qbr.id()).with(as(qbr.am())).exchange();
		assertThat(sent).hasStatusOk();
		assertThat(body(sent).path("recipients").toString()).contains("Sarah Chen", "Mark Johnson");
		String subject = qbr.account().name() + " " + qbr.quarter().label() + " QBR – pre-read";
		for (String to : new String[] { qbr.sarah().email(), qbr.mark().email() }) {
			MimeMessage mail = SentMails.await(jdbc, to, subject);
			assertThat(mail.getSubject()).isEqualTo(subject);
			assertThat(QbrFinalizationIntegrationTest.attachment(mail, "application/pdf")).isEqualTo(qbr.pdf());
			assertThat(QbrFinalizationIntegrationTest.text(mail)).startsWith("Hi Sarah and Mark,")
				.contains("AGENDA:", qbr.quarter().label() + " Performance Review");
		}
		assertThat(jdbc.sql("select count(*) from activity where account_id = ? and type = 'EMAIL' and subject = ?")
			.params(qbr.account().id(), subject)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// the executive and the account manager get no pre-read: it is the client's
		assertThat(jdbc.sql("select count(*) from client_email where subject = ?")
			.params(subject)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theReviewNamesMissingDataAndNeverShowsItAsZero() {
		QbrQuarter quarter = new QbrQuarter(2025, 4);
		QuarterReview review = QbrMeetingFixtures.sampleReview(1, "MegaBank", quarter);
		Document html = Jsoup.parse(render(context, templates, review));
		assertThat(html.selectFirst("[data-metric=nps] .qbr-value").text()).isEqualTo("—");
		assertThat(html.selectFirst("[data-metric=nps]").text()).contains("No data: no NPS response this quarter")
			.doesNotContain(" 0 ");
		assertThat(html.selectFirst("[data-metric=placements]").text()).contains("18", "15 target", "✓ Met");
		assertThat(html.selectFirst("[data-metric=offerAcceptance]").text()).contains("Near");
		assertThat(html.selectFirst("[data-metric=firstYearRetention]").text()).contains("Missed");
		assertThat(html.selectFirst("#qbr-ytd").text()).contains("98", "↗ +22%", "$1.7M");
		assertThat(html.select("#qbr-breakdown .qbr-bar-fill").first().attr("style")).isEqualTo("width: 100%");
		assertThat(html.selectFirst("#qbr-expansion-total").text()).contains("+$950K");
		assertThat(html.selectFirst("#qbr-health").text()).contains("94/100", "↗ +6", "Issue frequency", "6/10");
		assertThat(html.selectFirst("#qbr-missing").text()).contains("no NPS response this quarter");
	}

	/** The review fragment as the application renders it. */
	static String render(ApplicationContext context, SpringTemplateEngine templates, QuarterReview review) {
		Context variables = new Context(Locale.US);
		variables.setVariable("review", review);
		variables.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
				new ThymeleafEvaluationContext(context, null));
		return templates.process("qbr/qbr-parts", Set.of("review"), variables);
	}

}
