package io.intime.workflows.esign;

import java.time.Instant;

/**
 * What one signer did, as it is printed on a signed document's certificate page.
 *
 * @param signerName the signer's name as the firm knows it
 * @param signerEmail the signer's email address
 * @param typedName the name the signer typed to sign
 * @param consentAt when the signer agreed to sign electronically
 * @param signedAt when the signer signed
 * @param ip the IP address the signature came from
 * @param userAgent the signer's browser, as it introduced itself
 * @param documentSha256 the SHA-256 of the document the signer was shown
 */
public record SignatureEvidence(String signerName, String signerEmail, String typedName, Instant consentAt,
		Instant signedAt, String ip, String userAgent, String documentSha256) {
}
