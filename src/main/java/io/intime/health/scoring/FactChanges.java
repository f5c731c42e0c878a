package io.intime.health.scoring;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Today;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notes when an account's facts last changed ({@code health_fact_change}), so that a page
 * can tell whether the score it shows still waits for the recompute that
 * {@link HealthUpdates} runs after the change committed ({@link HealthStore#freshness}).
 * The accounts a transaction changed are written together just before it commits, in id
 * order (two transactions that change the same accounts never wait on each other in
 * opposite orders), with the time of that moment: any recompute that starts reading facts
 * after it sees the change. Off with {@code intime.health.live=false}, when no recompute
 * follows a change.
 */
@Component
class FactChanges {

	private final JdbcClient jdbc;

	private final Today time;

	private final boolean live;

	/** The key of the transaction's pending account ids among its resources. */
	private final Object key = new Object();

	FactChanges(JdbcClient jdbc, Today time, @Value("${intime.health.live:true}") boolean live) {
		this.jdbc = jdbc;
		this.time = time;
		this.live = live;
	}

	@EventListener
	void on(AccountFactChanged event) {
		if (!live || event.accountId() == null) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			write(Set.of(event.accountId()));
			return;
		}
		@SuppressWarnings("unchecked")
		Set<Long> ids = (Set<Long>) TransactionSynchronizationManager.getResource(key);
		if (ids == null) {
			Set<Long> changed = new TreeSet<>();
			TransactionSynchronizationManager.bindResource(key, changed);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					write(changed);
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(key);
				}
			});
			ids = changed;
		}
		ids.add(event.accountId());
	}

	private void write(Collection<Long> accountIds) {
		if (accountIds.isEmpty()) {
			return;
		}
		Instant at = time.now();
		// An account purged in this very transaction is gone: the join leaves it out.
		jdbc.sql(
				"""
						insert into health_fact_change (account_id, changed_at)
						select a.id, :at from account a where a.id = any(:ids) order by a.id
						on conflict (account_id) do update set changed_at = greatest(health_fact_change.changed_at, excluded.changed_at)""")
			.param("at", java.sql.Timestamp.from(at))
			.param("ids", new SqlArrayValue("bigint", accountIds.toArray()))
			.update();
	}

}
