package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractTerm;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;

/**
 * Derives one account's ARR movements from its contracts: compares each contract's terms
 * with the ARR the ledger last recorded for it, dates each difference, and classifies the
 * differences of each day (spec 03):
 * <ul>
 * <li>a contract that ends as RENEWED and one that starts on the same day in the same
 * currency are a RENEWAL of the ended ARR, plus an EXPANSION or CONTRACTION of the
 * difference;</li>
 * <li>otherwise a rise is NEW when the account had no ARR before that day, else an
 * EXPANSION;</li>
 * <li>a fall is a CHURN when the account has no ARR left after that day, else a
 * CONTRACTION.</li>
 * </ul>
 * A contract the ledger has not seen yet brings its history: it counted from its start
 * until it ended (the day after its end date, or the day it was terminated). A contract
 * marked RENEWED keeps its ARR until its successor starts, so renewing in two steps never
 * shows as a churn and a new client. Pure: the ledger ({@link ArrLedger}) reads and
 * writes.
 */
final class MovementDerivation {

	/** Why a contract's ARR changed. */
	enum Reason {

		ACTIVATED, LINES_CHANGED, EXPIRED, RENEWED, TERMINATED, REACTIVATED, DELETED, CURRENCY_CHANGED

	}

	/** The ledger's record of one contract: the ARR it last contributed. */
	record Recorded(long contractId, String number, String currency, BigDecimal arr, ContractStatus status) {
	}

	/** One contract's change of ARR on a day, before it is classified. */
	record Change(LocalDate on, long contractId, String number, String currency, BigDecimal delta, Reason reason) {
	}

	/** A movement of ARR that happened before (for the account's ARR on a day). */
	record Past(LocalDate on, String currency, BigDecimal amount) {
	}

	/** A classified movement, ready to be stored. */
	record Derived(Long contractId, String number, ArrMovementKind kind, LocalDate on, BigDecimal amount,
			String currency, String cause, ChurnCategory category) {
	}

	/** What a reconciliation writes: the movements and the ledger's new state. */
	record Result(List<Derived> movements, List<Recorded> ledger, List<Long> forgotten) {
	}

	private MovementDerivation() {
	}

	/**
	 * The movements that bring the ledger in line with the contracts.
	 * @param terms every contract of the account as it stands
	 * @param ledger what the ledger recorded for them (contracts it has not seen are
	 * missing)
	 * @param past the account's movements so far (renewals left out)
	 * @param churnCategory the category said for a contract's churn, or null (voluntary)
	 */
	static Result derive(List<ContractTerm> terms, Map<Long, Recorded> ledger, List<Past> past,
			Function<Long, ChurnCategory> churnCategory, LocalDate today) {
		List<Change> changes = new ArrayList<>();
		List<Recorded> next = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (ContractTerm term : terms) {
			seen.add(term.id());
			Recorded recorded = ledger.get(term.id());
			if (recorded == null) {
				next.add(history(term, terms, today, changes));
			}
			else {
				next.add(change(term, recorded, today, changes));
			}
		}
		List<Long> forgotten = new ArrayList<>();
		for (Recorded recorded : ledger.values()) {
			if (!seen.contains(recorded.contractId())) {
				forgotten.add(recorded.contractId());
				if (recorded.arr().signum() != 0) {
					changes.add(new Change(today, recorded.contractId(), recorded.number(), recorded.currency(),
							recorded.arr().negate(), Reason.DELETED));
				}
			}
		}
		settlePendingRenewals(terms, ledger, changes, next);
		return new Result(classify(changes, past, churnCategory), next, forgotten);
	}

	/** A contract seen for the first time: the ARR it carried over its life so far. */
	private static Recorded history(ContractTerm term, List<ContractTerm> all, LocalDate today, List<Change> changes) {
		BigDecimal arr = term.arr();
		if (term.status() == ContractStatus.DRAFT || arr.signum() == 0) {
			return recorded(term, BigDecimal.ZERO);
		}
		LocalDate start = min(term.startDate(), today);
		LocalDate end = switch (term.status()) {
			case EXPIRED -> min(term.endDate().plusDays(1), today);
			case RENEWED -> min(successorStart(term, all), today);
			case TERMINATED -> min(min(term.endDate().plusDays(1), term.changedOn()), today);
			default -> null;
		};
		if (end != null && !end.isAfter(start)) {
			return recorded(term, BigDecimal.ZERO);
		}
		changes.add(new Change(start, term.id(), term.number(), term.currency(), arr, Reason.ACTIVATED));
		if (end == null) {
			return recorded(term, arr);
		}
		changes.add(new Change(end, term.id(), term.number(), term.currency(), arr.negate(),
				Reason.valueOf(term.status().name())));
		return recorded(term, BigDecimal.ZERO);
	}

	/**
	 * When a renewed contract's ARR passed to its successor: the start of the account's
	 * next contract in its currency if that began within 60 days of its end, else the day
	 * after its end.
	 */
	private static LocalDate successorStart(ContractTerm renewed, List<ContractTerm> all) {
		LocalDate after = renewed.endDate().plusDays(1);
		return all.stream()
			.filter(t -> t.id() != renewed.id() && t.currency().equals(renewed.currency())
					&& t.status() != ContractStatus.DRAFT && t.startDate().isAfter(renewed.startDate())
					&& Math.abs(java.time.temporal.ChronoUnit.DAYS.between(after, t.startDate())) <= 60)
			.map(ContractTerm::startDate)
			.min(Comparator.naturalOrder())
			.orElse(after);
	}

	/** A contract the ledger knows: the difference between its terms and the record. */
	private static Recorded change(ContractTerm term, Recorded recorded, LocalDate today, List<Change> changes) {
		BigDecimal target = term.recurring() ? term.arr() : BigDecimal.ZERO;
		if (term.status() == ContractStatus.RENEWED && recorded.status() != ContractStatus.RENEWED
				&& recorded.arr().signum() > 0) {
			// pending until its successor starts (settlePendingRenewals)
			return new Recorded(term.id(), term.number(), recorded.currency(), recorded.arr(), ContractStatus.RENEWED);
		}
		if (term.status() == ContractStatus.RENEWED) {
			return new Recorded(term.id(), term.number(), recorded.currency(), recorded.arr(), ContractStatus.RENEWED);
		}
		if (!recorded.currency().equals(term.currency())) {
			if (recorded.arr().signum() != 0) {
				changes.add(new Change(today, term.id(), term.number(), recorded.currency(), recorded.arr().negate(),
						Reason.CURRENCY_CHANGED));
			}
			if (target.signum() != 0) {
				changes
					.add(new Change(today, term.id(), term.number(), term.currency(), target, Reason.CURRENCY_CHANGED));
			}
			return recorded(term, target);
		}
		BigDecimal delta = target.subtract(recorded.arr());
		if (delta.signum() != 0) {
			Reason reason;
			LocalDate on = today;
			boolean wasActive = recorded.status() == ContractStatus.ACTIVE;
			if (term.recurring() && wasActive) {
				reason = Reason.LINES_CHANGED;
			}
			else if (term.recurring()) {
				reason = recorded.status() == ContractStatus.DRAFT ? Reason.ACTIVATED : Reason.REACTIVATED;
				if (reason == Reason.ACTIVATED) {
					on = min(term.startDate(), today);
				}
			}
			else if (term.status() == ContractStatus.EXPIRED) {
				reason = Reason.EXPIRED;
				on = min(term.endDate().plusDays(1), today);
			}
			else {
				reason = term.status() == ContractStatus.TERMINATED ? Reason.TERMINATED : Reason.LINES_CHANGED;
			}
			changes.add(new Change(on, term.id(), term.number(), term.currency(), delta, reason));
		}
		return recorded(term, target);
	}

	/**
	 * Renewed contracts still holding their ARR hand it over when a contract of theirs
	 * starts in the same currency in this reconciliation: the hand-over is dated the
	 * successor's start, so the day pairs them as a renewal.
	 */
	private static void settlePendingRenewals(List<ContractTerm> terms, Map<Long, Recorded> ledger,
			List<Change> changes, List<Recorded> next) {
		for (int i = 0; i < next.size(); i++) {
			Recorded r = next.get(i);
			if (r.status() != ContractStatus.RENEWED || r.arr().signum() == 0) {
				continue;
			}
			Change successor = changes.stream()
				.filter(c -> c.reason() == Reason.ACTIVATED && c.delta().signum() > 0
						&& c.currency().equals(r.currency()) && c.contractId() != r.contractId())
				.max(Comparator.comparing(Change::on))
				.orElse(null);
			if (successor != null) {
				changes.add(new Change(successor.on(), r.contractId(), r.number(), r.currency(), r.arr().negate(),
						Reason.RENEWED));
				next.set(i, new Recorded(r.contractId(), r.number(), r.currency(), BigDecimal.ZERO,
						ContractStatus.RENEWED));
			}
		}
	}

	/** Classifies the changes day by day against the account's ARR on each day. */
	static List<Derived> classify(List<Change> changes, List<Past> past, Function<Long, ChurnCategory> churnCategory) {
		TreeMap<LocalDate, List<Change>> days = new TreeMap<>();
		for (Change change : changes) {
			days.computeIfAbsent(change.on(), d -> new ArrayList<>()).add(change);
		}
		List<Derived> derived = new ArrayList<>();
		Map<String, BigDecimal> applied = new HashMap<>();
		for (Map.Entry<LocalDate, List<Change>> day : days.entrySet()) {
			LocalDate on = day.getKey();
			Map<String, BigDecimal> before = new HashMap<>(applied);
			for (Past p : past) {
				if (!p.on().isAfter(on)) {
					before.merge(p.currency(), p.amount(), BigDecimal::add);
				}
			}
			Map<String, BigDecimal> after = new HashMap<>(before);
			day.getValue().forEach(c -> after.merge(c.currency(), c.delta(), BigDecimal::add));
			boolean hadArr = before.values().stream().anyMatch(v -> v.signum() > 0);
			boolean hasArr = after.values().stream().anyMatch(v -> v.signum() > 0);
			List<Change> rest = new ArrayList<>(day.getValue());
			renewals(on, rest, derived);
			for (Change c : rest) {
				if (c.delta().signum() > 0) {
					ArrMovementKind kind = hadArr ? ArrMovementKind.EXPANSION : ArrMovementKind.NEW;
					derived.add(new Derived(c.contractId(), c.number(), kind, on, c.delta(), c.currency(),
							cause(kind, c), null));
				}
				else if (c.delta().signum() < 0) {
					ArrMovementKind kind = hasArr ? ArrMovementKind.CONTRACTION : ArrMovementKind.CHURN;
					ChurnCategory category = null;
					if (kind == ArrMovementKind.CHURN) {
						category = churnCategory.apply(c.contractId());
						category = category != null ? category : ChurnCategory.VOLUNTARY;
					}
					derived.add(new Derived(c.contractId(), c.number(), kind, on, c.delta(), c.currency(),
							cause(kind, c), category));
				}
			}
			day.getValue().forEach(c -> applied.merge(c.currency(), c.delta(), BigDecimal::add));
		}
		return derived;
	}

	/**
	 * Pairs, per currency, the day's renewed endings with its starts: a RENEWAL of the
	 * ended ARR and the difference as expansion or contraction. Removes what it pairs.
	 */
	private static void renewals(LocalDate on, List<Change> day, List<Derived> derived) {
		Map<String, List<Change>> ended = new LinkedHashMap<>();
		Map<String, List<Change>> started = new LinkedHashMap<>();
		for (Change c : day) {
			if (c.reason() == Reason.RENEWED && c.delta().signum() < 0) {
				ended.computeIfAbsent(c.currency(), k -> new ArrayList<>()).add(c);
			}
			else if (c.reason() == Reason.ACTIVATED && c.delta().signum() > 0) {
				started.computeIfAbsent(c.currency(), k -> new ArrayList<>()).add(c);
			}
		}
		for (Map.Entry<String, List<Change>> e : ended.entrySet()) {
			List<Change> successors = started.get(e.getKey());
			if (successors == null) {
				continue;
			}
			BigDecimal old = e.getValue()
				.stream()
				.map(c -> c.delta().negate())
				.reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal renewed = successors.stream().map(Change::delta).reduce(BigDecimal.ZERO, BigDecimal::add);
			Change first = successors.get(0);
			String from = String.join(", ", e.getValue().stream().map(Change::number).toList());
			String to = String.join(", ", successors.stream().map(Change::number).toList());
			derived.add(new Derived(first.contractId(), first.number(), ArrMovementKind.RENEWAL, on, old, e.getKey(),
					from + " renewed as " + to, null));
			BigDecimal difference = renewed.subtract(old);
			if (difference.signum() != 0) {
				ArrMovementKind kind = difference.signum() > 0 ? ArrMovementKind.EXPANSION
						: ArrMovementKind.CONTRACTION;
				derived.add(new Derived(first.contractId(), first.number(), kind, on, difference, e.getKey(),
						"Renewed at " + (difference.signum() > 0 ? "a higher" : "a lower") + " value: " + from + " "
								+ MoneyFormat.format(new Money(old, e.getKey())) + " → " + to + " "
								+ MoneyFormat.format(new Money(renewed, e.getKey())),
						null));
			}
			day.removeAll(e.getValue());
			day.removeAll(successors);
		}
	}

	private static String cause(ArrMovementKind kind, Change c) {
		return switch (c.reason()) {
			case ACTIVATED -> (kind == ArrMovementKind.NEW ? "First contract " : "Contract ") + c.number() + " started";
			case LINES_CHANGED -> "Service lines of " + c.number() + " changed";
			case EXPIRED -> c.number() + " expired without renewal";
			case RENEWED -> c.number() + " renewed (no successor in this currency)";
			case TERMINATED -> c.number() + " terminated";
			case REACTIVATED -> c.number() + " reactivated";
			case DELETED -> c.number() + " deleted";
			case CURRENCY_CHANGED -> "Currency of " + c.number() + " changed";
		};
	}

	private static Recorded recorded(ContractTerm term, BigDecimal arr) {
		return new Recorded(term.id(), term.number(), term.currency(), arr, term.status());
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

}
