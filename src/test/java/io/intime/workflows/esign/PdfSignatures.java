package io.intime.workflows.esign;

import java.io.IOException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks the PDF digital signatures of a signed PDF the way a PDF reader does, for tests:
 * the number of signatures; each one's byte range (from the start of the file, around
 * exactly its {@code /Contents}); each CMS signature verified over the bytes it signs (so
 * a byte changed after signing fails); the last one covering the whole file and made with
 * the expected certificate. Failures are {@link AssertionError}s that say what is wrong.
 */
public final class PdfSignatures {

	private PdfSignatures() {
	}

	/**
	 * Checks a PDF with exactly one signature, made with {@code signer}.
	 * @return the text of the certificate of completion (its page and any after it)
	 */
	public static String verify(byte[] pdf, X509Certificate signer) {
		return verify(pdf, signer, 1);
	}

	/**
	 * Checks a PDF with exactly {@code signatures} signatures, all valid for the bytes
	 * they sign, the last made with {@code signer} over the whole file.
	 * @return the text of the last certificate of completion: from the page that holds
	 * the last signature to the end
	 */
	public static String verify(byte[] pdf, X509Certificate signer, int signatures) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			List<PDSignatureField> fields = new ArrayList<>();
			for (PDSignatureField field : document.getSignatureFields()) {
				if (field.getSignature() != null) {
					fields.add(field);
				}
			}
			if (fields.size() != signatures) {
				throw new AssertionError(
						"Expected " + signatures + " signature(s) in the PDF but found " + fields.size());
			}
			fields.sort(Comparator.comparingLong(f -> end(f.getSignature())));
			for (PDSignatureField field : fields) {
				checkSignature(pdf, field.getSignature(), field.getPartialName());
			}
			PDSignatureField last = fields.get(fields.size() - 1);
			if (end(last.getSignature()) != pdf.length) {
				throw new AssertionError("The last signature covers " + end(last.getSignature()) + " of the file's "
						+ pdf.length + " bytes: something was added after it was signed");
			}
			X509Certificate madeWith = signerCertificate(last.getSignature().getContents(pdf));
			if (!madeWith.equals(signer)) {
				throw new AssertionError("The last signature was made with " + madeWith.getSubjectX500Principal()
						+ ", not with the expected certificate " + signer.getSubjectX500Principal());
			}
			int page = pageOf(document, last);
			PDFTextStripper text = new PDFTextStripper();
			text.setStartPage(page + 1);
			text.setEndPage(document.getNumberOfPages());
			return text.getText(document);
		}
		catch (IOException e) {
			throw new AssertionError("The PDF cannot be read: " + e.getMessage(), e);
		}
	}

	private static long end(PDSignature signature) {
		int[] range = signature.getByteRange();
		return (long) range[2] + range[3];
	}

	private static void checkSignature(byte[] pdf, PDSignature signature, String name) throws IOException {
		int[] range = signature.getByteRange();
		if (range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1]
				|| end(signature) > pdf.length) {
			throw new AssertionError("Signature " + name + " has an impossible byte range " + Arrays.toString(range));
		}
		if (pdf[range[1]] != '<' || pdf[range[2] - 1] != '>') {
			throw new AssertionError("Signature " + name + "'s byte range does not leave out exactly its /Contents: "
					+ Arrays.toString(range));
		}
		byte[] contents = signature.getContents(pdf);
		byte[] signed = signature.getSignedContent(pdf);
		try {
			CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contentInfo(contents));
			Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
			if (signers.size() != 1) {
				throw new AssertionError("Signature " + name + " has " + signers.size() + " signers, not one");
			}
			SignerInformation info = signers.iterator().next();
			X509Certificate certificate = certificate(cms, info);
			if (!info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
				throw new AssertionError("Signature " + name + " does not verify over the bytes it signs");
			}
		}
		catch (CMSException e) {
			throw new AssertionError(
					"Signature " + name + " does not verify over the bytes it signs: " + e.getMessage(), e);
		}
		catch (OperatorCreationException | CertificateException e) {
			throw new AssertionError("Signature " + name + " cannot be checked: " + e.getMessage(), e);
		}
	}

	private static X509Certificate signerCertificate(byte[] contents) {
		try {
			CMSSignedData cms = new CMSSignedData(contentInfo(contents));
			return certificate(cms, cms.getSignerInfos().getSigners().iterator().next());
		}
		catch (CMSException | CertificateException | IOException e) {
			throw new AssertionError("The last signature's CMS cannot be read: " + e.getMessage(), e);
		}
	}

	/**
	 * The CMS structure at the start of a signature's {@code /Contents}: the space
	 * reserved for it is padded with zeros, which a reader ignores.
	 */
	private static ContentInfo contentInfo(byte[] contents) throws IOException {
		try (ASN1InputStream in = new ASN1InputStream(contents)) {
			return ContentInfo.getInstance(in.readObject());
		}
	}

	@SuppressWarnings("unchecked")
	private static X509Certificate certificate(CMSSignedData cms, SignerInformation info) throws CertificateException {
		Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(info.getSID());
		if (matches.isEmpty()) {
			throw new AssertionError("The signature does not carry its signer's certificate");
		}
		return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
	}

	/** The index of the page whose annotations hold the signature field's widget. */
	private static int pageOf(PDDocument document, PDSignatureField field) throws IOException {
		COSDictionary widget = field.getWidgets().get(0).getCOSObject();
		for (int i = 0; i < document.getNumberOfPages(); i++) {
			for (PDAnnotation annotation : document.getPage(i).getAnnotations()) {
				if (annotation.getCOSObject() == widget) {
					return i;
				}
			}
		}
		throw new AssertionError("The last signature's widget is on no page");
	}

}
