package io.intime.workflows.esign;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

import io.intime.shared.Today;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organization's signing key: an RSA key (3072 bits) and its self-signed X.509
 * certificate, whose subject is the organization ({@code intime.organization.name},
 * "InTime Staffing" by default), valid for ten years from the day it was made. It is made
 * once, on first use, and kept as PKCS #12 in {@code workflow_signing_key}; a node that
 * finds it there uses it, and two nodes that make one at the same moment agree on the one
 * that was stored first (insert … on conflict do nothing, then read back). The key never
 * changes afterwards, so each node reads it once.
 */
@Service
public class OrganizationSigningKey {

	private static final Logger log = LoggerFactory.getLogger(OrganizationSigningKey.class);

	static final int KEY_BITS = 3072;

	static final int VALID_YEARS = 10;

	private static final String ALIAS = "organization";

	private final JdbcClient jdbc;

	private final Today time;

	private final String organizationName;

	private final TransactionTemplate ownTransaction;

	private volatile SigningCredentials credentials;

	OrganizationSigningKey(JdbcClient jdbc, Today time, PlatformTransactionManager transactions,
			@Value("${intime.organization.name:InTime Staffing}") String organizationName) {
		this.jdbc = jdbc;
		this.time = time;
		this.organizationName = organizationName == null || organizationName.isBlank() ? "InTime Staffing"
				: organizationName.strip();
		this.ownTransaction = new TransactionTemplate(transactions);
		// stored on its own, so that a caller's rolled-back transaction cannot take with
		// it a
		// key this node already signs with
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The organization's private key (made on first use). */
	public PrivateKey privateKey() {
		return credentials().privateKey();
	}

	/** The organization's certificate (made on first use). */
	public X509Certificate certificate() {
		return credentials().certificate();
	}

	SigningCredentials credentials() {
		SigningCredentials known = credentials;
		if (known == null) {
			synchronized (this) {
				if (credentials == null) {
					credentials = ownTransaction.execute(status -> loadOrCreate());
				}
				known = credentials;
			}
		}
		return known;
	}

	private record Stored(byte[] pkcs12, String password) {
	}

	private SigningCredentials loadOrCreate() {
		Optional<Stored> stored = stored();
		if (stored.isEmpty()) {
			Instant now = time.now();
			SigningCredentials made = generate(organizationName, now);
			String password = password();
			int inserted = jdbc.sql("""
					insert into workflow_signing_key (id, pkcs12, password, subject, created_at)
					values (1, ?, ?, ?, ?) on conflict (id) do nothing""")
				.params(pkcs12(made, password), password, made.certificate().getSubjectX500Principal().getName(),
						Timestamp.from(now))
				.update();
			if (inserted == 1) {
				log.info("Made the organization's signing key and certificate for {}, valid until {}",
						made.certificate().getSubjectX500Principal().getName(),
						made.certificate().getNotAfter().toInstant());
			}
			stored = stored();
		}
		Stored key = stored
			.orElseThrow(() -> new IllegalStateException("The organization's signing key was not stored"));
		return open(key.pkcs12(), key.password());
	}

	private Optional<Stored> stored() {
		return jdbc.sql("select pkcs12, password from workflow_signing_key where id = 1")
			.query((rs, n) -> new Stored(rs.getBytes(1), rs.getString(2)))
			.optional();
	}

	/**
	 * A new RSA key and a self-signed certificate for it: subject and issuer
	 * {@code CN=<name>, O=<name>}, valid from {@code from} for ten years, for digital
	 * signatures and non-repudiation (not a certificate authority).
	 */
	static SigningCredentials generate(String organizationName, Instant from) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(KEY_BITS, new SecureRandom());
			KeyPair pair = generator.generateKeyPair();
			X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, organizationName)
				.addRDN(BCStyle.CN, organizationName)
				.build();
			Instant notBefore = from.truncatedTo(ChronoUnit.SECONDS);
			Instant notAfter = notBefore.atZone(ZoneOffset.UTC).plusYears(VALID_YEARS).toInstant();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
					new BigInteger(127, new SecureRandom()).add(BigInteger.ONE), Date.from(notBefore),
					Date.from(notAfter), subject, pair.getPublic());
			JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
				.addExtension(Extension.subjectKeyIdentifier, false,
						extensions.createSubjectKeyIdentifier(pair.getPublic()))
				.addExtension(Extension.authorityKeyIdentifier, false,
						extensions.createAuthorityKeyIdentifier(pair.getPublic()));
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			return new SigningCredentials(pair.getPrivate(), certificate);
		}
		catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
			throw new IllegalStateException("Could not make the organization's signing key", e);
		}
	}

	static byte[] pkcs12(SigningCredentials credentials, String password) {
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry(ALIAS, credentials.privateKey(), password.toCharArray(),
					new Certificate[] { credentials.certificate() });
			store.store(out, password.toCharArray());
			return out.toByteArray();
		}
		catch (GeneralSecurityException | IOException e) {
			throw new IllegalStateException("Could not write the organization's signing key as PKCS #12", e);
		}
	}

	static SigningCredentials open(byte[] pkcs12, String password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(new ByteArrayInputStream(pkcs12), password.toCharArray());
			return new SigningCredentials((PrivateKey) store.getKey(ALIAS, password.toCharArray()),
					(X509Certificate) store.getCertificate(ALIAS));
		}
		catch (GeneralSecurityException | IOException e) {
			throw new IllegalStateException("Could not read the organization's signing key", e);
		}
	}

	private static String password() {
		byte[] random = new byte[32];
		new SecureRandom().nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
	}

}
