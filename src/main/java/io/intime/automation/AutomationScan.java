package io.intime.automation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.intime.accounts.AccountManagement;
import io.intime.automation.disputes.ClientDisputeLinks;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractTerm;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.qbr.QbrCadence;
import io.intime.qbr.QbrQuarter;
import io.intime.qbr.QbrStatus;
import io.intime.qbr.QbrView;
import io.intime.qbr.Qbrs;
import io.intime.shared.Money;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.workflows.RunView;
import io.intime.workflows.StartRun;
import io.intime.workflows.WorkflowRuns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the occasions of the enabled rules and fires each once: the daily scan (every
 * account, in a few set-based statements whatever their number), and the checks the
 * listeners run for one account, contact or invoice when something happens in between.
 * <p>
 * Once per occasion, across nodes: a firing is the row
 * {@code automation_firing (rule_id, occasion)}, inserted {@code on conflict do nothing};
 * only the transaction whose insert happened starts the run (or sends the alert) and
 * writes what it did, in that same transaction. A second node scanning at the same moment
 * waits on the first one's row and finds it there.
 */
@Service
public class AutomationScan {

	private static final Logger log = LoggerFactory.getLogger(AutomationScan.class);

	/**
	 * Who reads accounts and QBRs for the scan: the system, which sees every account.
	 */
	private static final CurrentUser SYSTEM = new CurrentUser(0, "system", "InTime automation", Role.ADMIN,
			ZoneOffset.UTC);

	private static final Set<StakeholderRole> KEY_ROLES = EnumSet.of(StakeholderRole.EXECUTIVE,
			StakeholderRole.ECONOMIC_BUYER, StakeholderRole.CHAMPION);

	/** What one scan (or one check) found and did. */
	public record Result(int rules, int occasions, int fired, int failed, long millis) {

		/** In words, for a page's message and the log. */
		public String summary() {
			return fired == 0 ? "nothing new among " + occasions + (occasions == 1 ? " occasion" : " occasions")
					: fired + (fired == 1 ? " firing" : " firings") + (failed > 0 ? " (" + failed + " failed)" : "")
							+ " among " + occasions + (occasions == 1 ? " occasion" : " occasions");
		}

	}

	/**
	 * A rule's occasion: its key ({@code contract:42:2027-03-01}), the account, and what
	 * the run is about.
	 *
	 * @param firedBefore whether the rule fired for it already, when the statement that
	 * found it knew (null: not known yet)
	 */
	record Occasion(AutomationRule rule, String key, long accountId, Long contractId, Long invoiceId, ContractTerm term,
			QbrQuarter quarter, Boolean firedBefore) {

		Occasion(AutomationRule rule, String key, long accountId, Long contractId, Long invoiceId, ContractTerm term,
				QbrQuarter quarter) {
			this(rule, key, accountId, contractId, invoiceId, term, quarter, null);
		}

		static Occasion of(AutomationRule rule, String key, long accountId) {
			return new Occasion(rule, key, accountId, null, null, null, null);
		}

	}

	private final AutomationRules rules;

	private final ContractManagement contracts;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final Qbrs qbrs;

	private final WorkflowRuns runs;

	private final ExpiryAlerts alerts;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	private final Today time;

	private final TransactionTemplate separately;

	private final ClientDisputeLinks disputeLinks;

	AutomationScan(AutomationRules rules, ContractManagement contracts, AccountManagement accounts,
			ContactManagement contacts, Qbrs qbrs, WorkflowRuns runs, ExpiryAlerts alerts, UserDirectory users,
			JdbcClient jdbc, Today time, PlatformTransactionManager transactions, ClientDisputeLinks disputeLinks) {
		this.disputeLinks = disputeLinks;
		this.rules = rules;
		this.contracts = contracts;
		this.accounts = accounts;
		this.contacts = contacts;
		this.qbrs = qbrs;
		this.runs = runs;
		this.alerts = alerts;
		this.users = users;
		this.jdbc = jdbc;
		this.time = time;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// ------------------------------------------------------------------ the scan

	/**
	 * Runs the scan now (an admin's "Run scan now"), over every account.
	 * @throws org.springframework.security.access.AccessDeniedException unless the user
	 * is an admin
	 */
	public Result scanNow(CurrentUser user) {
		AutomationRules.requireEditor(user);
		return scan(AccountScope.all());
	}

	/**
	 * The daily scan over the accounts in scope: the rules on contracts ending, health
	 * below a threshold and the quarterly cadence. Each statement reads every account in
	 * scope at once and says which of its occasions fired before (one more statement asks
	 * that of the contracts the contracts module hands over); each new one fires in a
	 * transaction of its own.
	 */
	public Result scan(AccountScope scope) {
		Set<ConditionKind> scanned = EnumSet.noneOf(ConditionKind.class);
		for (ConditionKind kind : ConditionKind.values()) {
			if (kind.scanned()) {
				scanned.add(kind);
			}
		}
		Result result = scan(scope, scanned);
		log.info("Automation scan: {} rules, {} occasions, {} fired ({} failed) in {} ms", result.rules(),
				result.occasions(), result.fired(), result.failed(), result.millis());
		return result;
	}

	Result scan(AccountScope scope, Set<ConditionKind> kinds) {
		long started = System.nanoTime();
		List<AutomationRule> active = acting(rules.enabled(kinds));
		if (active.isEmpty() || scope.isEmpty()) {
			return new Result(active.size(), 0, 0, 0, millisSince(started));
		}
		LocalDate today = time.organizationToday();
		List<Occasion> candidates = new ArrayList<>();
		candidates.addAll(contractsEnding(active, scope, today));
		for (AutomationRule rule : active) {
			if (rule.condition() == ConditionKind.HEALTH_BELOW) {
				candidates.addAll(healthBelow(rule, scope));
			}
			else if (rule.condition() == ConditionKind.QUARTERLY) {
				candidates.addAll(quarterly(rule, scope, today));
			}
		}
		return fire(active.size(), candidates, today, started);
	}

	/** The rules that can act: a rule whose template was archived starts nothing. */
	private static List<AutomationRule> acting(List<AutomationRule> enabled) {
		return enabled.stream()
			.filter(r -> r.action() == ActionKind.SMS_ALERT || (r.templateId() != null && !r.templateArchived()))
			.toList();
	}

	/**
	 * Contracts ending within each rule's days: one statement (the contracts module's
	 * {@link ContractManagement#ending}) for the longest of them.
	 */
	private List<Occasion> contractsEnding(List<AutomationRule> active, AccountScope scope, LocalDate today) {
		List<AutomationRule> ending = active.stream()
			.filter(r -> r.condition() == ConditionKind.CONTRACT_ENDING)
			.toList();
		if (ending.isEmpty()) {
			return List.of();
		}
		int most = ending.stream().mapToInt(AutomationRule::days).max().orElseThrow();
		List<ContractTerm> terms = contracts.ending(today, today.plusDays(most), scope);
		List<Occasion> found = new ArrayList<>();
		for (AutomationRule rule : ending) {
			LocalDate until = today.plusDays(rule.days());
			for (ContractTerm term : terms) {
				if (!term.endDate().isAfter(until)) {
					found.add(new Occasion(rule, "contract:" + term.id() + ":" + term.endDate(), term.accountId(),
							term.id(), null, term, null));
				}
			}
		}
		return found;
	}

	/**
	 * Accounts whose health score is below the rule's threshold, with the day it went
	 * below (the first score under it after the last one at or above it), so that one
	 * drop fires once however long it lasts and a later drop fires again.
	 * <p>
	 * Read-only SQL over the health module's scores: its facade reads one account at a
	 * time, which would be a statement per account here.
	 */
	private List<Occasion> healthBelow(AutomationRule rule, AccountScope scope) {
		String sql = """
				select s.account_id, s.since,
				       exists (select 1 from automation_firing f
				                where f.rule_id = :rule
				                  and f.occasion = 'account:' || s.account_id || ':health:' || to_char(s.since, 'YYYY-MM-DD'))
				  from (select h.account_id,
				               coalesce((select min(x.as_of) from account_health_history x
				                          where x.account_id = h.account_id and x.score < :threshold
				                            and x.computed_at > coalesce((select max(y.computed_at) from account_health_history y
				                                                           where y.account_id = h.account_id
				                                                             and y.score >= :threshold),
				                                                         '-infinity'::timestamptz)),
				                        h.as_of) as since
				          from account_health h join account a on a.id = h.account_id
				         where h.score < :threshold and a.archived_at is null"""
				+ scope.clause("h.account_id") + ") s";
		return scope.bind(jdbc.sql(sql))
			.param("rule", rule.id())
			.param("threshold", rule.threshold())
			.query((rs, n) -> new Occasion(rule, "account:" + rs.getLong(1) + ":health:" + rs.getDate(2).toLocalDate(),
					rs.getLong(1), null, null, null, null, rs.getBoolean(3)))
			.list();
	}

	/**
	 * The active accounts of the rule's tiers (an account flagged strategic counts as
	 * Strategic), one occasion per account and quarter.
	 * <p>
	 * Read-only SQL over the accounts' tier and status: the accounts module's lists are
	 * read for a user or an owner, with more than this needs.
	 */
	private List<Occasion> quarterly(AutomationRule rule, AccountScope scope, LocalDate today) {
		QbrQuarter quarter = QbrQuarter.of(today);
		String sql = """
				select a.id,
				       exists (select 1 from automation_firing f
				                where f.rule_id = :rule and f.occasion = 'account:' || a.id || ':' || :quarter)
				  from account a
				 where a.archived_at is null and a.status = 'ACTIVE'
				   and (a.tier = any(:tiers) or (a.strategic and :strategic))""" + scope.clause("a.id");
		return scope.bind(jdbc.sql(sql))
			.param("rule", rule.id())
			.param("quarter", quarter.code())
			.param("tiers", new SqlArrayValue("varchar", rule.tiers().stream().map(Enum::name).toArray()))
			.param("strategic", rule.tiers().contains(Tier.STRATEGIC))
			.query((rs, n) -> new Occasion(rule, "account:" + rs.getLong(1) + ":" + quarter.code(), rs.getLong(1), null,
					null, null, quarter, rs.getBoolean(2)))
			.list();
	}

	// ------------------------------------------------------------------ what
	// happens in between

	/**
	 * A contract of the account was created or changed: the onboarding of a prospect
	 * whose first contract is now ACTIVE, and the rules on contracts ending (a contract
	 * signed or moved into their window before the next daily scan).
	 */
	public Result contractChanged(long accountId, long contractId) {
		long started = System.nanoTime();
		List<AutomationRule> onboarding = acting(rules.enabled(EnumSet.of(ConditionKind.FIRST_CONTRACT_SIGNED)));
		List<Occasion> candidates = new ArrayList<>();
		if (!onboarding.isEmpty() && firstContractSigned(accountId, contractId)) {
			for (AutomationRule rule : onboarding) {
				candidates.add(new Occasion(rule, "account:" + accountId + ":first-contract", accountId, contractId,
						null, null, null));
			}
		}
		Result first = fire(onboarding.size(), candidates, time.organizationToday(), started);
		Result ending = scan(AccountScope.of(List.of(accountId)), EnumSet.of(ConditionKind.CONTRACT_ENDING));
		return new Result(first.rules() + ending.rules(), first.occasions() + ending.occasions(),
				first.fired() + ending.fired(), first.failed() + ending.failed(), millisSince(started));
	}

	/**
	 * Whether the contract is the account's first signed one: it is ACTIVE, the account
	 * is still a prospect, and none of its contracts ran before (expired or renewed).
	 */
	private boolean firstContractSigned(long accountId, long contractId) {
		List<ContractTerm> terms = contracts.terms(AccountScope.of(List.of(accountId)));
		ContractTerm signed = terms.stream().filter(t -> t.id() == contractId).findFirst().orElse(null);
		if (signed == null || signed.status() != ContractStatus.ACTIVE) {
			return false;
		}
		boolean ranBefore = terms.stream()
			.anyMatch(t -> t.id() != contractId
					&& (t.status() == ContractStatus.EXPIRED || t.status() == ContractStatus.RENEWED));
		return !ranBefore && accounts.get(accountId, SYSTEM).status() == AccountStatus.PROSPECT;
	}

	/** The account's health changed: the rules on health below a threshold, for it. */
	public Result healthChanged(long accountId) {
		return scan(AccountScope.of(List.of(accountId)), EnumSet.of(ConditionKind.HEALTH_BELOW));
	}

	/**
	 * A contact was deactivated: when it is a key contact (an executive, economic buyer
	 * or champion, or of high influence), the rules on a key contact leaving fire for it.
	 */
	public Result contactLeft(long contactId) {
		long started = System.nanoTime();
		List<AutomationRule> leaving = acting(rules.enabled(EnumSet.of(ConditionKind.KEY_CONTACT_LEFT)));
		if (leaving.isEmpty()) {
			return new Result(0, 0, 0, 0, millisSince(started));
		}
		ContactView contact = contacts.byIds(List.of(contactId)).get(contactId);
		if (contact == null || contact.active()
				|| !(KEY_ROLES.contains(contact.stakeholderRole()) || contact.influence() == Influence.HIGH)) {
			return new Result(leaving.size(), 0, 0, 0, millisSince(started));
		}
		List<Occasion> candidates = leaving.stream()
			.map(rule -> Occasion.of(rule, "contact:" + contactId + ":left", contact.accountId()))
			.toList();
		return fire(leaving.size(), candidates, time.organizationToday(), started);
	}

	/**
	 * An invoice was disputed (on {@code at}): the billing dispute rules fire for it,
	 * once per invoice and day.
	 */
	public Result invoiceDisputed(long accountId, long invoiceId, Instant at) {
		long started = System.nanoTime();
		List<AutomationRule> disputes = acting(rules.enabled(EnumSet.of(ConditionKind.BILLING_DISPUTE)));
		LocalDate day = LocalDate.ofInstant(at, Today.ORGANIZATION_ZONE);
		List<Occasion> candidates = disputes.stream()
			.map(rule -> new Occasion(rule, "invoice:" + invoiceId + ":disputed:" + day, accountId, null, invoiceId,
					null, null))
			.toList();
		return fire(disputes.size(), candidates, time.organizationToday(), started);
	}

	// ------------------------------------------------------------------ firing

	private Result fire(int ruleCount, List<Occasion> candidates, LocalDate today, long started) {
		List<Occasion> fresh = unfired(candidates);
		if (fresh.isEmpty()) {
			return new Result(ruleCount, candidates.size(), 0, 0, millisSince(started));
		}
		Set<Long> accountIds = fresh.stream().map(Occasion::accountId).collect(Collectors.toSet());
		Map<Long, AccountManagement.Stewards> stewards = accounts.stewards(accountIds);
		Map<Long, Long> qbrIds = qbrsOf(fresh);
		Set<Long> alerted = fresh.stream()
			.filter(o -> o.rule().action() == ActionKind.SMS_ALERT)
			.map(o -> stewards.get(o.accountId()))
			.filter(Objects::nonNull)
			.map(AccountManagement.Stewards::ownerId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		Map<Long, UserSummary> managers = alerted.isEmpty() ? Map.of() : users.findAll(alerted);
		int fired = 0;
		int failed = 0;
		for (Occasion occasion : fresh) {
			AccountManagement.Stewards account = stewards.get(occasion.accountId());
			if (account == null) {
				continue; // removed since it was found
			}
			Boolean done;
			try {
				done = separately.execute(status -> fireOnce(occasion, account, qbrIds, managers, today));
			}
			catch (RuntimeException e) {
				log.warn("Automation rule {} could not act on {}", occasion.rule().id(), occasion.key(), e);
				done = separately.execute(status -> recordFailure(occasion, e));
				if (Boolean.TRUE.equals(done)) {
					failed++;
				}
			}
			if (Boolean.TRUE.equals(done)) {
				fired++;
			}
		}
		return new Result(ruleCount, candidates.size(), fired, failed, millisSince(started));
	}

	/**
	 * The candidates whose rule has not fired for them yet: those the statement that
	 * found them knew about as it said, the others looked up in one statement.
	 */
	private List<Occasion> unfired(List<Occasion> candidates) {
		List<Occasion> unknown = candidates.stream().filter(o -> o.firedBefore() == null).toList();
		List<Occasion> fresh = new ArrayList<>(
				candidates.stream().filter(o -> Boolean.FALSE.equals(o.firedBefore())).toList());
		if (unknown.isEmpty()) {
			return fresh;
		}
		jdbc.sql("""
				select (c.i - 1)::int from unnest(:rules, :occasions) with ordinality as c(rule_id, occasion, i)
				 where not exists (select 1 from automation_firing f
				                    where f.rule_id = c.rule_id and f.occasion = c.occasion)""")
			.param("rules", new SqlArrayValue("bigint", unknown.stream().map(o -> o.rule().id()).toArray()))
			.param("occasions", new SqlArrayValue("varchar", unknown.stream().map(Occasion::key).toArray()))
			.query(Integer.class)
			.list()
			.forEach(i -> fresh.add(unknown.get(i)));
		return fresh;
	}

	/**
	 * The QBR of its quarter for each new quarterly occasion that has one (the QBR module
	 * plans them by each account's cadence), by account.
	 */
	private Map<Long, Long> qbrsOf(List<Occasion> fresh) {
		Map<QbrQuarter, List<Long>> byQuarter = fresh.stream()
			.filter(o -> o.quarter() != null)
			.collect(Collectors.groupingBy(Occasion::quarter,
					Collectors.mapping(Occasion::accountId, Collectors.toList())));
		Map<Long, Long> found = new HashMap<>();
		byQuarter.forEach((quarter, accountIds) -> {
			LocalDate due = QbrCadence.dueDate(quarter);
			for (QbrView qbr : qbrs.between(due, due, accountIds, SYSTEM)) {
				if (qbr.quarter().equals(quarter) && qbr.status() != QbrStatus.CANCELLED) {
					found.putIfAbsent(qbr.accountId(), qbr.id());
				}
			}
		});
		return found;
	}

	/**
	 * Records the firing and, only when this transaction recorded it, acts and writes
	 * what it did. Whether it fired (false: another scan had).
	 */
	private Boolean fireOnce(Occasion occasion, AccountManagement.Stewards account, Map<Long, Long> qbrIds,
			Map<Long, UserSummary> managers, LocalDate today) {
		Long firingId = jdbc.sql("""
				insert into automation_firing (rule_id, occasion, account_id, fired_at, result)
				values (:rule, :occasion, :account, :at, 'Firing')
				on conflict (rule_id, occasion) do nothing returning id""")
			.param("rule", occasion.rule().id())
			.param("occasion", occasion.key())
			.param("account", occasion.accountId())
			.param("at", Timestamp.from(time.now()))
			.query(Long.class)
			.optional()
			.orElse(null);
		if (firingId == null) {
			return false;
		}
		AutomationRule rule = occasion.rule();
		Long runId = null;
		String result;
		if (rule.action() == ActionKind.SMS_ALERT) {
			ContractTerm term = occasion.term();
			boolean sent = alerts.alertIfDue(account.accountId(), account.name(), term.id(), term.number(),
					term.endDate(), new Money(term.arr() == null ? BigDecimal.ZERO : term.arr(), term.currency()),
					today);
			UserSummary manager = account.ownerId() == null ? null : managers.get(account.ownerId());
			String who = manager == null ? "the account manager" : manager.fullName();
			result = sent ? "SMS to " + who + ": contract " + term.number() + " ends " + term.endDate()
					: "No SMS: contract " + term.number() + " ends " + term.endDate() + ", more than "
							+ ExpiryAlerts.WITHIN_DAYS + " days away";
		}
		else {
			Long owner = switch (rule.ownerKind()) {
				case ACCOUNT_MANAGER -> null;
				case EXECUTIVE_SPONSOR -> account.executiveSponsorId();
				case USER -> rule.ownerUserId();
			};
			// a dispute the client raised through their link: they play its client role
			Map<String, Long> clients = occasion.invoiceId() == null ? null
					: disputeLinks.raisedBy(occasion.invoiceId())
						.map(contact -> Map.of("client", contact))
						.orElse(null);
			StartRun start = new StartRun(null, rule.templateId(), occasion.accountId(), occasion.contractId(),
					qbrIds.get(occasion.accountId()), null, occasion.invoiceId(), owner, clients, null, null);
			RunView run = runs.startBySystem(start);
			runId = run.id();
			result = "Started " + run.templateName() + " #" + run.id();
		}
		jdbc.sql("update automation_firing set run_id = :run, result = :result where id = :id")
			.param("run", runId, java.sql.Types.BIGINT)
			.param("result", result)
			.param("id", firingId)
			.update();
		return true;
	}

	/**
	 * An occasion whose action failed is recorded as fired, with the error: it is shown
	 * on the rule's page rather than tried again and again by every scan.
	 */
	private Boolean recordFailure(Occasion occasion, RuntimeException error) {
		String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
		String result = "Failed: " + message;
		return jdbc.sql("""
				insert into automation_firing (rule_id, occasion, account_id, fired_at, result)
				values (:rule, :occasion, :account, :at, :result)
				on conflict (rule_id, occasion) do nothing""")
			.param("rule", occasion.rule().id())
			.param("occasion", occasion.key())
			.param("account", occasion.accountId())
			.param("at", Timestamp.from(time.now()))
			.param("result", result.length() <= 500 ? result : result.substring(0, 499) + "…")
			.update() == 1;
	}

	private static long millisSince(long started) {
		return (System.nanoTime() - started) / 1_000_000;
	}

}
