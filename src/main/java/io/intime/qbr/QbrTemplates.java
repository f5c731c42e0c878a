package io.intime.qbr;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.qbr.deck.DeckTemplate;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization's own PowerPoint template for QBR decks (its master, layouts, colours
 * and logo). Admins upload it; a file that is not a PowerPoint presentation is refused
 * with the reason; the newest active one is used, and removing it brings back the
 * built-in look.
 */
@Service
public class QbrTemplates {

	private final JdbcClient jdbc;

	private final Today time;

	QbrTemplates(JdbcClient jdbc, Today time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/** The template in use, as people see it. */
	public record Template(long id, String fileName, int sizeBytes, String uploadedBy, Instant uploadedAt) {
	}

	/** The template's bytes, or null for the built-in look. */
	@Transactional(readOnly = true)
	public byte[] current() {
		return jdbc.sql("select content from qbr_template where active order by uploaded_at desc, id desc limit 1")
			.query(byte[].class)
			.optional()
			.orElse(null);
	}

	/** The template in use, or null. */
	@Transactional(readOnly = true)
	public Template inUse() {
		return jdbc
			.sql("select id, file_name, length(content), uploaded_by, uploaded_at from qbr_template where active"
					+ " order by uploaded_at desc, id desc limit 1")
			.query((rs, n) -> new Template(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.optional()
			.orElse(null);
	}

	/**
	 * Puts a template in use (admins only).
	 * @throws io.intime.shared.InvalidInputException naming {@code template} when the
	 * file is not a PowerPoint presentation
	 */
	@Transactional
	public Template upload(byte[] content, String fileName, CurrentUser user) {
		requireAdmin(user);
		DeckTemplate.check(content, fileName);
		jdbc.sql("update qbr_template set active = false where active").update();
		jdbc.sql("""
				insert into qbr_template (file_name, content, sha256, active, uploaded_by, uploaded_at)
				values (:name, :content, :sha, true, :by, :now)""")
			.param("name", fileName == null || fileName.isBlank() ? "template.pptx" : fileName.strip())
			.param("content", content)
			.param("sha", sha256(content))
			.param("by", user.username())
			.param("now", Timestamp.from(time.now()))
			.update();
		return inUse();
	}

	/** Back to the built-in look (admins only). */
	@Transactional
	public void remove(CurrentUser user) {
		requireAdmin(user);
		jdbc.sql("update qbr_template set active = false where active").update();
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.hasRole(Role.ADMIN)) {
			throw new AccessDeniedException("Admins keep the organization's QBR template");
		}
	}

	/** The file's SHA-256 in hex, kept with templates and decks. */
	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
