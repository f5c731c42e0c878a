package io.intime.shared.database;

import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;

/**
 * Which accounts a set-based facts query reads: all of them (a full recompute) or a given few
 * (the accounts whose facts just changed). Fact modules append {@link #clause(String)} to
 * their {@code where} and {@link #bind} the parameter, so one statement serves both cases.
 */
public final class AccountScope {

    private final Long[] ids;

    private AccountScope(Long[] ids) {
        this.ids = ids;
    }

    /** Every account. */
    public static AccountScope all() {
        return new AccountScope(null);
    }

    /** Only these accounts; an empty collection reads nothing. */
    public static AccountScope of(Collection<Long> accountIds) {
        return new AccountScope(accountIds.toArray(Long[]::new));
    }

    public boolean isEmpty() {
        return ids != null && ids.length == 0;
    }

    /** {@code " and <column> = any(:accountIds)"}, or nothing for all accounts. */
    public String clause(String column) {
        return ids == null ? "" : " and " + column + " = any(:accountIds) ";
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return ids == null ? statement : statement.param("accountIds", new SqlArrayValue("bigint", (Object[]) ids));
    }
}
