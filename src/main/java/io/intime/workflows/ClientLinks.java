package io.intime.workflows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.intime.shared.Today;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links through which client stakeholders act. A link's token is 24 random bytes and
 * their HMAC-SHA256 under the organization's link secret: a token someone altered or made
 * up fails the signature before the database is asked. Only the token's SHA-256 is
 * stored, so the table does not hold usable links. A link opens one step of one run for
 * one contact, until it expires or is revoked; opening it changes nothing.
 */
@Component
@Transactional
public class ClientLinks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private final JdbcClient jdbc;

	private final Today time;

	private final Duration validity;

	private volatile byte[] secret;

	ClientLinks(JdbcClient jdbc, Today time, @Value("${intime.workflows.link-validity:14d}") Duration validity) {
		this.jdbc = jdbc;
		this.time = time;
		this.validity = validity;
	}

	/** Why a link does not open. */
	public enum Refusal {

		TAMPERED("This link is not valid",
				"The link was changed or is incomplete. Use the link exactly as you received it."),
		UNKNOWN("This link is not valid", "We do not know this link. Use the most recent email you received."),
		EXPIRED("This link has expired", "Links are valid for a limited time. Ask your account manager for a new one."),
		REVOKED("This link was withdrawn", "Your account manager withdrew this link. Ask them for a new one.");

		private final String title;

		private final String explanation;

		Refusal(String title, String explanation) {
			this.title = title;
			this.explanation = explanation;
		}

		public String title() {
			return title;
		}

		public String explanation() {
			return explanation;
		}

		/** 410 Gone for a link that was good once, 404 for one that never was. */
		public int httpStatus() {
			return this == EXPIRED || this == REVOKED ? 410 : 404;
		}

	}

	/** A link that opens: its step and contact. */
	public record Opened(long linkId, long stepId, long contactId, Instant expiresAt, Instant usedAt) {
	}

	/** The outcome of opening a link: the link, or why it does not open. */
	public record Resolution(Opened link, Refusal refusal) {

		public boolean ok() {
			return link != null;
		}

	}

	/** A new link for the contact's step, valid for the configured time. */
	public String issue(long stepId, long contactId, String createdBy) {
		byte[] random = new byte[24];
		RANDOM.nextBytes(random);
		String token = B64.encodeToString(random) + "." + B64.encodeToString(sign(random));
		Instant now = time.now();
		jdbc.sql("""
				insert into workflow_link (step_id, contact_id, token_hash, expires_at, created_at, created_by)
				values (:step, :contact, :hash, :expires, :at, :by)""")
			.param("step", stepId)
			.param("contact", contactId)
			.param("hash", sha256(token))
			.param("expires", Timestamp.from(now.plus(validity)))
			.param("at", Timestamp.from(now))
			.param("by", createdBy)
			.update();
		return token;
	}

	/** Checks the token's signature, then its link: known, not revoked, not expired. */
	@Transactional(readOnly = true)
	public Resolution resolve(String token) {
		if (token == null || !validSignature(token)) {
			return new Resolution(null, Refusal.TAMPERED);
		}
		Optional<Row> row = jdbc
			.sql("""
					select id, step_id, contact_id, expires_at, revoked_at, used_at from workflow_link where token_hash = ?""")
			.param(sha256(token))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getTimestamp(4).toInstant(),
					rs.getTimestamp(5) != null, rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.optional();
		if (row.isEmpty()) {
			return new Resolution(null, Refusal.UNKNOWN);
		}
		Row link = row.get();
		if (link.revoked()) {
			return new Resolution(null, Refusal.REVOKED);
		}
		if (!link.expiresAt().isAfter(time.now())) {
			return new Resolution(null, Refusal.EXPIRED);
		}
		return new Resolution(new Opened(link.id(), link.stepId(), link.contactId(), link.expiresAt(), link.usedAt()),
				null);
	}

	private record Row(long id, long stepId, long contactId, Instant expiresAt, boolean revoked, Instant usedAt) {
	}

	/** Marks the step's links used (the step is done: they now show what was done). */
	void markUsed(long stepId) {
		jdbc.sql("update workflow_link set used_at = ? where step_id = ? and used_at is null")
			.params(Timestamp.from(time.now()), stepId)
			.update();
	}

	/** Withdraws every live link of the step (or of one contact on it). */
	int revoke(long stepId, Long contactId, String by) {
		return jdbc
			.sql("""
					update workflow_link set revoked_at = :at, revoked_by = :by
					where step_id = :step and revoked_at is null and (cast(:contact as bigint) is null or contact_id = :contact)""")
			.param("at", Timestamp.from(time.now()))
			.param("by", by)
			.param("step", stepId)
			.param("contact", contactId)
			.update();
	}

	/**
	 * Makes a link expire now (for an administrator withdrawing access, and for tests of
	 * expiry).
	 */
	void expire(long linkId) {
		jdbc.sql("update workflow_link set expires_at = ? where id = ?")
			.params(Timestamp.from(time.now()), linkId)
			.update();
	}

	private boolean validSignature(String token) {
		int dot = token.indexOf('.');
		if (dot <= 0 || dot == token.length() - 1) {
			return false;
		}
		try {
			byte[] random = Base64.getUrlDecoder().decode(token.substring(0, dot));
			byte[] given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			return random.length == 24 && MessageDigest.isEqual(sign(random), given);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private byte[] sign(byte[] random) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
			return mac.doFinal(random);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/** The organization's link secret, made by whichever node needs it first. */
	private byte[] secret() {
		byte[] known = secret;
		if (known != null) {
			return known;
		}
		byte[] fresh = new byte[32];
		RANDOM.nextBytes(fresh);
		jdbc.sql(
				"insert into workflow_link_secret (id, secret, created_at) values (1, ?, ?) on conflict (id) do nothing")
			.params(fresh, Timestamp.from(time.now()))
			.update();
		known = jdbc.sql("select secret from workflow_link_secret where id = 1").query(byte[].class).single();
		secret = known;
		return known;
	}

	/**
	 * How a client link's token is kept: its SHA-256 in hex, never the token itself (the
	 * workflow links here, the dispute links of the automation module).
	 */
	public static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
