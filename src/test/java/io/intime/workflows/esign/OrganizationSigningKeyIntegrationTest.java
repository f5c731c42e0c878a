package io.intime.workflows.esign;

import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.shared.Today;
import io.intime.workflows.files.WorkflowFiles;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization's key on real PostgreSQL: made once, stored as PKCS #12, found by
 * every node, and used by the sealer for a signature the test verifies.
 */
@IntegrationTest
class OrganizationSigningKeyIntegrationTest {

	@Autowired
	OrganizationSigningKey key;

	@Autowired
	PdfSealer sealer;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Today today;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theKeyIsMadeOnceAndEveryNodeReadsTheSameOne() throws Exception {
		X509Certificate certificate = key.certificate();

		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=InTime Staffing,O=InTime Staffing");
		assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
		certificate.verify(certificate.getPublicKey());
		assertThat(((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
		assertThat(certificate.getKeyUsage()[0]).as("digital signature").isTrue();
		assertThat(certificate.getBasicConstraints()).as("not a certificate authority").isEqualTo(-1);
		Instant from = certificate.getNotBefore().toInstant();
		assertThat(from).isBetween(today.now().minus(1, ChronoUnit.DAYS), today.now());
		assertThat(certificate.getNotAfter().toInstant())
			.isEqualTo(from.atZone(ZoneOffset.UTC).plusYears(10).toInstant());

		OrganizationSigningKey anotherNode = new OrganizationSigningKey(jdbc, today, transactions, "Another Name Inc");
		assertThat(anotherNode.certificate()).isEqualTo(certificate);
		assertThat(anotherNode.privateKey()).isEqualTo(key.privateKey());
		assertThat(jdbc.sql("select count(*) from workflow_signing_key").query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select subject from workflow_signing_key").query(String.class).single())
			.isEqualTo("CN=InTime Staffing,O=InTime Staffing");
	}

	@Test
	void theSealerSignsWithTheOrganizationsCertificate() {
		byte[] agreement = SamplePdfs.document("Renewal agreement", 1);
		SignatureEvidence dana = new SignatureEvidence("Dana Whitfield", "dana@client.example", "Dana Whitfield",
				today.now().minusSeconds(90), today.now().minusSeconds(30), "203.0.113.24", "Mozilla/5.0",
				WorkflowFiles.sha256(agreement));

		byte[] sealed = sealer.seal(agreement, "Renewal agreement", "Annual Renewal · run 1", List.of(dana));

		assertThat(PdfSignatures.verify(sealed, key.certificate())).contains("Dana Whitfield",
				WorkflowFiles.sha256(agreement));
	}

}
