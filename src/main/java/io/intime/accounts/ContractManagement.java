package io.intime.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.intime.accounts.internal.Account;
import io.intime.accounts.internal.AccountRules;
import io.intime.accounts.internal.Contract;
import io.intime.accounts.internal.Contracts;
import io.intime.accounts.internal.FormValidation;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.identity.FieldChange;
import io.intime.shared.CurrencyRates;
import io.intime.shared.DuplicateException;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Editable;
import io.intime.shared.FieldError;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.PageFormat;
import io.intime.shared.Today;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contracts (MSAs and SOWs) with their service lines. A change to a contract recomputes
 * its account's ARR (the sum over ACTIVE contracts) and tier in the same transaction.
 */
@Service
public class ContractManagement {

	static final String ENTITY = "contract";

	private final Contracts contracts;

	private final AccountManagement accountManagement;

	private final AccountRules rules;

	private final FormValidation validation;

	private final AuditTrail audit;

	private final CurrencyRates rates;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	ContractManagement(Contracts contracts, AccountManagement accountManagement, AccountRules rules,
			FormValidation validation, AuditTrail audit, CurrencyRates rates, ApplicationEventPublisher events,
			JdbcClient jdbc, Today time) {
		this.contracts = contracts;
		this.accountManagement = accountManagement;
		this.rules = rules;
		this.validation = validation;
		this.audit = audit;
		this.rates = rates;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
	}

	/**
	 * The contracts of one account, latest end date first; refused to users who may not
	 * see them.
	 */
	@Transactional(readOnly = true)
	public List<ContractView> forAccount(long accountId, CurrentUser user) {
		Account account = viewable(accountId, user);
		return contracts.findByAccountWithLines(accountId).stream().map(c -> c.toView(account.name())).toList();
	}

	/** Contracts the user may see, optionally of one account and with one status. */
	@Transactional(readOnly = true)
	public PageResult<ContractView> search(Long accountId, ContractStatus status, PageRequest page, CurrentUser user) {
		AccountRules.ContractScope scope = rules.contractScope(user);
		if (scope == AccountRules.ContractScope.NONE) {
			throw new AccessDeniedException("Your role does not see contracts");
		}
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (accountId != null) {
			where.append(" and c.account_id = :account");
			params.put("account", accountId);
		}
		if (status != null) {
			where.append(" and c.status = :status");
			params.put("status", status.name());
		}
		if (scope == AccountRules.ContractScope.OWNED) {
			where.append(" and c.account_id in (select id from account where owner_id = :me)");
			params.put("me", user.id());
		}
		List<Long> ids = jdbc
			.sql("select c.id from contract c" + where
					+ " order by c.end_date desc, c.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(Long.class)
			.list();
		long total = jdbc.sql("select count(*) from contract c" + where).params(params).query(Long.class).single();
		Map<Long, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql(
					"select distinct a.id, a.name from account a join contract c on c.account_id = a.id where c.id in (:ids)")
				.param("ids", ids)
				.query(rs -> {
					names.put(rs.getLong(1), rs.getString(2));
				});
		}
		Map<Long, Contract> loaded = new HashMap<>();
		if (!ids.isEmpty()) {
			contracts.findAllWithLines(ids).forEach(c -> loaded.put(c.id(), c));
		}
		List<ContractView> items = ids.stream()
			.map(loaded::get)
			.filter(Objects::nonNull)
			.map(c -> c.toView(names.get(c.accountId())))
			.toList();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	@Transactional(readOnly = true)
	public ContractView get(long id, CurrentUser user) {
		Contract contract = load(id);
		Account account = viewable(contract.accountId(), user);
		return contract.toView(account.name());
	}

	@Transactional(readOnly = true)
	public Editable<ContractForm> editable(long id, CurrentUser user) {
		Contract contract = load(id);
		viewable(contract.accountId(), user);
		return new Editable<>(id, contract.toForm(), contract.version());
	}

	/**
	 * Adds a contract (executives, sales directors, admins, legal); publishes
	 * contract.created.
	 */
	@Transactional
	public ContractView create(long accountId, ContractForm form, CurrentUser user) {
		Account account = accountManagement.load(accountId);
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).editContracts(),
				"Only executives, sales directors, legal and admins create contracts");
		requireExecution(null, form.status(), account, user);
		validate(form, null);
		Contract contract = contracts.saveAndFlush(new Contract(accountId, form, user.username(), time.now()));
		audit.recordCreated(ENTITY, contract.id(), contract.auditState(), user);
		events.publishEvent(new ContractCreated(accountId, contract.id(),
				FieldChange.between(Map.of(), contract.auditState()), user.actor(), time.now()));
		accountArrChanged(account, user);
		return contract.toView(account.name());
	}

	/**
	 * Changes a contract with its service lines; a stale version is refused. Publishes
	 * contract.updated.
	 */
	@Transactional
	public ContractView update(long id, ContractForm form, long expectedVersion, CurrentUser user) {
		Contract contract = load(id);
		Account account = accountManagement.load(contract.accountId());
		rules.requireView(user, account);
		AccountAccess access = rules.access(user, account);
		if (!access.editContracts()) {
			ContractForm current = contract.toForm();
			ContractForm onlyStatus = new ContractForm(current.type(), current.number(), current.startDate(),
					current.endDate(), form.status(), current.paymentTerms(), current.currency(),
					current.serviceLines());
			AccountRules.require(access.changeContractStatus() && onlyStatus.equals(form), access.changeContractStatus()
					? "You may change only the status of this contract" : "You may not change this contract");
		}
		requireExecution(contract.status(), form.status(), account, user);
		checkVersion(contract, expectedVersion);
		requireTransition(contract, form.status(), null, true);
		validate(form, id);
		ContractStatus from = contract.status();
		Map<String, Object> before = contract.auditState();
		contract.apply(form);
		List<FieldChange> changes = FieldChange.between(before, contract.auditState());
		if (changes.isEmpty()) {
			return contract.toView(account.name());
		}
		contract.updated(user.username(), time.now());
		contracts.saveAndFlush(contract);
		audit.recordChanges(ENTITY, id, changes, user);
		Instant now = time.now();
		events.publishEvent(new ContractUpdated(account.id(), id, changes, user.actor(), now));
		if (from != contract.status()) {
			events.publishEvent(new ContractStatusChanged(account.id(), id, contract.number(), from, contract.status(),
					user.actor(), now));
		}
		accountArrChanged(account, user);
		return contract.toView(account.name());
	}

	/**
	 * Moves a contract to another status: account managers may do this (and only this) on
	 * the accounts they own. Only the moves of {@link ContractStatus#next()} are allowed;
	 * a reactivation (an expired or terminated contract made ACTIVE again) needs a
	 * {@code reason}, kept in the audit trail. Publishes contract.status.changed.
	 */
	@Transactional
	public ContractView changeStatus(long id, ContractStatus status, String reason, long expectedVersion,
			CurrentUser user) {
		Contract contract = load(id);
		Account account = accountManagement.load(contract.accountId());
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).changeContractStatus(),
				"You may not change this contract's status");
		requireExecution(contract.status(), status, account, user);
		checkVersion(contract, expectedVersion);
		ContractStatus from = contract.status();
		if (from == status) {
			return contract.toView(account.name());
		}
		requireTransition(contract, status, reason, false);
		contract.changeStatus(status);
		contract.updated(user.username(), time.now());
		contracts.saveAndFlush(contract);
		List<FieldChange> changes = new ArrayList<>(List.of(new FieldChange("status", from.name(), status.name())));
		if (reason != null && !reason.isBlank()) {
			changes.add(new FieldChange("statusReason", null, reason.trim()));
		}
		audit.recordChanges(ENTITY, id, changes, user);
		Instant now = time.now();
		events.publishEvent(new ContractUpdated(account.id(), id, changes, user.actor(), now));
		events.publishEvent(
				new ContractStatusChanged(account.id(), id, contract.number(), from, status, user.actor(), now));
		accountArrChanged(account, user);
		return contract.toView(account.name());
	}

	/**
	 * A contract moves only along its life ({@link ContractStatus#next()}); a
	 * reactivation needs a reason, which the edit form does not ask for, so there it is
	 * refused.
	 */
	private static void requireTransition(Contract contract, ContractStatus to, String reason, boolean fromEditForm) {
		ContractStatus from = contract.status();
		if (to == null || from == to) {
			return;
		}
		if (!from.canMoveTo(to)) {
			String state = PageFormat.labelOf(from).toLowerCase(java.util.Locale.ROOT);
			String article = "aeiou".indexOf(state.charAt(0)) >= 0 ? "An " : "A ";
			List<String> next = from.next()
				.stream()
				.map(status -> PageFormat.labelOf(status).toLowerCase(java.util.Locale.ROOT))
				.toList();
			throw new InvalidInputException("status", next.isEmpty()
					? article + state + " contract keeps its status; a renewal is a new contract"
					: article + state + " contract can only become "
							+ (next.size() == 1 ? next.get(0) : String.join(", ", next.subList(0, next.size() - 1))
									+ " or " + next.get(next.size() - 1)));
		}
		if (from.reactivatedBy(to)) {
			if (fromEditForm) {
				throw new InvalidInputException("status", "Reactivate an ended contract with Change status on the "
						+ "Contracts tab, which asks for the reason");
			}
			if (reason == null || reason.isBlank()) {
				throw new InvalidInputException("reason", "Say why this ended contract becomes active again");
			}
			if (reason.length() > 1000) {
				throw new InvalidInputException("reason", "Keep the reason under 1,000 characters");
			}
		}
	}

	/**
	 * Renews a contract in one transaction: a successor contract (same type, terms and
	 * currency; the next year from the day after its end; its service lines scaled to
	 * {@code newArr}, or kept when null) is executed (ACTIVE) and the contract becomes
	 * RENEWED. Only those who execute contracts may. Publishes contract.created and
	 * contract.status.changed.
	 * @return the successor
	 */
	@Transactional
	public ContractView renew(long contractId, java.math.BigDecimal newArr, CurrentUser user) {
		Contract contract = load(contractId);
		if (contract.status() != ContractStatus.ACTIVE && contract.status() != ContractStatus.EXPIRED) {
			throw new InvalidInputException("status",
					"Only an active or expired contract is renewed; " + contract.number() + " is "
							+ PageFormat.labelOf(contract.status()).toLowerCase(java.util.Locale.ROOT));
		}
		ContractForm current = contract.toForm();
		List<io.intime.accounts.ServiceLineForm> lines = current.serviceLines();
		java.math.BigDecimal total = lines.stream()
			.map(io.intime.accounts.ServiceLineForm::annualValue)
			.reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
		if (newArr != null && newArr.signum() <= 0) {
			throw new InvalidInputException("newArr", "The renewed ARR must be above 0");
		}
		if (newArr != null && newArr.compareTo(total) != 0) {
			List<io.intime.accounts.ServiceLineForm> scaled = new ArrayList<>();
			java.math.BigDecimal rest = newArr;
			for (int i = 0; i < lines.size(); i++) {
				java.math.BigDecimal value = i == lines.size() - 1 ? rest : total.signum() == 0
						? java.math.BigDecimal.ZERO
						: lines.get(i).annualValue().multiply(newArr).divide(total, 2, java.math.RoundingMode.HALF_UP);
				rest = rest.subtract(value);
				scaled.add(new io.intime.accounts.ServiceLineForm(lines.get(i).name(), value));
			}
			lines = scaled;
		}
		LocalDate start = contract.endDate().plusDays(1);
		String number = successorNumber(current.number(), start.getYear());
		ContractView successor = create(contract.accountId(),
				new ContractForm(current.type(), number, start, start.plusYears(1).minusDays(1), ContractStatus.ACTIVE,
						current.paymentTerms(), current.currency(), lines),
				user);
		changeStatus(contractId, ContractStatus.RENEWED, null, load(contractId).version(), user);
		return successor;
	}

	private String successorNumber(String number, int year) {
		String base = number.replaceAll("-R\\d{4}(-\\d+)?$", "");
		String candidate = base + "-R" + year;
		for (int n = 2; contracts.findByNumber(candidate).isPresent(); n++) {
			candidate = base + "-R" + year + "-" + n;
		}
		return candidate.length() <= 40 ? candidate : candidate.substring(candidate.length() - 40);
	}

	/**
	 * Moving a contract into ACTIVE executes it, which only those who sign for the firm
	 * may ({@link AccountRules}).
	 */
	private void requireExecution(ContractStatus from, ContractStatus to, Account account, CurrentUser user) {
		if (to == ContractStatus.ACTIVE && from != ContractStatus.ACTIVE) {
			AccountRules.require(rules.access(user, account).executeContracts(),
					"Only legal, sales directors and executives execute contracts (make them ACTIVE)");
		}
	}

	/**
	 * Whether the user may change this contract's rate card: those who edit contracts
	 * (executives, sales directors, legal, admins), for pages to offer it.
	 */
	@Transactional(readOnly = true)
	public boolean canEditRates(ContractView contract, CurrentUser user) {
		Account account = accountManagement.load(contract.accountId());
		return rules.access(user, account).editContracts();
	}

	/**
	 * Replaces a contract's rate card (those who edit contracts); a stale version is
	 * refused. Audited as the contract's {@code rateCard} and published as
	 * contract.updated.
	 * @param rates the lines in order; an empty list clears the card
	 * @throws InvalidInputException naming each wrong line field, e.g.
	 * {@code rates[1].maxRate}
	 */
	@Transactional
	public ContractView updateRateCard(long id, List<ContractRateForm> rates, long expectedVersion, CurrentUser user) {
		Contract contract = load(id);
		Account account = accountManagement.load(contract.accountId());
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).editContracts(),
				"Only executives, sales directors, legal and admins change rate cards");
		checkVersion(contract, expectedVersion);
		List<ContractRateForm> checked = checkRates(rates);
		List<String> before = contract.rateCard();
		if (!contract.replaceRates(checked)) {
			return contract.toView(account.name());
		}
		contract.updated(user.username(), time.now());
		contracts.saveAndFlush(contract);
		List<FieldChange> changes = FieldChange.between(Map.of("rateCard", before),
				Map.of("rateCard", contract.rateCard()));
		audit.recordChanges(ENTITY, id, changes, user);
		events.publishEvent(new ContractUpdated(account.id(), id, changes, user.actor(), time.now()));
		return contract.toView(account.name());
	}

	/**
	 * Gives a contract a rate card as it stands in an example (the demo world): no
	 * permission check, no version change, not audited.
	 */
	@Transactional
	public void seedRateCard(long id, List<ContractRateForm> rates) {
		Contract contract = load(id);
		contract.replaceRates(checkRates(rates));
		contracts.saveAndFlush(contract);
	}

	private List<ContractRateForm> checkRates(List<ContractRateForm> rates) {
		List<FieldError> errors = new ArrayList<>();
		if (rates == null) {
			throw new InvalidInputException("rates", "is required (an empty list clears the rate card)");
		}
		if (rates.size() > 100) {
			errors.add(new FieldError("rates", "may have at most 100 roles"));
		}
		java.util.Set<String> roles = new java.util.HashSet<>();
		for (int i = 0; i < rates.size(); i++) {
			ContractRateForm line = rates.get(i);
			String at = "rates[" + i + "]";
			if (line == null) {
				errors.add(new FieldError(at, "must be a rate line, not null"));
				continue;
			}
			validation.violations(line).forEach(v -> errors.add(new FieldError(at + "." + v.field(), v.message())));
			if (line.minRate() != null && line.maxRate() != null && line.maxRate().compareTo(line.minRate()) < 0) {
				errors.add(new FieldError(at + ".maxRate", "must not be below the minimum rate"));
			}
			if (line.role() != null && !line.role().isBlank()
					&& !roles.add(line.role().trim().toLowerCase(java.util.Locale.ROOT))) {
				errors.add(new FieldError(at + ".role", "'" + line.role().trim() + "' is on the rate card twice"));
			}
		}
		FormValidation.throwIfAny(errors);
		return rates;
	}

	/**
	 * Adds a won expansion to the account's contract, in the same transaction as the
	 * caller's change: a service line on the account's ACTIVE contract in the value's
	 * currency (the one ending last), or, when there is none, a new ACTIVE SOW for one
	 * year from today with that line (payment terms of the account's latest contract, Net
	 * 30 without one). Audited, and published as contract.updated (or contract.created)
	 * like any other change, so that the account's ARR and its movements follow.
	 * <p>
	 * Who may: the stewards who may mark the opportunity won, that is the account's
	 * manager, executives, sales directors and admins. Adding a line or an SOW otherwise
	 * needs the right to edit and execute contracts; here it does not, because a won
	 * expansion is a signed amendment: the client has agreed, and the contract records
	 * what was signed rather than executes something new.
	 * @param lineName the service line's name (the opportunity's title), not blank
	 * @param annualValue the expansion's annual value, 0 or more, not null
	 * @param reference what the change comes from, e.g. "Opportunity #12", kept in the
	 * audit trail and in a new SOW's number
	 * @return the contract that holds the new line
	 * @throws org.springframework.security.access.AccessDeniedException for anybody else
	 */
	@Transactional
	public ContractView addExpansion(long accountId, String lineName, io.intime.shared.Money annualValue,
			String reference, CurrentUser user) {
		Account account = accountManagement.load(accountId);
		rules.requireView(user, account);
		boolean steward = user.seesEverything() || user.hasRole(io.intime.identity.Role.ACCOUNT_MANAGER)
				&& account.ownerId() != null && account.ownerId() == user.id();
		AccountRules.require(steward,
				"Only the account's manager, executives, sales directors and admins record a won expansion");
		String name = lineName.trim().length() > 200 ? lineName.trim().substring(0, 200) : lineName.trim();
		List<Contract> active = contracts.findActiveWithLines(accountId)
			.stream()
			.filter(c -> c.currency().equals(annualValue.currency()))
			.sorted(java.util.Comparator.comparing(Contract::endDate).reversed())
			.toList();
		Instant now = time.now();
		if (!active.isEmpty()) {
			Contract contract = active.get(0);
			Map<String, Object> before = contract.auditState();
			contract.addServiceLine(name, annualValue.amount());
			contract.updated(user.username(), now);
			contracts.saveAndFlush(contract);
			List<FieldChange> changes = new ArrayList<>(FieldChange.between(before, contract.auditState()));
			changes.add(new FieldChange("expansion", null, reference));
			audit.recordChanges(ENTITY, contract.id(), changes, user);
			events.publishEvent(new ContractUpdated(accountId, contract.id(), changes, user.actor(), now));
			accountArrChanged(account, user);
			return contract.toView(account.name());
		}
		String terms = contracts.findByAccountWithLines(accountId)
			.stream()
			.findFirst()
			.map(Contract::paymentTerms)
			.orElse("Net 30");
		java.time.LocalDate today = time.organizationToday();
		String number = ("SOW-" + reference.replaceAll("[^A-Za-z0-9]+", "-")).replaceAll("-+$", "");
		number = number.length() > 40 ? number.substring(0, 40) : number;
		ContractForm form = new ContractForm(ContractType.SOW, number, today, today.plusYears(1).minusDays(1),
				ContractStatus.ACTIVE, terms, annualValue.currency(),
				List.of(new ServiceLineForm(name, annualValue.amount())));
		validate(form, null);
		Contract contract = contracts.saveAndFlush(new Contract(accountId, form, user.username(), now));
		Map<String, Object> state = new java.util.LinkedHashMap<>(contract.auditState());
		state.put("expansion", reference);
		audit.recordCreated(ENTITY, contract.id(), state, user);
		events.publishEvent(
				new ContractCreated(accountId, contract.id(), FieldChange.between(Map.of(), state), user.actor(), now));
		accountArrChanged(account, user);
		return contract.toView(account.name());
	}

	/** Removes a contract (executives, sales directors, admins). */
	@Transactional
	public void delete(long id, CurrentUser user) {
		Contract contract = load(id);
		Account account = accountManagement.load(contract.accountId());
		AccountRules.require(rules.access(user, account).delete(),
				"Only executives, sales directors and admins delete contracts");
		contracts.delete(contract);
		contracts.flush();
		audit.recordDeleted(ENTITY, id, contract.number() + " of " + account.name(), user);
		events.publishEvent(new ContractDeleted(account.id(), id, contract.number(), user.actor(), time.now()));
		accountArrChanged(account, user);
	}

	/**
	 * The accounts whose revenue (contracts, ARR movements, retention) the user may
	 * report on, archived ones included (a churned client stays in the history): every
	 * account for those who see every contract, their own for account managers; refused
	 * to others. One statement.
	 */
	@Transactional(readOnly = true)
	public List<ReportableAccount> reportableAccounts(CurrentUser user) {
		return reportableAccounts(user, null);
	}

	/**
	 * {@link #reportableAccounts(CurrentUser)} among the given accounts only (all when
	 * null): what reads one record of an account needs, without listing every account.
	 */
	@Transactional(readOnly = true)
	public List<ReportableAccount> reportableAccounts(CurrentUser user, java.util.Collection<Long> accountIds) {
		AccountRules.ContractScope scope = rules.contractScope(user);
		if (scope == AccountRules.ContractScope.NONE) {
			throw new AccessDeniedException("Your role does not see revenue");
		}
		return jdbc.sql("""
				select a.id, a.name, a.owner_id, u.full_name, a.tier, a.region, a.health_score, a.health_band,
				       a.strategic, a.executive_sponsor_id
				  from account a left join app_user u on u.id = a.owner_id
				 where (:me is null or a.owner_id = :me)
				   and (cast(:ids as bigint[]) is null or a.id = any(:ids))
				 order by lower(a.name), a.id""")
			.param("me", scope == AccountRules.ContractScope.OWNED ? user.id() : null, java.sql.Types.BIGINT)
			.param("ids", accountIds == null ? null : new SqlArrayValue("bigint", accountIds.toArray()),
					java.sql.Types.ARRAY)
			.query((rs, n) -> {
				Long owner = (Long) rs.getObject(3);
				boolean health = AccountRules.seesHealthOf(user, owner);
				String band = rs.getString(8);
				return new ReportableAccount(rs.getLong(1), rs.getString(2), owner, rs.getString(4),
						Tier.valueOf(rs.getString(5)), rs.getString(6), health ? (Integer) rs.getObject(7) : null,
						health && band != null ? HealthBand.valueOf(band) : null, rs.getBoolean(9),
						(Long) rs.getObject(10));
			})
			.list();
	}

	/**
	 * Every contract's account, by contract id, in one statement: what ledgers derived
	 * from contracts compare with what they have seen.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Long> contractAccounts() {
		Map<Long, Long> accounts = new HashMap<>();
		jdbc.sql("select id, account_id from contract").query(rs -> {
			accounts.put(rs.getLong(1), rs.getLong(2));
		});
		return accounts;
	}

	private static ContractTerm termOf(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new ContractTerm(rs.getLong("id"), rs.getLong("account_id"), rs.getString("contract_number"),
				ContractType.valueOf(rs.getString("type")), ContractStatus.valueOf(rs.getString("status")),
				rs.getString("currency"), rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
				rs.getBigDecimal("arr"),
				rs.getTimestamp("updated_at")
					.toInstant()
					.atZone(io.intime.shared.Today.ORGANIZATION_ZONE)
					.toLocalDate());
	}

	/**
	 * The ACTIVE contracts ending from {@code from} to {@code to} (inclusive) of the
	 * accounts in scope, soonest first, with their terms: the renewal pipeline. No
	 * permission check (callers scope to what the reader may see).
	 */
	@Transactional(readOnly = true)
	public List<ContractTerm> ending(LocalDate from, LocalDate to, io.intime.shared.database.AccountScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		String sql = """
				select c.id, c.account_id, c.contract_number, c.type, c.status, c.currency, c.start_date, c.end_date,
				       coalesce((select sum(l.annual_value) from service_line l where l.contract_id = c.id), 0) as arr,
				       c.updated_at
				  from contract c join account a on a.id = c.account_id
				 where c.status = 'ACTIVE' and c.end_date between :from and :to and a.archived_at is null""" + " "
				+ scope.clause("c.account_id") + " order by c.end_date, c.id";
		return scope.bind(jdbc.sql(sql)).param("from", from).param("to", to).query((rs, n) -> termOf(rs)).list();
	}

	/** How many accounts {@link #reportableAccounts} gives the user, in one statement. */
	@Transactional(readOnly = true)
	public int reportableAccountCount(CurrentUser user) {
		AccountRules.ContractScope scope = rules.contractScope(user);
		if (scope == AccountRules.ContractScope.NONE) {
			throw new AccessDeniedException("Your role does not see revenue");
		}
		return jdbc.sql("select count(*) from account where (:me is null or owner_id = :me)")
			.param("me", scope == AccountRules.ContractScope.OWNED ? user.id() : null, java.sql.Types.BIGINT)
			.query(Integer.class)
			.single();
	}

	/**
	 * The terms of every contract of the accounts in scope, whatever their status, by
	 * account and start date, in one statement: what ledgers derived from contracts (ARR
	 * movements, renewals) read. No permission check: callers derive records that carry
	 * their own.
	 */
	@Transactional(readOnly = true)
	public List<ContractTerm> terms(io.intime.shared.database.AccountScope scope) {
		if (scope.isEmpty()) {
			return List.of();
		}
		String sql = """
				select c.id, c.account_id, c.contract_number, c.type, c.status, c.currency, c.start_date, c.end_date,
				       coalesce((select sum(l.annual_value) from service_line l where l.contract_id = c.id), 0) as arr,
				       c.updated_at
				  from contract c
				 where true""" + " " + scope.clause("c.account_id") + " order by c.account_id, c.start_date, c.id";
		return scope.bind(jdbc.sql(sql)).query((rs, n) -> termOf(rs)).list();
	}

	private void accountArrChanged(Account account, CurrentUser user) {
		Map<String, Object> before = Map.of("arr", account.arr(), "tier", account.tier());
		accountManagement.recomputeArr(account);
		List<FieldChange> changes = FieldChange.between(before, Map.of("arr", account.arr(), "tier", account.tier()));
		if (!changes.isEmpty()) {
			audit.recordChanges(AccountManagement.ENTITY, account.id(), changes, user);
		}
	}

	private void checkVersion(Contract contract, long expectedVersion) {
		if (contract.version() != expectedVersion) {
			throw new StaleVersionException("Contract " + contract.number(), contract.id(), expectedVersion,
					contract.version());
		}
	}

	private void validate(ContractForm form, Long exceptId) {
		List<FieldError> errors = new ArrayList<>(validation.violations(form));
		if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
			errors.add(new FieldError("endDate", "must be on or after the start date"));
		}
		if (form.serviceLines() != null && form.serviceLines().isEmpty()) {
			errors.add(new FieldError("serviceLines", "add at least one service line"));
		}
		for (int i = 0; form.serviceLines() != null && i < form.serviceLines().size(); i++) {
			if (form.serviceLines().get(i) == null) {
				errors.add(new FieldError("serviceLines[" + i + "]", "must be a service line, not null"));
			}
		}
		if (form.currency() != null && form.currency().matches("[A-Z]{3}") && !rates.supports(form.currency())) {
			errors.add(new FieldError("currency",
					"has no conversion rate configured; use one of " + rates.getUsdRates().keySet()));
		}
		FormValidation.throwIfAny(errors);
		contracts.findByNumber(form.number().trim())
			.filter(existing -> !existing.id().equals(exceptId))
			.ifPresent(existing -> {
				throw new DuplicateException("number", "Contract number " + form.number().trim() + " is already used",
						existing.number(),
						"/accounts/" + existing.accountId() + "?tab=contracts#contract-" + existing.id());
			});
	}

	private Account viewable(long accountId, CurrentUser user) {
		Account account = accountManagement.load(accountId);
		rules.requireView(user, account);
		AccountRules.require(rules.access(user, account).viewContracts(),
				"Contracts are visible to the account's owner, executives, sales directors, finance and legal");
		return account;
	}

	Contract load(long id) {
		return contracts.findWithLines(id).orElseThrow(() -> new NotFoundException("Contract", id));
	}

}
