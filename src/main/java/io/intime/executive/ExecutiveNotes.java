package io.intime.executive;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive notes of an account (spec 01 step 2): one text, every save a new version
 * that keeps the earlier ones, private to executives and the account's manager. Two
 * people saving on the same version: the second is refused (the unique version in the
 * insert itself decides), and their text is kept in the page.
 */
@Service
public class ExecutiveNotes {

	static final String ENTITY = "executive_note";

	static final int MAX_LENGTH = 10_000;

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final AuditTrail audit;

	private final Today time;

	ExecutiveNotes(JdbcClient jdbc, AccountManagement accounts, AuditTrail audit, Today time) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.time = time;
	}

	/** A version of the notes. */
	public record Note(long version, String body, String writtenBy, Instant writtenAt) {
	}

	/** Whether the user may read and write the account's executive notes. */
	public static boolean mayUse(AccountDetails account, CurrentUser user) {
		return user.hasRole(Role.EXECUTIVE)
				|| user.hasRole(Role.ACCOUNT_MANAGER) && Long.valueOf(user.id()).equals(account.ownerId());
	}

	/** The versions, latest first (empty: none written yet). */
	@Transactional(readOnly = true)
	public List<Note> history(long accountId, CurrentUser user) {
		require(accounts.get(accountId, user), user);
		return jdbc.sql("""
				select n.version, n.body, u.full_name, n.written_at from executive_note n
				  left join app_user u on u.id = n.written_by
				 where n.account_id = :a order by n.version desc limit 20""")
			.param("a", accountId)
			.query((rs, i) -> new Note(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * Saves the text as the next version.
	 * @param expectedVersion the version the writer started from (0 when there was none)
	 * @throws StaleVersionException when someone saved since
	 * @throws InvalidInputException naming {@code body}
	 */
	@Transactional
	public Note save(long accountId, String body, long expectedVersion, CurrentUser user) {
		require(accounts.get(accountId, user), user);
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException("body", "is empty; write the note first");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidInputException("body", "is at most " + MAX_LENGTH + " characters");
		}
		long current = jdbc.sql("select coalesce(max(version), 0) from executive_note where account_id = :a")
			.param("a", accountId)
			.query(Long.class)
			.single();
		if (current != expectedVersion) {
			throw new StaleVersionException("Executive notes", accountId, expectedVersion, current);
		}
		Instant now = time.now();
		try {
			jdbc.sql("""
					insert into executive_note (account_id, version, body, written_by, written_at)
					values (:a, :v, :body, :by, :at)""")
				.param("a", accountId)
				.param("v", expectedVersion + 1)
				.param("body", text)
				.param("by", user.id())
				.param("at", Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new StaleVersionException("Executive notes", accountId, expectedVersion, expectedVersion + 1);
		}
		audit.recordChanges(ENTITY, accountId, List
			.of(new FieldChange("executiveNotes", "version " + expectedVersion, "version " + (expectedVersion + 1))),
				user);
		return new Note(expectedVersion + 1, text, user.fullName(), now);
	}

	private static void require(AccountDetails account, CurrentUser user) {
		if (!mayUse(account, user)) {
			throw new AccessDeniedException("Executive notes are private to executives and the account's manager");
		}
	}

}
