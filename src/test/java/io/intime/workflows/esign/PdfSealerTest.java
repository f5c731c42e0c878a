package io.intime.workflows.esign;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.intime.OfficeDocuments;
import io.intime.shared.Today;
import io.intime.workflows.files.WorkflowFiles;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sealing without Spring, with a key made in the test: the certificate page and the one
 * signature over the whole file, a change after signing found, and an earlier signature
 * kept valid.
 */
class PdfSealerTest {

	static final Instant NOW = Instant.parse("2026-03-02T15:04:05.123Z");

	static SigningCredentials organization;

	static PdfSealer sealer;

	@BeforeAll
	static void makeKey() {
		organization = OrganizationSigningKey.generate("InTime Staffing", NOW.minusSeconds(86_400));
		sealer = new PdfSealer(() -> organization, new Today(Clock.fixed(NOW, ZoneOffset.UTC)));
	}

	static SignatureEvidence signer(String name, String email, byte[] document) {
		return new SignatureEvidence(name, email, name, Instant.parse("2026-03-02T14:58:10.450Z"),
				Instant.parse("2026-03-02T15:01:47.900Z"), "203.0.113.24",
				"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15",
				WorkflowFiles.sha256(document));
	}

	@Test
	void aSealedDocumentHasItsCertificatePageAndOneSignatureOverTheWholeFile() throws Exception {
		byte[] agreement = SamplePdfs.document("Renewal agreement", 2);
		byte[] sealed = sealer.seal(agreement, "Renewal agreement 2026", "Annual Renewal · run 42",
				List.of(signer("Dana Whitfield", "dana.whitfield@megabank.example", agreement)));
		screenshots(sealed, "esign-certificate");

		assertThat(Arrays.copyOf(sealed, agreement.length)).as("the document's bytes are kept as they were")
			.isEqualTo(agreement);
		try (PDDocument pdf = Loader.loadPDF(sealed)) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(3);
		}
		String certificate = PdfSignatures.verify(sealed, organization.certificate());
		assertThat(certificate).contains("Certificate of completion", "Renewal agreement 2026",
				"Annual Renewal · run 42", WorkflowFiles.sha256(agreement), "Dana Whitfield",
				"dana.whitfield@megabank.example", "2026-03-02T14:58:10Z", "2026-03-02T15:01:47Z", "203.0.113.24",
				"Safari/605.1.15", "The same document as above", "2 pages before this certificate");

	}

	@Test
	void aCertificateListsEverySignerInOrderAndSaysWhenOneSawAnotherDocument() throws Exception {
		byte[] contract = SamplePdfs.document("Master services agreement", 1);
		byte[] other = SamplePdfs.document("Draft", 1);
		byte[] sealed = sealer.seal(contract, "Master services agreement", "Billing dispute · run 7",
				List.of(signer("Ana Lima", "ana@client.example", contract),
						signer("Björn Ødegård", "bjorn@client.example", contract),
						signer("Chen Wei", "chen@client.example", other)));
		screenshots(sealed, "esign-three-signers");

		String certificate = PdfSignatures.verify(sealed, organization.certificate());
		assertThat(certificate).containsSubsequence("Ana Lima", "Björn Ødegård", "Chen Wei");
		assertThat(certificate).contains("Differs from the document above");
	}

	@Test
	void aByteChangedAfterSigningFailsVerification() {
		byte[] agreement = SamplePdfs.document("Renewal agreement", 1);
		byte[] sealed = sealer.seal(agreement, "Renewal agreement", "run 1",
				List.of(signer("A", "a@x.example", agreement)));

		byte[] changed = sealed.clone();
		int stream = indexOf(changed, "stream\n".getBytes(StandardCharsets.US_ASCII));
		changed[stream + 12] ^= 0x01;
		assertThatThrownBy(() -> PdfSignatures.verify(changed, organization.certificate()))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("does not verify");

		byte[] appended = Arrays.copyOf(sealed, sealed.length + 10);
		System.arraycopy("\n%changed\n".getBytes(StandardCharsets.US_ASCII), 0, appended, sealed.length, 10);
		assertThatThrownBy(() -> PdfSignatures.verify(appended, organization.certificate()))
			.isInstanceOf(AssertionError.class)
			.hasMessageContaining("something was added after it was signed");
	}

	@Test
	void sealingAnAlreadySignedDocumentKeepsItsSignatureValid() throws Exception {
		byte[] agreement = SamplePdfs.document("Order form", 1);
		SigningCredentials another = OrganizationSigningKey.generate("Client Legal LLC", NOW.minusSeconds(3600));
		byte[] signedByClient = new PdfSealer(() -> another, new Today(Clock.fixed(NOW, ZoneOffset.UTC)))
			.seal(agreement, "Order form", "client's copy", List.of(signer("C", "c@client.example", agreement)));

		byte[] sealed = sealer.seal(signedByClient, "Order form", "run 9",
				List.of(signer("D", "d@client.example", signedByClient)));

		screenshots(sealed, "esign-signed-twice");
		assertThat(Arrays.copyOf(sealed, signedByClient.length)).isEqualTo(signedByClient);
		String certificate = PdfSignatures.verify(sealed, organization.certificate(), 2);
		assertThat(certificate).contains("run 9").doesNotContain("client's copy");
		assertThatThrownBy(() -> PdfSignatures.verify(sealed, another.certificate(), 2))
			.hasMessageContaining("not with the expected certificate");
	}

	@Test
	void refusesWhatIsNotAPdfOrHasNoSigner() {
		byte[] agreement = SamplePdfs.document("Order form", 1);
		assertThatThrownBy(() -> sealer.seal("not a pdf".getBytes(StandardCharsets.UTF_8), "x", "y",
				List.of(signer("A", "a@x.example", agreement))))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("not a PDF");
		assertThatThrownBy(() -> sealer.seal(agreement, "x", "y", List.of()))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** The sealed PDF and its pages as PNG under target/screenshots, to be looked at. */
	static void screenshots(byte[] pdf, String name) throws Exception {
		Path file = OfficeDocuments.SCREENSHOTS.resolve(name + ".pdf");
		Files.createDirectories(file.getParent());
		Files.write(file, pdf);
		OfficeDocuments.render(file, name);
	}

	static int indexOf(byte[] haystack, byte[] needle) {
		outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++) {
				if (haystack[i + j] != needle[j]) {
					continue outer;
				}
			}
			return i;
		}
		throw new IllegalArgumentException("not found");
	}

}
