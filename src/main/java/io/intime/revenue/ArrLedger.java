package io.intime.revenue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.intime.accounts.ContractCreated;
import io.intime.accounts.ContractDeleted;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractStatusChanged;
import io.intime.accounts.ContractTerm;
import io.intime.accounts.ContractUpdated;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.shared.scheduling.ReviveOnSchedulerClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the ARR movements in line with the contracts: after every contract change the
 * account is reconciled ({@link MovementDerivation}); a sweep on the scheduler brings in
 * contracts that arrived without an event (bulk loads) with their history. Accounts are
 * locked while reconciled, so two nodes never record the same change twice.
 */
@Service
public class ArrLedger {

	private static final Logger log = LoggerFactory.getLogger(ArrLedger.class);

	/**
	 * The advisory lock space of ARR reconciliation (the account id is the second key).
	 */
	private static final int LOCK_SPACE = 4701;

	private static final int BATCH = 500;

	private final ContractManagement contracts;

	private final JdbcClient jdbc;

	private final Today time;

	ArrLedger(ContractManagement contracts, JdbcClient jdbc, Today time) {
		this.contracts = contracts;
		this.jdbc = jdbc;
		this.time = time;
	}

	@ApplicationModuleListener
	void on(ContractCreated event) {
		reconcile(List.of(event.accountId()), event.actor().name());
	}

	@ApplicationModuleListener
	void on(ContractUpdated event) {
		reconcile(List.of(event.accountId()), event.actor().name());
	}

	@ApplicationModuleListener
	void on(ContractStatusChanged event) {
		reconcile(List.of(event.accountId()), event.actor().name());
	}

	@ApplicationModuleListener
	void on(ContractDeleted event) {
		reconcile(List.of(event.accountId()), event.actor().name());
	}

	/**
	 * Brings these accounts' movements in line with their contracts, in a few statements
	 * however many accounts.
	 * @return the number of movements recorded
	 */
	@Transactional
	public int reconcile(List<Long> accountIds, String actor) {
		if (accountIds.isEmpty()) {
			return 0;
		}
		List<Long> ids = accountIds.stream().distinct().sorted().toList();
		jdbc.sql("select pg_advisory_xact_lock(:space, id::int) from unnest(:ids) as id order by id")
			.param("space", LOCK_SPACE)
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query((rs, n) -> 1)
			.list();
		AccountScope scope = AccountScope.of(ids);
		Map<Long, List<ContractTerm>> terms = contracts.terms(scope)
			.stream()
			.collect(Collectors.groupingBy(ContractTerm::accountId));
		Map<Long, Map<Long, MovementDerivation.Recorded>> ledger = new HashMap<>();
		jdbc.sql("select account_id, contract_id, contract_number, currency, arr, status from contract_arr"
				+ " where account_id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query(rs -> {
				ledger.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.put(rs.getLong(2), new MovementDerivation.Recorded(rs.getLong(2), rs.getString(3), rs.getString(4),
							rs.getBigDecimal(5), ContractStatus.valueOf(rs.getString(6))));
			});
		Map<Long, List<MovementDerivation.Past>> past = new HashMap<>();
		jdbc.sql("select account_id, occurred_on, currency, amount from arr_movement"
				+ " where account_id = any(:ids) and kind <> 'RENEWAL'")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query(rs -> {
				past.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new MovementDerivation.Past(rs.getDate(2).toLocalDate(), rs.getString(3),
							rs.getBigDecimal(4)));
			});
		Map<Long, ChurnCategory> reasons = new HashMap<>();
		jdbc.sql("select contract_id, category from churn_reason where account_id = any(:ids)")
			.param("ids", new SqlArrayValue("bigint", ids.toArray()))
			.query(rs -> {
				reasons.put(rs.getLong(1), ChurnCategory.valueOf(rs.getString(2)));
			});
		List<Object[]> movements = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		List<Long> forgotten = new ArrayList<>();
		for (long id : ids) {
			MovementDerivation.Result result = MovementDerivation.derive(terms.getOrDefault(id, List.of()),
					ledger.getOrDefault(id, Map.of()), past.getOrDefault(id, List.of()), reasons::get,
					time.organizationToday());
			for (MovementDerivation.Derived m : result.movements()) {
				movements.add(new Object[] { id, m.contractId(), m.number(), m.kind().name(), m.on(), m.amount(),
						m.currency(), truncate(m.cause()), m.category() == null ? null : m.category().name(), actor });
			}
			Map<Long, MovementDerivation.Recorded> before = ledger.getOrDefault(id, Map.of());
			for (MovementDerivation.Recorded r : result.ledger()) {
				if (!r.equals(before.get(r.contractId()))) {
					rows.add(new Object[] { r.contractId(), id, r.number(), r.currency(), r.arr(), r.status().name() });
				}
			}
			forgotten.addAll(result.forgotten());
		}
		insertMovements(movements);
		upsertLedger(rows);
		if (!forgotten.isEmpty()) {
			jdbc.sql("delete from contract_arr where contract_id = any(:ids)")
				.param("ids", new SqlArrayValue("bigint", forgotten.toArray()))
				.update();
		}
		return movements.size();
	}

	private void insertMovements(List<Object[]> movements) {
		if (movements.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into arr_movement (account_id, contract_id, contract_number, kind, occurred_on, amount, currency,
				                          cause, churn_category, recorded_by)
				select * from unnest(:account::bigint[], :contract::bigint[], :number::varchar[], :kind::varchar[],
				                     :occurred::date[], :amount::numeric[], :currency::varchar[], :cause::varchar[],
				                     :category::varchar[], :actor::varchar[])""")
			.param("account", column(movements, 0, "bigint"))
			.param("contract", column(movements, 1, "bigint"))
			.param("number", column(movements, 2, "varchar"))
			.param("kind", column(movements, 3, "varchar"))
			.param("occurred", column(movements, 4, "date"))
			.param("amount", column(movements, 5, "numeric"))
			.param("currency", column(movements, 6, "varchar"))
			.param("cause", column(movements, 7, "varchar"))
			.param("category", column(movements, 8, "varchar"))
			.param("actor", column(movements, 9, "varchar"))
			.update();
	}

	private void upsertLedger(List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.sql("""
				insert into contract_arr (contract_id, account_id, contract_number, currency, arr, status)
				select * from unnest(:contract::bigint[], :account::bigint[], :number::varchar[], :currency::varchar[],
				                     :arr::numeric[], :status::varchar[])
				on conflict (contract_id) do update set contract_number = excluded.contract_number,
				       currency = excluded.currency, arr = excluded.arr, status = excluded.status""")
			.param("contract", column(rows, 0, "bigint"))
			.param("account", column(rows, 1, "bigint"))
			.param("number", column(rows, 2, "varchar"))
			.param("currency", column(rows, 3, "varchar"))
			.param("arr", column(rows, 4, "numeric"))
			.param("status", column(rows, 5, "varchar"))
			.update();
	}

	private static SqlArrayValue column(List<Object[]> rows, int index, String type) {
		Object[] values = new Object[rows.size()];
		for (int i = 0; i < values.length; i++) {
			Object value = rows.get(i)[index];
			values[i] = value instanceof java.time.LocalDate date ? java.sql.Date.valueOf(date) : value;
		}
		return new SqlArrayValue(type, values);
	}

	private static String truncate(String cause) {
		return cause.length() <= 500 ? cause : cause.substring(0, 497) + "...";
	}

	/**
	 * Reconciles every account with a contract the ledger has not seen (contracts loaded
	 * in bulk, or written before the ledger existed), in batches.
	 * @return the number of movements recorded
	 */
	public int sweep() {
		java.util.Set<Long> known = new java.util.HashSet<>(
				jdbc.sql("select contract_id from contract_arr").query(Long.class).list());
		java.util.SortedSet<Long> unseen = new java.util.TreeSet<>();
		contracts.contractAccounts().forEach((contract, account) -> {
			if (!known.contains(contract)) {
				unseen.add(account);
			}
		});
		List<Long> all = new ArrayList<>(unseen);
		int recorded = 0;
		for (int i = 0; i < all.size(); i += BATCH) {
			recorded += reconcile(all.subList(i, Math.min(all.size(), i + BATCH)), "system");
		}
		if (!all.isEmpty()) {
			log.info("ARR ledger: brought in the contracts of {} accounts, {} movements", all.size(), recorded);
		}
		return recorded;
	}

	/**
	 * Says, before a contract ends, why its client will be lost: the churn recorded when
	 * its ARR leaves takes this category (a renewal's "churned" outcome, a client
	 * acquired). Replaces what was said before.
	 */
	@Transactional
	public void recordChurnReason(long accountId, long contractId, ChurnCategory category, String note) {
		jdbc.sql(
				"""
						insert into churn_reason (contract_id, account_id, category, note) values (:contract, :account, :category, :note)
						on conflict (contract_id) do update set category = excluded.category, note = excluded.note""")
			.param("contract", contractId)
			.param("account", accountId)
			.param("category", category.name())
			.param("note", note)
			.update();
	}

	/**
	 * A change of ARR brought from the system the organization used before InTime (and by
	 * the benchmark's synthetic history): recorded as it was, with its cause.
	 */
	public record ImportedMovement(long accountId, ArrMovementKind kind, java.time.LocalDate occurredOn,
			BigDecimal amount, String currency, String cause, ChurnCategory churnCategory) {
	}

	/**
	 * Imports ARR history in one statement per thousand movements. Signs follow the kind
	 * (gains positive, losses negative), as in derived movements.
	 * @return the number imported
	 */
	@Transactional
	public int importHistory(List<ImportedMovement> history, String actor) {
		List<Object[]> rows = new ArrayList<>();
		int imported = 0;
		for (ImportedMovement m : history) {
			rows.add(
					new Object[] { m.accountId(), null, null, m.kind().name(), m.occurredOn(), m.amount(), m.currency(),
							truncate(m.cause()), m.churnCategory() == null ? null : m.churnCategory().name(), actor });
			if (rows.size() == 1000) {
				insertMovements(rows);
				imported += rows.size();
				rows.clear();
			}
		}
		insertMovements(rows);
		return imported + rows.size();
	}

	/** The total recorded ARR per currency of one account (for checks and tests). */
	@Transactional(readOnly = true)
	public Map<String, BigDecimal> recordedArr(long accountId) {
		Map<String, BigDecimal> arr = new HashMap<>();
		jdbc.sql("select currency, sum(amount) from arr_movement where account_id = :id and kind <> 'RENEWAL'"
				+ " group by currency")
			.param("id", accountId)
			.query(rs -> {
				arr.put(rs.getString(1), rs.getBigDecimal(2));
			});
		return arr;
	}

	@Configuration(proxyBeanMethods = false)
	static class SweepJob {

		/**
		 * Brings in contracts that arrived without an event, soon after start and then
		 * every few minutes (once across nodes).
		 */
		@Bean
		RecurringTask<Void> arrLedgerSweep(ArrLedger ledger,
				@Value("${intime.revenue.ledger-sweep-interval:5m}") Duration interval) {
			return Tasks.recurring("revenue.arr-ledger-sweep", Schedules.fixedDelay(interval))
				.onDeadExecution(new ReviveOnSchedulerClock<>())
				.execute((instance, context) -> ledger.sweep());
		}

	}

}
