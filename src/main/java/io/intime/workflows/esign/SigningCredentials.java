package io.intime.workflows.esign;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A private key and the certificate of its public key. */
record SigningCredentials(PrivateKey privateKey, X509Certificate certificate) {
}
