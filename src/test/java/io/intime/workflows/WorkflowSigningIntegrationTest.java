package io.intime.workflows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.SentMails;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.workflows.ClientParticipation.Upload;
import io.intime.workflows.esign.ExternalActionLog;
import io.intime.workflows.esign.OrganizationSigningKey;
import io.intime.workflows.esign.PdfSignatures;
import io.intime.workflows.esign.SamplePdfs;
import io.intime.workflows.files.StoredFile;
import io.intime.workflows.files.WorkflowFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static io.intime.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * Files and e-signatures on real PostgreSQL: a File Request refuses a wrong type and an
 * oversized file by the field and keeps the good one with its SHA-256; an Acknowledgement
 * waits until the client opened the document (a POST: opening the page's link does not
 * count); two signers sign in order with consent and their typed name; one declines with
 * a reason, the owner asks again; the sealed PDF carries one valid signature of the
 * organization's certificate over the document and its certificate page; every client
 * action is in the hash-chained log, which verifies.
 */
@IntegrationTest
class WorkflowSigningIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowRuns runs;

	@Autowired
	ClientParticipation clients;

	@Autowired
	WorkflowFiles files;

	@Autowired
	OrganizationSigningKey key;

	@Autowired
	ExternalActionLog log;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aContractIsUploadedReadAndSignedInOrderThenSealed() throws Exception {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser am = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(am);
		String tag = AccountFixtures.unique("s").toLowerCase();
		ContactManagement contacts = context.getBean(ContactManagement.class);
		ContactView buyer = contacts.create(account.id(),
				AccountFixtures.contactForm("Maria Lopez", "maria." + tag + "@client.example"), am);
		ContactView counsel = contacts.create(account.id(),
				AccountFixtures.contactForm("Ken Ito", "ken." + tag + "@client.example"), am);
		RunView run = runs.start(new StartRun("test-sign", null, account.id(), null, null, null, null, null,
				Map.of("buyer", buyer.id(), "counsel", counsel.id()), null, null), am);
		RunView.StepView upload = run.step("contract");

		// a text file named .pdf, a file over the step's 200 KB, a wrong type: refused by
		// the field
		MvcTestResult wrong = mvc.post()
			.multipart()
			.uri("/workflows/steps/{id}/upload", upload.id())
			.file(new MockMultipartFile("file", "contract.pdf", "application/pdf",
					"not a pdf".getBytes(StandardCharsets.UTF_8)))
			.param("version", String.valueOf(upload.version()))
			.with(as(am))
			.exchange();
		assertThat(wrong).hasStatus(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(wrong).bodyText().contains("is not a valid PDF");
		assertThatThrownBy(
				() -> runs.upload(upload.id(), List.of(new Upload("big.pdf", new byte[300_000])), upload.version(), am))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("file");
		assertThatThrownBy(() -> runs.upload(upload.id(), List.of(new Upload("contract.docx", new byte[10])),
				upload.version(), am))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("must be one of: pdf");
		byte[] contract = SamplePdfs.document("Master services agreement " + tag, 2);
		run = runs.upload(upload.id(), List.of(new Upload("MSA.pdf", contract)), upload.version(), am);
		StoredFile stored = files.ofStep(upload.id()).get(0);
		assertThat(stored.sha256()).isEqualTo(WorkflowFiles.sha256(contract));

		// the buyer must open the contract before acknowledging it
		String readLink = WorkflowEngineIntegrationTest
			.linkIn(SentMails.await(jdbc, buyer.email(), "Read the contract"));
		assertThat(mvc.get().uri("/client/{t}", readLink).exchange()).bodyText().contains("MSA.pdf", "Open");
		assertThatThrownBy(() -> clients.acknowledge(readLink, true, "203.0.113.7", "Test"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("files");
		MvcTestResult opened = mvc.post().uri("/client/{t}/files/{f}", readLink, stored.id()).with(csrf()).exchange();
		assertThat(opened).hasStatusOk();
		assertThat(opened.getResponse().getContentAsByteArray()).isEqualTo(contract);
		clients.acknowledge(readLink, true, "203.0.113.7", "Test");

		// the buyer signs first; the counsel's link comes after
		String buyerSign = WorkflowEngineIntegrationTest
			.linkIn(SentMails.await(jdbc, buyer.email(), "Sign the contract"));
		assertThatThrownBy(() -> clients.sign(buyerSign, false, "Maria Lopez", "203.0.113.7", "Test"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("consent");
		assertThatThrownBy(() -> clients.sign(buyerSign, true, "M. L.", "203.0.113.7", "Test"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("typedName");
		MvcTestResult signed = mvc.post()
			.uri("/client/{t}/sign", buyerSign)
			.with(csrf())
			.param("consent", "true")
			.param("typedName", "maria  lopez")
			.header("User-Agent", "Signing browser 1.0")
			.exchange();
		assertThat(signed).hasStatusOk();
		assertThat(signed).bodyText().contains("you signed the document");
		String counselSign = WorkflowEngineIntegrationTest
			.linkIn(SentMails.await(jdbc, counsel.email(), "Sign the contract"));
		// the counsel declines with a reason: the step stops, the owner is told
		assertThatThrownBy(() -> clients.decline(counselSign, " ", "198.51.100.4", "Test"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("reason");
		clients.decline(counselSign, "Clause 7 must name our jurisdiction", "198.51.100.4", "Test");
		run = runs.get(run.id(), am);
		assertThat(run.step("sign").status()).isEqualTo(StepStatus.DECLINED);
		assertThat(jdbc.sql("select count(*) from notification where kind = ? and recipient_id = ?")
			.params(WorkflowNotices.SIGNATURE_DECLINED, am.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		// the owner asks again: both sign, in order
		runs.resume(run.id(), am);
		String again = newLink(buyer.email(), "Sign the contract", buyerSign);
		clients.sign(again, true, "Maria Lopez", "203.0.113.7", "Signing browser 1.0");
		String counselAgain = newLink(counsel.email(), "Sign the contract", counselSign);
		clients.sign(counselAgain, true, "Ken Ito", "198.51.100.4", "Signing browser 2.0");
		run = runs.get(run.id(), am);
		assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
		StoredFile sealed = files.ofStep(run.step("sign").id())
			.stream()
			.filter(f -> StoredFile.SIGNED.equals(f.purpose()))
			.findFirst()
			.orElseThrow();
		byte[] pdf = files.read(sealed.id());
		String certificate = PdfSignatures.verify(pdf, key.certificate());
		assertThat(certificate).contains("Maria Lopez", "Ken Ito", "203.0.113.7", "198.51.100.4", "Signing browser 2.0",
				WorkflowFiles.sha256(contract));
		// a byte changed after signing breaks the signature
		byte[] tampered = pdf.clone();
		tampered[pdf.length / 4] ^= 0x01;
		assertThatThrownBy(() -> PdfSignatures.verify(tampered, key.certificate())).isInstanceOf(AssertionError.class);

		// the client's actions are in the log, which verifies
		assertThat(log.ofRun(run.id())).extracting(a -> a.action())
			.contains("FILE_OPENED", "ACKNOWLEDGED", "SIGNED", "DECLINED");
		assertThat(log.verify().ok()).isTrue();
	}

	private String newLink(String to, String subject, String previous) throws Exception {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(40).toNanos();
		String token = WorkflowEngineIntegrationTest.linkIn(SentMails.await(jdbc, to, subject));
		while (token.equals(previous) && System.nanoTime() < deadline) {
			Thread.sleep(300);
			token = WorkflowEngineIntegrationTest.linkIn(SentMails.await(jdbc, to, subject));
		}
		assertThat(token).isNotEqualTo(previous);
		return token;
	}

	ContactForm unused() {
		return null;
	}

}
