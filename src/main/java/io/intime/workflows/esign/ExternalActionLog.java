package io.intime.workflows.esign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.shared.Today;
import tools.jackson.core.type.TypeReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The log of what people outside the firm did through their links (opened, submitted,
 * consented, signed, declined …), append-only and hash-chained. The table refuses updates
 * and deletes (a trigger); beyond that, each row's hash covers its content and the hash
 * of the row before it, so a row changed or removed by someone who can get past the
 * trigger (a superuser) breaks the chain from that row on, and {@link #verify()} names
 * the first broken row.
 * <p>
 * The hash is the SHA-256 (hex) of the canonical JSON array
 * {@code [prev_hash, run, step, contact, person, action, at, ip, user_agent, detail]}
 * (absent values as {@code null}, {@code at} in ISO 8601 UTC to the microsecond,
 * {@code detail} as canonical JSON, see {@link CanonicalJson}). A JSON array rather than
 * the fields joined by a separator: a separator can appear inside a user agent, and then
 * two different rows would hash alike.
 */
@Service
public class ExternalActionLog {

	/** The first row's previous hash. */
	static final String GENESIS = "0".repeat(64);

	/**
	 * The advisory lock that serializes appends across nodes, so that each row chains
	 * onto the last one (a bigint key; the other modules' locks use the two-int form).
	 */
	static final long APPEND_LOCK = 0x17_E5_16_4C_06L;

	private static final int VERIFY_BATCH = 1000;

	private static final String COLUMNS = """
			id, run_id, step_id, contact_id, person, action, at, ip, user_agent, detail::text as detail, prev_hash, hash""";

	private final JdbcClient jdbc;

	private final Today time;

	ExternalActionLog(JdbcClient jdbc, Today time) {
		this.jdbc = jdbc;
		this.time = time;
	}

	/** Whether the chain is whole; when not, the first row that breaks it. */
	public record Verification(boolean ok, Long firstBrokenId, long rowsChecked) {
	}

	/**
	 * Appends an action to the log, chained onto the last row. Runs in the caller's
	 * transaction (or its own): appends wait for each other until the one before commits.
	 * @param stepId the step, or null
	 * @param contactId the client contact, or null
	 * @param person who acted, in words; not blank
	 * @param action what they did, up to 40 characters; not blank
	 * @param ip the request's IP address, or null
	 * @param userAgent the request's user agent (cut to 500 characters), or null
	 * @param detail more about the action: strings, numbers, booleans, lists and maps;
	 * null for none
	 * @return the row as stored
	 */
	@Transactional
	public ExternalAction append(long runId, Long stepId, Long contactId, String person, String action, String ip,
			String userAgent, Map<String, Object> detail) {
		if (person == null || person.isBlank() || action == null || action.isBlank() || action.length() > 40) {
			throw new IllegalArgumentException("An external action needs a person and an action (up to 40 characters)");
		}
		String agent = userAgent == null ? null : userAgent.substring(0, Math.min(500, userAgent.length()));
		String address = ip == null ? null : ip.substring(0, Math.min(64, ip.length()));
		String details = CanonicalJson.of(detail == null ? Map.of() : detail);
		Instant at = time.now().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query((rs, n) -> 1).single();
		String previous = jdbc.sql("select hash from workflow_external_action order by id desc limit 1")
			.query(String.class)
			.optional()
			.orElse(GENESIS);
		String hash = hash(previous, runId, stepId, contactId, person, action, at, address, agent, details);
		long id = jdbc.sql("""
				insert into workflow_external_action (run_id, step_id, contact_id, person, action, at, ip, user_agent,
				  detail, prev_hash, hash)
				values (:run, :step, :contact, :person, :action, :at, :ip, :ua, cast(:detail as jsonb), :prev, :hash)
				returning id""")
			.param("run", runId)
			.param("step", stepId)
			.param("contact", contactId)
			.param("person", person)
			.param("action", action)
			.param("at", Timestamp.from(at))
			.param("ip", address)
			.param("ua", agent)
			.param("detail", details)
			.param("prev", previous)
			.param("hash", hash)
			.query(Long.class)
			.single();
		return new ExternalAction(id, runId, stepId, contactId, person, action, at, address, agent, map(details),
				previous, hash);
	}

	/** The actions of a run, in the order they happened. */
	@Transactional(readOnly = true)
	public List<ExternalAction> ofRun(long runId) {
		return jdbc.sql("select " + COLUMNS + " from workflow_external_action where run_id = ? order by id")
			.param(runId)
			.query(ExternalActionLog::row)
			.list();
	}

	/**
	 * Walks the whole log in order, recomputing every hash: the chain is whole when each
	 * row names the previous row's hash and its own hash matches its content.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		String previous = GENESIS;
		long after = 0;
		long checked = 0;
		while (true) {
			List<Stored> batch = jdbc
				.sql("select " + COLUMNS + " from workflow_external_action where id > ? order by id limit ?")
				.params(after, VERIFY_BATCH)
				.query(ExternalActionLog::stored)
				.list();
			for (Stored stored : batch) {
				ExternalAction row = stored.action();
				checked++;
				String expected = hash(row.prevHash(), row.runId(), row.stepId(), row.contactId(), row.person(),
						row.action(), row.at(), row.ip(), row.userAgent(), stored.canonicalDetail());
				if (!row.prevHash().equals(previous) || !row.hash().equals(expected)) {
					return new Verification(false, row.id(), checked);
				}
				previous = row.hash();
				after = row.id();
			}
			if (batch.size() < VERIFY_BATCH) {
				return new Verification(true, null, checked);
			}
		}
	}

	static String hash(String previous, long runId, Long stepId, Long contactId, String person, String action,
			Instant at, String ip, String userAgent, String canonicalDetail) {
		List<Object> fields = new ArrayList<>();
		fields.add(previous);
		fields.add(runId);
		fields.add(stepId);
		fields.add(contactId);
		fields.add(person);
		fields.add(action);
		fields.add(DateTimeFormatter.ISO_INSTANT.format(at));
		fields.add(ip);
		fields.add(userAgent);
		String head = CanonicalJson.of(fields);
		// the detail is already canonical text: spliced in as the array's last element
		String content = head.substring(0, head.length() - 1) + "," + canonicalDetail + "]";
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
		}
	}

	/** A row and its detail as canonical JSON (what its hash covers). */
	private record Stored(ExternalAction action, String canonicalDetail) {
	}

	private static ExternalAction row(ResultSet rs, int n) throws SQLException {
		return stored(rs, n).action();
	}

	private static Stored stored(ResultSet rs, int n) throws SQLException {
		String detail = CanonicalJson.ofText(rs.getString("detail"));
		return new Stored(
				new ExternalAction(rs.getLong("id"), rs.getLong("run_id"), rs.getObject("step_id", Long.class),
						rs.getObject("contact_id", Long.class), rs.getString("person"), rs.getString("action"),
						rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("ip"),
						rs.getString("user_agent"), map(detail), rs.getString("prev_hash"), rs.getString("hash")),
				detail);
	}

	private static Map<String, Object> map(String json) {
		Map<String, Object> detail = CanonicalJson.JSON.readValue(json,
				new TypeReference<LinkedHashMap<String, Object>>() {
				});
		return detail == null ? Map.of() : detail;
	}

}
