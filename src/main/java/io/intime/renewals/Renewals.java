package io.intime.renewals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractTerm;
import io.intime.accounts.ContractView;
import io.intime.accounts.ReportableAccount;
import io.intime.accounts.Tier;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.revenue.ArrLedger;
import io.intime.revenue.ChurnCategory;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.tasks.TaskForm;
import io.intime.tasks.TaskManagement;
import io.intime.tasks.TaskPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewal records and their probabilities: opened by a person ("Initiate renewal") or 90
 * days before the contract ends (once), with the owner's tasks; a person's override of
 * the probability kept beside the model's; the outcome, which renews or ends the contract
 * (and so writes the ARR movements); the probability recorded 90, 60 and 30 days out and
 * scored when the outcome is known; and the model fitted on the closed renewals once
 * there are enough.
 */
@Service
public class Renewals {

	private static final Logger log = LoggerFactory.getLogger(Renewals.class);

	static final int[] HORIZONS = { 90, 60, 30 };

	/**
	 * The horizons nearest first: a forecast is recorded at the nearest one it has
	 * reached.
	 */
	private static final int[] NEAREST_FIRST = { 30, 60, 90 };

	static final int OPEN_DAYS = 90;

	private final ContractManagement contracts;

	private final RenewalSignals signals;

	private final TaskManagement tasks;

	private final UserDirectory users;

	private final ArrLedger ledger;

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	private final Today time;

	private final int minimumForFit;

	private final AtomicReference<Optional<FittedRenewalModel>> fitted = new AtomicReference<>();

	Renewals(ContractManagement contracts, RenewalSignals signals, TaskManagement tasks, UserDirectory users,
			ArrLedger ledger, ApplicationEventPublisher events, JdbcClient jdbc, Today time,
			@Value("${intime.renewals.minimum-closed-for-fit:30}") int minimumForFit) {
		this.contracts = contracts;
		this.signals = signals;
		this.tasks = tasks;
		this.users = users;
		this.ledger = ledger;
		this.events = events;
		this.jdbc = jdbc;
		this.time = time;
		this.minimumForFit = minimumForFit;
	}

	/** The closed renewals needed before the fitted model replaces the explicit one. */
	public int minimumForFit() {
		return minimumForFit;
	}

	/**
	 * The model in force: the latest fit when it was trained on enough closed renewals,
	 * else the explicit model.
	 */
	public RenewalModel model() {
		Optional<FittedRenewalModel> model = fitted.get();
		if (model == null) {
			model = loadLatest();
			fitted.set(model);
		}
		return model.filter(m -> m.trainedOn() >= minimumForFit)
			.<RenewalModel>map(m -> m)
			.orElse(ExplicitRenewalModel.INSTANCE);
	}

	/** The fitted model, if any (for the calibration report). */
	Optional<FittedRenewalModel> fittedModel() {
		model();
		return fitted.get();
	}

	private Optional<FittedRenewalModel> loadLatest() {
		return jdbc.sql("select model from renewal_model order by fitted_at desc, id desc limit 1")
			.query((rs, n) -> rs.getBytes(1))
			.optional()
			.map(Renewals::deserialize);
	}

	/**
	 * Fits the model on every closed renewal's factors 90 days out (or the nearest
	 * horizon recorded) and keeps it; nothing when there are fewer than the minimum.
	 * @return the number of renewals it was fitted on, or 0
	 */
	@Transactional
	public int refit() {
		return refit(false);
	}

	/**
	 * Fits the model now, even when no renewal closed since the last fit (an admin's
	 * "Refit now", the benchmark).
	 * @return the number of renewals it was fitted on, or 0 when there are too few
	 */
	@Transactional
	public int refit(boolean force) {
		List<double[]> raw = new ArrayList<>();
		List<Boolean> renewed = new ArrayList<>();
		jdbc.sql("""
				select distinct on (coalesce(renewal_id, -id)) factors, renewed from renewal_forecast
				 where renewed is not null order by coalesce(renewal_id, -id), horizon desc""").query(rs -> {
			java.sql.Array array = rs.getArray(1);
			Object[] values = (Object[]) array.getArray();
			double[] row = new double[values.length];
			for (int i = 0; i < row.length; i++) {
				row[i] = ((BigDecimal) values[i]).doubleValue();
			}
			raw.add(row);
			renewed.add(rs.getBoolean(2));
		});
		if (raw.size() < minimumForFit || renewed.stream().distinct().count() < 2) {
			return 0;
		}
		Integer last = jdbc.sql("select trained_on from renewal_model order by fitted_at desc, id desc limit 1")
			.query(Integer.class)
			.optional()
			.orElse(null);
		if (!force && last != null && last == raw.size() && fitted.get() != null && fitted.get().isPresent()) {
			return 0;
		}
		FittedRenewalModel model = FittedRenewalModel.fit(raw, renewed);
		jdbc.sql("insert into renewal_model (fitted_at, trained_on, model) values (:at, :n, :model)")
			.param("at", java.sql.Timestamp.from(time.now()))
			.param("n", raw.size())
			.param("model", serialize(model))
			.update();
		fitted.set(Optional.of(model));
		log.info("Renewal model fitted on {} closed renewals", raw.size());
		return raw.size();
	}

	/** The probability of renewal of each account's contracts today, explained. */
	public Map<Long, RenewalProbability> probabilities(Map<Long, Tier> tiers, Map<Long, Integer> overrides,
			Map<Long, String> reasons) {
		RenewalModel model = model();
		Map<Long, RenewalProbability> result = new HashMap<>();
		signals.on(time.organizationToday(), tiers)
			.forEach((account, raw) -> result.put(account,
					RenewalProbability.of(raw, model, overrides.get(account), reasons.get(account))));
		return result;
	}

	/**
	 * Opens the renewal of an ACTIVE contract: the record (stage Open, owner the account
	 * manager, target 45 days before the end, the current terms proposed), the owner's
	 * tasks, and {@code contract.renewal.initiated}. Opening it again returns the one
	 * opened.
	 * @throws AccessDeniedException unless the user may report on the account and is its
	 * manager, a sales director, an executive or an admin
	 */
	@Transactional
	public RenewalView initiate(long contractId, CurrentUser user) {
		requireReader(user);
		ReportableAccount account = reportable(accountOf(contractId, user), user);
		if (!user.hasRole(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN)) {
			throw new AccessDeniedException("Account managers, sales directors and executives open renewals");
		}
		Long existing = renewalOfContract(contractId);
		if (existing != null) {
			return get(existing, user);
		}
		long id = open(contractId, account, user.username(), user.actor(), false);
		return get(id, user);
	}

	private long open(long contractId, ReportableAccount account, String by, io.intime.shared.Actor actor,
			boolean automatic) {
		List<ContractTerm> all = contracts.terms(AccountScope.of(List.of(account.id())));
		ContractTerm chosen = all.stream()
			.filter(t -> t.id() == contractId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Contract", contractId));
		if (chosen.status() != ContractStatus.ACTIVE) {
			throw new InvalidInputException("contractId", "Only an active contract is renewed; " + chosen.number()
					+ " is " + chosen.status().name().toLowerCase(java.util.Locale.ROOT));
		}
		List<ContractTerm> group = together(all, chosen);
		ContractTerm primary = primary(group);
		if (primary.id() != contractId) {
			Long existing = renewalOfContract(primary.id());
			if (existing != null) {
				return existing;
			}
		}
		BigDecimal groupArr = group.stream().map(ContractTerm::arr).reduce(BigDecimal.ZERO, BigDecimal::add);
		ContractTerm term = new ContractTerm(primary.id(), primary.accountId(),
				String.join(" + ", group.stream().map(ContractTerm::number).toList()), primary.type(), primary.status(),
				primary.currency(), primary.startDate(), primary.endDate(), groupArr, primary.changedOn());
		LocalDate renewalDate = term.endDate().plusDays(1);
		LocalDate today = time.organizationToday();
		LocalDate target = term.endDate().minusDays(45).isAfter(today) ? term.endDate().minusDays(45) : today;
		RenewalProbability probability = probabilities(Map.of(account.id(), account.tier()), Map.of(), Map.of())
			.get(account.id());
		Long id = jdbc
			.sql("""
					insert into renewal (account_id, contract_id, contract_number, renewal_date, current_arr, currency, stage,
					                     owner_id, target_date, proposed_terms, proposed_arr, opened_automatically,
					                     initiated_probability, created_at, created_by, updated_at, updated_by)
					values (:account, :contract, :number, :date, :arr, :currency, 'OPEN', :owner, :target, :terms, :arr,
					        :auto, :probability, :now, :by, :now, :by)
					on conflict (contract_id) do nothing returning id""")
			.param("account", account.id())
			.param("contract", term.id())
			.param("number", term.number().length() <= 40 ? term.number() : primary.number())
			.param("date", renewalDate)
			.param("arr", term.arr())
			.param("currency", term.currency())
			.param("owner", account.ownerId(), java.sql.Types.BIGINT)
			.param("target", target)
			.param("terms", "Renew " + term.number() + " for another year on its current terms")
			.param("auto", automatic)
			.param("probability", probability.percent())
			.param("now", java.sql.Timestamp.from(time.now()))
			.param("by", by)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (id == null) {
			return renewalOfContract(term.id());
		}
		if (account.ownerId() != null) {
			users.find(account.ownerId()).ifPresent(owner -> {
				CurrentUser as = new CurrentUser(owner.id(), owner.username(), owner.fullName(), owner.role(),
						ZoneId.of(owner.timeZone()));
				String money = io.intime.shared.MoneyFormat.format(new Money(term.arr(), term.currency()));
				tasks.seed(new TaskForm("Prepare the renewal proposal for " + account.name(),
						term.number() + " (" + money + " ARR) ends " + term.endDate() + "; renewal probability "
								+ probability.percent() + "%. Agree the terms before " + target + ".",
						owner.id(), account.id(), "renewal", id, target.isBefore(today) ? today : target, null, 0,
						probability.percent() < 50 ? TaskPriority.HIGH : TaskPriority.NORMAL, null), false, as);
				tasks.seed(
						new TaskForm("Schedule the renewal call with " + account.name(),
								"Walk the client through the value delivered and the renewal terms.", owner.id(),
								account.id(), "renewal", id, today.plusDays(7), null, 0, TaskPriority.NORMAL, null),
						false, as);
			});
		}
		events.publishEvent(new RenewalInitiated(account.id(), id, term.id(), term.arr(), term.currency(), renewalDate,
				probability.percent(), automatic, actor, time.now()));
		return id;
	}

	/**
	 * The contract a renewal is recorded against among contracts that end together: the
	 * MSA before SOWs, then the largest.
	 */
	static ContractTerm primary(List<ContractTerm> group) {
		return group.stream()
			.min(java.util.Comparator
				.comparing((ContractTerm t) -> t.type() == io.intime.accounts.ContractType.MSA ? 0 : 1)
				.thenComparing(ContractTerm::arr, java.util.Comparator.reverseOrder())
				.thenComparing(ContractTerm::id))
			.orElseThrow();
	}

	/**
	 * The ACTIVE contracts of the account that end with {@code term}, in its currency.
	 */
	static List<ContractTerm> together(List<ContractTerm> all, ContractTerm term) {
		return all.stream()
			.filter(t -> t.status() == ContractStatus.ACTIVE && t.endDate().equals(term.endDate())
					&& t.currency().equals(term.currency()))
			.toList();
	}

	/**
	 * Opens the renewal of every ACTIVE contract ending within 90 days that has none (the
	 * scheduler's daily run; once per contract across nodes, by the unique contract).
	 * @return the number opened
	 */
	public int openDue(AccountScope scope) {
		LocalDate today = time.organizationToday();
		List<ContractTerm> ending = contracts.ending(today.minusDays(1), today.plusDays(OPEN_DAYS - 1), scope);
		if (ending.isEmpty()) {
			return 0;
		}
		Map<Long, Boolean> opened = new HashMap<>();
		jdbc.sql("select contract_id from renewal where contract_id = any(:ids)")
			.param("ids",
					new org.springframework.jdbc.support.SqlArrayValue("bigint",
							ending.stream().map(ContractTerm::id).toArray()))
			.query(rs -> {
				opened.put(rs.getLong(1), true);
			});
		Map<Long, ReportableAccount> accounts = systemAccounts();
		int count = 0;
		for (ContractTerm term : ending) {
			ReportableAccount account = accounts.get(term.accountId());
			if (opened.containsKey(term.id()) || account == null) {
				continue;
			}
			open(term.id(), account, "system", io.intime.shared.Actor.SYSTEM, true);
			count++;
		}
		if (count > 0) {
			log.info("Opened {} renewals 90 days before their contracts end", count);
		}
		return count;
	}

	/**
	 * Records today's probability of every open contract whose renewal date is 90, 60 or
	 * 30 days away or less and not yet recorded at that horizon (the scheduler's daily
	 * run), and scores recorded forecasts whose renewal has closed.
	 * @return the number of forecasts recorded
	 */
	@Transactional
	public int recordForecasts() {
		LocalDate today = time.organizationToday();
		List<ContractTerm> ending = contracts.ending(today.minusDays(1), today.plusDays(OPEN_DAYS - 1),
				AccountScope.all());
		Map<Long, ReportableAccount> accounts = systemAccounts();
		Map<Long, Tier> tiers = new HashMap<>();
		ending.forEach(t -> {
			if (accounts.containsKey(t.accountId())) {
				tiers.put(t.accountId(), accounts.get(t.accountId()).tier());
			}
		});
		Map<Long, double[]> raw = signals.on(today, tiers);
		RenewalModel model = model();
		Optional<FittedRenewalModel> fit = Optional.ofNullable(fitted.get()).flatMap(f -> f);
		int recorded = 0;
		for (ContractTerm term : ending) {
			double[] values = raw.get(term.accountId());
			if (values == null) {
				continue;
			}
			long days = java.time.temporal.ChronoUnit.DAYS.between(today, term.endDate().plusDays(1));
			for (int horizon : NEAREST_FIRST) {
				if (days > horizon) {
					continue;
				}
				recorded += jdbc.sql("""
						insert into renewal_forecast (account_id, renewal_id, contract_id, renewal_date, horizon,
						                              recorded_on, explicit_probability, fitted_probability, factors)
						values (:account, (select id from renewal where contract_id = :contract), :contract, :date,
						        :horizon, :today, :explicit, :fitted, :factors)
						on conflict (contract_id, horizon) do nothing""")
					.param("account", term.accountId())
					.param("contract", term.id())
					.param("date", term.endDate().plusDays(1))
					.param("horizon", horizon)
					.param("today", today)
					.param("explicit", round4(ExplicitRenewalModel.INSTANCE.probability(values)))
					.param("fitted", fit.map(f -> round4(f.probability(values))).orElse(null), java.sql.Types.NUMERIC)
					.param("factors",
							new org.springframework.jdbc.support.SqlArrayValue("numeric",
									java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toArray()))
					.update();
				break;
			}
		}
		if (model != null && recorded > 0) {
			log.info("Recorded {} renewal forecasts", recorded);
		}
		return recorded;
	}

	private static BigDecimal round4(double p) {
		return BigDecimal.valueOf(p).setScale(4, java.math.RoundingMode.HALF_UP);
	}

	/**
	 * A person's probability, kept beside the model's (null clears it). The version read
	 * is checked in the write.
	 */
	@Transactional
	public RenewalView override(long id, Integer percent, String reason, long expectedVersion, CurrentUser user) {
		RenewalView renewal = get(id, user);
		requireSteward(renewal, user);
		if (percent != null && (percent < 0 || percent > 100)) {
			throw new InvalidInputException("probability", "Give a probability from 0 to 100");
		}
		if (percent != null && (reason == null || reason.isBlank())) {
			throw new InvalidInputException("reason",
					"Say why you override the model's " + renewal.probability().modelPercent() + "%");
		}
		if (reason != null && reason.length() > 500) {
			throw new InvalidInputException("reason", "Keep the reason under 500 characters");
		}
		Map<String, Object> values = new HashMap<>();
		values.put("p", percent);
		values.put("r", percent == null ? null : reason.strip());
		update(id, expectedVersion, renewal, "probability_override = :p, override_reason = :r, override_by = :by",
				values, user);
		return get(id, user);
	}

	/**
	 * Moves an open renewal to another stage, with its proposed terms and ARR (the
	 * version read is checked in the write).
	 */
	@Transactional
	public RenewalView plan(long id, RenewalStage stage, String proposedTerms, BigDecimal proposedArr,
			long expectedVersion, CurrentUser user) {
		RenewalView renewal = get(id, user);
		requireSteward(renewal, user);
		if (renewal.stage() == RenewalStage.CLOSED) {
			throw new InvalidInputException("stage", "This renewal is closed: " + renewal.outcome().label());
		}
		if (stage == null || stage == RenewalStage.CLOSED) {
			throw new InvalidInputException("stage",
					"Choose Open, Proposal or Negotiation; record an outcome to close");
		}
		if (proposedArr != null && proposedArr.signum() < 0) {
			throw new InvalidInputException("proposedArr", "must be 0 or more");
		}
		if (proposedTerms != null && proposedTerms.length() > 2000) {
			throw new InvalidInputException("proposedTerms", "Keep the terms under 2,000 characters");
		}
		Map<String, Object> values = new HashMap<>();
		values.put("stage", stage.name());
		values.put("terms", proposedTerms);
		values.put("arr", proposedArr);
		update(id, expectedVersion, renewal, "stage = :stage, proposed_terms = :terms, proposed_arr = :arr", values,
				user);
		return get(id, user);
	}

	/**
	 * Records the outcome: renewed (the contract renewed on its terms), renewed with a
	 * change or downgraded (renewed at {@code newArr}), or churned (the client leaves in
	 * the given category; a contract already past its end expires now). The contract
	 * change goes through the contracts module, which writes the ARR movements; the
	 * forecasts of this renewal are scored.
	 */
	@Transactional
	public RenewalView close(long id, RenewalOutcome outcome, BigDecimal newArr, ChurnCategory category, String note,
			long expectedVersion, CurrentUser user) {
		RenewalView renewal = get(id, user);
		requireSteward(renewal, user);
		if (renewal.stage() == RenewalStage.CLOSED) {
			throw new InvalidInputException("outcome", "This renewal is closed already: " + renewal.outcome().label());
		}
		if (outcome == null) {
			throw new InvalidInputException("outcome", "Choose renewed, renewed with change, downgraded or churned");
		}
		if (renewal.version() != expectedVersion) {
			throw new StaleVersionException("Renewal", id, expectedVersion, renewal.version());
		}
		BigDecimal current = renewal.currentArr().amount();
		BigDecimal arr = null;
		switch (outcome) {
			case RENEWED -> arr = current;
			case RENEWED_WITH_CHANGE, DOWNGRADED -> {
				if (newArr == null || newArr.signum() <= 0) {
					throw new InvalidInputException("newArr", "Give the renewed ARR (above 0)");
				}
				if (outcome == RenewalOutcome.DOWNGRADED && newArr.compareTo(current) >= 0) {
					throw new InvalidInputException("newArr", "A downgrade renews below the current "
							+ io.intime.shared.MoneyFormat.format(renewal.currentArr()));
				}
				arr = newArr;
			}
			case CHURNED -> {
				if (category == null) {
					throw new InvalidInputException("churnCategory",
							"Say why the client leaves: voluntary, involuntary or structural");
				}
			}
		}
		if (renewal.contractId() != null) {
			List<ContractTerm> all = contracts.terms(AccountScope.of(List.of(renewal.accountId())));
			ContractTerm primary = all.stream().filter(t -> t.id() == renewal.contractId()).findFirst().orElse(null);
			List<ContractTerm> group = primary == null ? List.of() : together(all, primary);
			BigDecimal total = group.stream().map(ContractTerm::arr).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal rest = arr;
			for (int i = 0; i < group.size(); i++) {
				ContractTerm t = group.get(i);
				if (outcome.renewed()) {
					BigDecimal share = i == group.size() - 1 ? rest : total.signum() == 0 ? BigDecimal.ZERO
							: t.arr().multiply(arr).divide(total, 2, java.math.RoundingMode.HALF_UP);
					rest = rest.subtract(share);
					contracts.renew(t.id(), share.signum() > 0 ? share : null, user);
				}
				else {
					ledger.recordChurnReason(renewal.accountId(), t.id(), category, note);
					if (!renewal.renewalDate().isAfter(time.organizationToday())) {
						ContractView contract = contracts.get(t.id(), user);
						contracts.changeStatus(contract.id(), ContractStatus.EXPIRED, null, contract.stamp().version(),
								user);
					}
				}
			}
		}
		Map<String, Object> values = new HashMap<>();
		values.put("outcome", outcome.name());
		values.put("arr", arr);
		values.put("note", note == null || note.isBlank() ? null : note.strip());
		values.put("today", time.organizationToday());
		update(id, expectedVersion, renewal,
				"stage = 'CLOSED', outcome = :outcome, outcome_arr = :arr, outcome_note = :note, closed_on = :today",
				values, user);
		jdbc.sql("update renewal_forecast set renewed = :renewed, renewal_id = :id where renewal_id = :id"
				+ " or (contract_id = :contract and contract_id is not null)")
			.param("renewed", outcome.renewed())
			.param("id", id)
			.param("contract", renewal.contractId(), java.sql.Types.BIGINT)
			.update();
		events.publishEvent(new RenewalClosed(renewal.accountId(), id, outcome, arr, renewal.currentArr().currency(),
				user.actor(), time.now()));
		return get(id, user);
	}

	/**
	 * Imports a renewal that closed before InTime knew the account (its history): the
	 * outcome and the factor values as they stood 90, 60 and 30 days before, which the
	 * fitted model and the calibration report learn from. Changes no contract.
	 * @param factors the factor values per horizon (90, 60, 30), in {@link RenewalFactor}
	 * order
	 * @return the renewal's id
	 */
	@Transactional
	public long importHistory(long accountId, LocalDate renewalDate, Money arr, RenewalOutcome outcome,
			BigDecimal outcomeArr, Map<Integer, double[]> factors, String by) {
		long id = jdbc.sql("""
				insert into renewal (account_id, renewal_date, current_arr, currency, stage, target_date, outcome,
				                     outcome_arr, closed_on, created_at, created_by, updated_at, updated_by)
				values (:account, :date, :arr, :currency, 'CLOSED', :target, :outcome, :outcomeArr, :closed, :now, :by,
				        :now, :by) returning id""")
			.param("account", accountId)
			.param("date", renewalDate)
			.param("arr", arr.amount())
			.param("currency", arr.currency())
			.param("target", renewalDate.minusDays(45))
			.param("outcome", outcome.name())
			.param("outcomeArr", outcomeArr, java.sql.Types.NUMERIC)
			.param("closed", renewalDate.minusDays(10))
			.param("now", java.sql.Timestamp.from(time.now()))
			.param("by", by)
			.query(Long.class)
			.single();
		factors.forEach((horizon, values) -> jdbc.sql("""
				insert into renewal_forecast (account_id, renewal_id, renewal_date, horizon, recorded_on,
				                              explicit_probability, factors, renewed)
				values (:account, :id, :date, :horizon, :recorded, :explicit, :factors, :renewed)""")
			.param("account", accountId)
			.param("id", id)
			.param("date", renewalDate)
			.param("horizon", horizon)
			.param("recorded", renewalDate.minusDays(horizon))
			.param("explicit", round4(ExplicitRenewalModel.INSTANCE.probability(values)))
			.param("factors",
					new org.springframework.jdbc.support.SqlArrayValue("numeric",
							java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toArray()))
			.param("renewed", outcome.renewed())
			.update());
		return id;
	}

	/** One renewal, to a reader who may report on its account. */
	@Transactional(readOnly = true)
	public RenewalView get(long id, CurrentUser user) {
		List<RenewalView> found = views("r.id = :id", Map.of("id", id), user);
		if (found.isEmpty()) {
			throw new NotFoundException("Renewal", id);
		}
		return found.get(0);
	}

	/** A renewal proposal ready for the email composer (merge fields left for it). */
	public record ProposalDraft(long accountId, String subject, String body) {
	}

	/**
	 * The renewal proposal of a contract as an email to the client (spec 01 step 5 "Send
	 * proposal"): the proposed terms and ARR of its open renewal, or renewal on its
	 * current terms when none was opened; the composer fills the contact and sender.
	 */
	@Transactional(readOnly = true)
	public ProposalDraft proposal(long contractId, CurrentUser user) {
		requireReader(user);
		ContractView contract = contracts.get(contractId, user);
		reportable(contract.accountId(), user);
		RenewalView renewal = ofContracts(List.of(contractId), user).get(contractId);
		Money arr = renewal != null && renewal.proposedArr() != null ? renewal.proposedArr() : contract.arr();
		String terms = renewal != null && renewal.proposedTerms() != null && !renewal.proposedTerms().isBlank()
				? renewal.proposedTerms() : "Renew " + contract.number() + " for another year on its current terms";
		LocalDate renews = contract.endDate().plusDays(1);
		String subject = "Renewal proposal: " + contract.accountName() + " (" + contract.number() + ")";
		String body = """
				Hi {{contact.firstName}},

				Our agreement %s renews on %s. Ahead of that, here is what we propose:

				%s
				Annual value: %s

				Could we find 30 minutes in the next two weeks to walk through it and answer any questions?

				Best regards,
				{{am.name}}
				""".formatted(contract.number(),
				renews.format(java.time.format.DateTimeFormatter.ofPattern("MMMM d, yyyy", java.util.Locale.US)), terms,
				io.intime.shared.MoneyFormat.format(arr));
		return new ProposalDraft(contract.accountId(), subject, body);
	}

	/** The renewals of open contracts the user may see, by contract id. */
	@Transactional(readOnly = true)
	public Map<Long, RenewalView> ofContracts(List<Long> contractIds, CurrentUser user) {
		Map<Long, RenewalView> byContract = new HashMap<>();
		if (contractIds.isEmpty()) {
			return byContract;
		}
		views("r.contract_id = any(:ids)",
				Map.of("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", contractIds.toArray())),
				user)
			.forEach(v -> byContract.put(v.contractId(), v));
		return byContract;
	}

	List<RenewalView> views(String where, Map<String, Object> params, CurrentUser user) {
		requireReader(user);
		Map<Long, ReportableAccount> visible = new HashMap<>();
		contracts.reportableAccounts(user).forEach(a -> visible.put(a.id(), a));
		List<Object[]> rows = jdbc.sql("""
				select r.id, r.account_id, r.contract_id, r.contract_number, r.renewal_date, r.current_arr, r.currency,
				       r.stage, r.owner_id, r.target_date, r.proposed_terms, r.proposed_arr, r.outcome, r.outcome_arr,
				       r.outcome_note, r.closed_on, r.opened_automatically, r.probability_override, r.override_reason,
				       r.initiated_probability, r.version
				  from renewal r where""" + " " + where + " order by r.renewal_date, r.id")
			.params(params)
			.query((rs, n) -> {
				Object[] row = new Object[21];
				for (int i = 0; i < row.length; i++) {
					row[i] = rs.getObject(i + 1);
				}
				return row;
			})
			.list()
			.stream()
			.filter(row -> visible.containsKey(((Number) row[1]).longValue()))
			.toList();
		Map<Long, Tier> tiers = new HashMap<>();
		Map<Long, Integer> overrides = new HashMap<>();
		Map<Long, String> reasons = new HashMap<>();
		for (Object[] row : rows) {
			long account = ((Number) row[1]).longValue();
			tiers.put(account, visible.get(account).tier());
			if (row[17] != null) {
				overrides.put(account, ((Number) row[17]).intValue());
				reasons.put(account, (String) row[18]);
			}
		}
		Map<Long, RenewalProbability> probabilities = probabilities(tiers, overrides, reasons);
		List<RenewalView> views = new ArrayList<>();
		for (Object[] row : rows) {
			long account = ((Number) row[1]).longValue();
			String currency = (String) row[6];
			Long owner = row[8] == null ? null : ((Number) row[8]).longValue();
			views.add(new RenewalView(((Number) row[0]).longValue(), account, visible.get(account).name(),
					row[2] == null ? null : ((Number) row[2]).longValue(), (String) row[3], date(row[4]),
					new Money((BigDecimal) row[5], currency), RenewalStage.valueOf((String) row[7]), owner,
					owner == null ? null : users.find(owner).map(UserSummary::fullName).orElse(null), date(row[9]),
					(String) row[10], row[11] == null ? null : new Money((BigDecimal) row[11], currency),
					row[12] == null ? null : RenewalOutcome.valueOf((String) row[12]),
					row[13] == null ? null : new Money((BigDecimal) row[13], currency), (String) row[14], date(row[15]),
					(Boolean) row[16], probabilities.get(account), ((Number) row[20]).longValue()));
		}
		return views;
	}

	private static LocalDate date(Object value) {
		return value == null ? null : ((java.sql.Date) value).toLocalDate();
	}

	/**
	 * Writes {@code set} to the renewal if it is still at the version read (checked in
	 * the write), stamping who and when.
	 */
	private void update(long id, long expectedVersion, RenewalView renewal, String set, Map<String, Object> params,
			CurrentUser user) {
		int changed = jdbc.sql("update renewal set " + set
				+ ", version = version + 1, updated_at = :now, updated_by = :by where id = :id and version = :version")
			.params(params)
			.param("now", java.sql.Timestamp.from(time.now()))
			.param("by", user.username())
			.param("id", id)
			.param("version", expectedVersion)
			.update();
		if (changed == 0) {
			throw new StaleVersionException("Renewal", id, expectedVersion, renewal.version());
		}
	}

	/**
	 * Renewal probabilities read the account's payment behaviour, so they are for the
	 * roles that see its invoices (billing's rule): not recruiters, recruiting managers
	 * or legal.
	 */
	public static void requireReader(CurrentUser user) {
		if (!io.intime.billing.ReceivablesReport.readerRoles().contains(user.role().name())) {
			throw new AccessDeniedException("Renewal probabilities read invoices, which your role does not see");
		}
	}

	private void requireSteward(RenewalView renewal, CurrentUser user) {
		boolean owner = renewal.ownerId() != null && renewal.ownerId() == user.id();
		if (!(owner || user.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN))) {
			throw new AccessDeniedException("The account manager, sales directors and executives work renewals");
		}
	}

	private long accountOf(long contractId, CurrentUser user) {
		return contracts.get(contractId, user).accountId();
	}

	private ReportableAccount reportable(long accountId, CurrentUser user) {
		return contracts.reportableAccounts(user, List.of(accountId))
			.stream()
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("You may not see this account's contracts"));
	}

	private Long renewalOfContract(long contractId) {
		return jdbc.sql("select id from renewal where contract_id = :id")
			.param("id", contractId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	/** Every account, as the scheduler (which acts for the organization) sees them. */
	private Map<Long, ReportableAccount> systemAccounts() {
		Map<Long, ReportableAccount> all = new HashMap<>();
		CurrentUser system = new CurrentUser(0, "system", "InTime", Role.ADMIN, ZoneId.of("UTC"));
		contracts.reportableAccounts(system).forEach(a -> all.put(a.id(), a));
		return all;
	}

	private static byte[] serialize(FittedRenewalModel model) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(model);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot keep the fitted renewal model", e);
		}
	}

	private static FittedRenewalModel deserialize(byte[] bytes) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
			return (FittedRenewalModel) in.readObject();
		}
		catch (IOException | ClassNotFoundException e) {
			log.warn("The kept renewal model cannot be read ({}); the explicit model applies until the next fit",
					e.getMessage());
			return null;
		}
	}

}
