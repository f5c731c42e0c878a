package io.intime.workflows.esign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import javax.security.auth.x500.X500Principal;

import io.intime.shared.Today;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.LayerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.util.Matrix;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Seals a signed document: appends the certificate of completion (the document's SHA-256
 * and every signer's evidence) and then one PDF digital signature made with the
 * organization's key over the whole file, certificate page included. The change is saved
 * as an incremental update: the bytes of the document as it came are kept as they are, so
 * a signature it already carries stays valid, and a PDF reader shows any change made
 * after this one.
 * <p>
 * The signature is a CMS (PKCS #7) detached signature ({@code adbe.pkcs7.detached}):
 * SHA-256 with RSA, the organization's certificate embedded, the signing time as a signed
 * attribute.
 */
@Service
public class PdfSealer {

	/** Room reserved in the file for the CMS signature (it takes about 2.5 KB). */
	static final int SIGNATURE_BYTES = 16 * 1024;

	private final Supplier<SigningCredentials> credentials;

	private final Today time;

	@Autowired
	PdfSealer(OrganizationSigningKey organizationKey, Today time) {
		this(organizationKey::credentials, time);
	}

	PdfSealer(Supplier<SigningCredentials> credentials, Today time) {
		this.credentials = credentials;
		this.time = time;
	}

	/**
	 * The document with its certificate of completion and the organization's signature.
	 * @param pdf the document as the signers saw it (not encrypted)
	 * @param documentTitle the document's title, printed on the certificate
	 * @param reference what the certificate refers to, e.g. the run ("Workflow run 42")
	 * @param evidence each signer's evidence, in signing order (at least one)
	 * @return the sealed PDF: {@code pdf} unchanged, followed by the incremental update
	 * @throws IllegalArgumentException when the PDF cannot be read or is encrypted
	 */
	public byte[] seal(byte[] pdf, String documentTitle, String reference, List<SignatureEvidence> evidence) {
		if (evidence == null || evidence.isEmpty()) {
			throw new IllegalArgumentException("A sealed document needs at least one signer's evidence");
		}
		SigningCredentials signing = credentials.get();
		Instant sealedAt = time.now().truncatedTo(ChronoUnit.SECONDS);
		String organization = commonName(signing.certificate().getSubjectX500Principal());
		try (PDDocument document = load(pdf)) {
			int documentPages = document.getNumberOfPages();
			PDRectangle size = document.getPage(documentPages - 1).getMediaBox();
			CertificatePage.Content content = new CertificatePage.Content(organization, documentTitle, reference,
					documentPages, sha256(pdf), List.copyOf(evidence), sealedAt,
					signing.certificate().getSubjectX500Principal().getName(), fingerprint(signing.certificate()),
					signing.certificate().getNotAfter().toInstant());
			byte[] certificatePdf = CertificatePage.render(content, size.getWidth(), size.getHeight());
			try (PDDocument certificate = Loader.loadPDF(certificatePdf)) {
				appendPages(document, certificate, size);
			}
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
			signature.setName(organization);
			signature.setReason(CertificatePage.TITLE + (reference == null ? "" : " for " + reference));
			signature.setSignDate(GregorianCalendar.from(sealedAt.atZone(ZoneOffset.UTC)));
			try (SignatureOptions options = new SignatureOptions();
					ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + certificatePdf.length + 65536)) {
				options.setPreferredSignatureSize(SIGNATURE_BYTES);
				options.setPage(documentPages);
				document.addSignature(signature, signedBytes -> cms(signedBytes, signing, sealedAt), options);
				document.saveIncremental(out);
				return out.toByteArray();
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not seal the document " + documentTitle, e);
		}
	}

	private static PDDocument load(byte[] pdf) {
		PDDocument document;
		try {
			document = Loader.loadPDF(pdf);
		}
		catch (IOException e) {
			throw new IllegalArgumentException("The document to seal is not a PDF that can be read", e);
		}
		if (document.isEncrypted() || document.getNumberOfPages() == 0) {
			try {
				document.close();
			}
			catch (IOException e) {
				// nothing was written; the refusal below is what matters
			}
			throw new IllegalArgumentException("The document to seal is encrypted or has no pages");
		}
		return document;
	}

	/**
	 * The certificate's pages, drawn as forms on new pages of the document (copies of
	 * their content, so that the incremental update holds everything it needs).
	 */
	private static void appendPages(PDDocument document, PDDocument certificate, PDRectangle size) throws IOException {
		LayerUtility layers = new LayerUtility(document);
		for (int i = 0; i < certificate.getNumberOfPages(); i++) {
			PDFormXObject form = layers.importPageAsForm(certificate, i);
			PDPage page = new PDPage(
					new PDRectangle(size.getLowerLeftX(), size.getLowerLeftY(), size.getWidth(), size.getHeight()));
			document.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				stream.saveGraphicsState();
				stream.transform(Matrix.getTranslateInstance(size.getLowerLeftX(), size.getLowerLeftY()));
				stream.drawForm(form);
				stream.restoreGraphicsState();
			}
		}
	}

	/**
	 * The CMS detached signature of the content PDFBox hands over (the file minus the
	 * gap).
	 */
	private static byte[] cms(InputStream content, SigningCredentials signing, Instant signedAt) throws IOException {
		try {
			ASN1EncodableVector attributes = new ASN1EncodableVector();
			attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signedAt)))));
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
						.setSignedAttributeGenerator(
								new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
						.build(new JcaContentSignerBuilder("SHA256withRSA").build(signing.privateKey()),
								signing.certificate()));
			generator.addCertificates(new JcaCertStore(List.of(signing.certificate())));
			return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
		}
		catch (CMSException | OperatorCreationException | CertificateEncodingException e) {
			throw new IOException("Could not make the CMS signature", e);
		}
	}

	static String commonName(X500Principal principal) {
		RDN[] names = new X500Name(principal.getName()).getRDNs(BCStyle.CN);
		return names.length == 0 ? principal.getName() : IETFUtils.valueToString(names[0].getFirst().getValue());
	}

	static String fingerprint(X509Certificate certificate) {
		try {
			return sha256(certificate.getEncoded());
		}
		catch (CertificateEncodingException e) {
			throw new IllegalStateException("The organization's certificate cannot be encoded", e);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
		}
	}

}
