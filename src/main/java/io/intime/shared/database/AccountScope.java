package io.intime.shared.database;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Which accounts a set-based facts query reads: all of them (a full recompute) or a given
 * few (the accounts whose facts just changed). Fact modules append
 * {@link #clause(String)} to their {@code where} and {@link #bind} the parameter, so one
 * statement serves both cases.
 */
public final class AccountScope {

	private final Long[] ids;

	private final Long from;

	private final Long to;

	private AccountScope(Long[] ids, Long from, Long to) {
		this.ids = ids;
		this.from = from;
		this.to = to;
	}

	/** Every account. */
	public static AccountScope all() {
		return new AccountScope(null, null, null);
	}

	/** Only these accounts; an empty collection reads nothing. */
	public static AccountScope of(Collection<Long> accountIds) {
		return new AccountScope(accountIds.toArray(Long[]::new), null, null);
	}

	/**
	 * The accounts with ids from {@code from} to {@code to} (inclusive): a slice of a
	 * full recompute.
	 */
	public static AccountScope range(long from, long to) {
		return new AccountScope(null, from, to);
	}

	public boolean isEmpty() {
		return ids != null && ids.length == 0;
	}

	/**
	 * The condition on the account id column to append to a {@code where}, or nothing for
	 * all accounts.
	 */
	public String clause(String column) {
		if (from != null) {
			return " and " + column + " between :accountFrom and :accountTo ";
		}
		return ids == null ? "" : " and " + column + " = any(:accountIds) ";
	}

	public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
		if (from != null) {
			return statement.param("accountFrom", from).param("accountTo", to);
		}
		return ids == null ? statement : statement.param("accountIds", new SqlArrayValue("bigint", (Object[]) ids));
	}

}
