package io.intime.renewals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractTerm;
import io.intime.accounts.HealthBand;
import io.intime.accounts.ReportableAccount;
import io.intime.accounts.Tier;
import io.intime.engagement.EngagementFacts;
import io.intime.identity.CurrentUser;
import io.intime.revenue.OpenPipeline;
import io.intime.revenue.RevenueFacts;
import io.intime.shared.CurrencyRates;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The renewal pipeline (spec 01 step 5): the contracts ending in the next 90 days (up to
 * 180) of the accounts a reader may see, grouped by quarter, each with its probability
 * explained, health, recommended action and its reason; the summary with the ARR at stake
 * and the forecast in three buckets; and the actions grouped by urgency.
 */
@Service
public class RenewalPipeline {

	public static final int DEFAULT_WINDOW = 90;

	public static final int MAX_WINDOW = 180;

	/** What the pipeline recommends for a renewal. */
	public enum Action {

		URGENT("Urgent"), CALL("Call"), QBR("QBR"), EXPAND("Expand"), AUTO("Auto-renew");

		private final String label;

		Action(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/** One contract ending. */
	public record Row(long contractId, String contractNumber, long accountId, String accountName, String ownerName,
			Money arr, Money arrUsd, LocalDate renewalDate, long daysLeft, RenewalProbability probability,
			Integer healthScore, HealthBand healthBand, Action action, String reason, Long renewalId,
			RenewalStage renewalStage, Money expansionUsd, Instant nextQbr, boolean strategic) {
	}

	/** The rows of one calendar quarter with its total and average probability. */
	public record Quarter(String label, List<Row> rows, Money totalUsd, int averageProbability) {
	}

	/** A forecast bucket: its ARR, accounts and average probability. */
	public record Bucket(String key, String label, Money arrUsd, int accounts, int averageProbability) {
	}

	/** The pipeline as the Renewals tab and pages show it. */
	public record View(int windowDays, LocalDate today, Money atStakeUsd, int accounts, int averageProbability,
			List<Bucket> buckets, List<Quarter> quarters, List<Row> urgent, List<Row> thisWeek, List<Row> onTrack,
			String model) {

		public List<Row> rows() {
			return quarters.stream().flatMap(q -> q.rows().stream()).toList();
		}

	}

	private final ContractManagement contracts;

	private final Renewals renewals;

	private final RenewalSignals signals;

	private final EngagementFacts engagement;

	private final RevenueFacts revenue;

	private final CurrencyRates rates;

	private final Today time;

	RenewalPipeline(ContractManagement contracts, Renewals renewals, RenewalSignals signals, EngagementFacts engagement,
			RevenueFacts revenue, CurrencyRates rates, Today time) {
		this.contracts = contracts;
		this.renewals = renewals;
		this.signals = signals;
		this.engagement = engagement;
		this.revenue = revenue;
		this.rates = rates;
		this.time = time;
	}

	/**
	 * The pipeline of the accounts the user may see that pass {@code filter} (e.g. an
	 * executive's sponsored accounts), over the next {@code windowDays} days.
	 */
	@Transactional(readOnly = true)
	public View of(CurrentUser user, int windowDays, Predicate<ReportableAccount> filter) {
		Renewals.requireReader(user);
		if (windowDays < 1 || windowDays > MAX_WINDOW) {
			throw new InvalidInputException("window", "Choose a window from 1 to " + MAX_WINDOW + " days");
		}
		LocalDate today = time.organizationToday();
		Map<Long, ReportableAccount> accounts = new LinkedHashMap<>();
		contracts.reportableAccounts(user).stream().filter(filter).forEach(a -> accounts.put(a.id(), a));
		List<ContractTerm> ending = contracts.ending(today.minusDays(1), today.plusDays(windowDays - 1),
				AccountScope.of(accounts.keySet()));
		Map<Long, Tier> tiers = new HashMap<>();
		ending.forEach(t -> tiers.put(t.accountId(), accounts.get(t.accountId()).tier()));
		AccountScope scope = AccountScope.of(tiers.keySet());
		Map<Long, RenewalView> records = renewals.ofContracts(ending.stream().map(ContractTerm::id).toList(), user);
		Map<Long, Integer> overrides = new HashMap<>();
		Map<Long, String> reasons = new HashMap<>();
		records.values().forEach(r -> {
			if (r.probability() != null && r.probability().override() != null) {
				overrides.put(r.accountId(), r.probability().override());
				reasons.put(r.accountId(), r.probability().overrideReason());
			}
		});
		Map<Long, RenewalProbability> probabilities = renewals.probabilities(tiers, overrides, reasons);
		Map<Long, OpenPipeline> pipeline = revenue.openPipeline(scope);
		Map<Long, Instant> nextQbr = new HashMap<>();
		engagement.executiveWithNextQbr(today, 90, scope, time.now(),
				today.plusDays(windowDays + 1).atStartOfDay().toInstant(ZoneOffset.UTC), nextQbr);
		// one row per account and day: an MSA and its SOWs ending together renew together
		Map<String, List<ContractTerm>> together = new LinkedHashMap<>();
		for (ContractTerm t : ending) {
			together.computeIfAbsent(t.accountId() + "/" + t.endDate() + "/" + t.currency(), k -> new ArrayList<>())
				.add(t);
		}
		List<Row> rows = new ArrayList<>();
		for (List<ContractTerm> group : together.values()) {
			ContractTerm t = Renewals.primary(group);
			ReportableAccount a = accounts.get(t.accountId());
			RenewalProbability p = probabilities.get(t.accountId());
			RenewalView record = group.stream()
				.map(c -> records.get(c.id()))
				.filter(java.util.Objects::nonNull)
				.findFirst()
				.orElse(null);
			Money arr = new Money(group.stream().map(ContractTerm::arr).reduce(BigDecimal.ZERO, BigDecimal::add),
					t.currency());
			OpenPipeline open = pipeline.get(t.accountId());
			Money expansion = open == null || open.open() == 0 ? null : new Money(open.openUsd(), "USD");
			Instant qbr = nextQbr.get(t.accountId());
			LocalDate renewalDate = t.endDate().plusDays(1);
			Instant qbrBefore = qbr != null && qbr.isBefore(renewalDate.atStartOfDay().toInstant(ZoneOffset.UTC)) ? qbr
					: null;
			Recommendation advice = recommend(p, a.healthScore(), expansion, qbrBefore);
			String numbers = String.join(" + ", group.stream().map(ContractTerm::number).toList());
			rows.add(new Row(t.id(), numbers, a.id(), a.name(), a.ownerName(), arr, rates.convert(arr, "USD"),
					renewalDate, ChronoUnit.DAYS.between(today, renewalDate), p, a.healthScore(), a.healthBand(),
					advice.action(), advice.reason(), record == null ? null : record.id(),
					record == null ? null : record.stage(), expansion, qbrBefore, a.strategic()));
		}
		return view(windowDays, today, rows, renewals.model().name());
	}

	record Recommendation(Action action, String reason) {
	}

	/**
	 * The action a renewal needs and why: urgent below 50%; a call when no executive has
	 * been in touch for 90 days; the QBR when one is scheduled before the renewal; an
	 * expansion when the client is likely to renew and has open opportunities; a call for
	 * a moderate risk; else the renewal runs by itself.
	 */
	static Recommendation recommend(RenewalProbability p, Integer health, Money expansionUsd, Instant qbr) {
		double touch = p.contributions()
			.stream()
			.filter(c -> c.factor() == RenewalFactor.EXECUTIVE_TOUCH)
			.findFirst()
			.map(c -> c.value().startsWith("none") ? 180.0 : Double.parseDouble(c.value().replace(" days", "")))
			.orElse(0.0);
		String risks = String.join(", ", p.risks(2).stream().map(c -> c.label() + " " + c.value()).toList());
		if (p.percent() < 50) {
			return new Recommendation(Action.URGENT,
					"High risk: " + (risks.isEmpty() ? "low probability" : risks) + ". Secure the renewal now.");
		}
		if (touch >= 90) {
			return new Recommendation(Action.CALL,
					(p.percent() < 80 ? "Moderate risk. " : "")
							+ (touch >= 180 ? "No executive touchpoint in 180 days"
									: "No executive touchpoint in " + Math.round(touch) + " days")
							+ ". Schedule an executive call.");
		}
		if (qbr != null) {
			return new Recommendation(Action.QBR, (p.percent() >= 80 ? "Strong partnership. " : "Moderate risk. ")
					+ "QBR scheduled " + qbr.atZone(ZoneOffset.UTC).toLocalDate() + ": renew there.");
		}
		if (p.percent() >= 80 && expansionUsd != null) {
			return new Recommendation(Action.EXPAND,
					"Excellent relationship. Expansion opportunity +" + MoneyFormat.compact(expansionUsd) + ".");
		}
		if (p.percent() < 80) {
			return new Recommendation(Action.CALL,
					"Moderate risk: " + (risks.isEmpty() ? "mixed signals" : risks) + ". Call the sponsor this week.");
		}
		return new Recommendation(Action.AUTO,
				"Likely renewal. Strong relationship" + (health != null ? ", health " + health : "") + ".");
	}

	private static View view(int window, LocalDate today, List<Row> rows, String model) {
		Map<String, List<Row>> byQuarter = new LinkedHashMap<>();
		for (Row r : rows) {
			LocalDate d = r.renewalDate();
			int q = (d.getMonthValue() - 1) / 3;
			String label = "Q" + (q + 1) + " " + d.getYear() + " ("
					+ java.time.Month.of(q * 3 + 1)
						.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US)
					+ " – " + java.time.Month.of(q * 3 + 3)
						.getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.US)
					+ ")";
			byQuarter.computeIfAbsent(label, k -> new ArrayList<>()).add(r);
		}
		List<Quarter> quarters = new ArrayList<>();
		byQuarter.forEach((label, list) -> quarters.add(new Quarter(label, list, total(list), average(list))));
		List<Bucket> buckets = new ArrayList<>();
		for (String[] b : new String[][] { { "HIGH_CONFIDENCE", "High confidence" }, { "MEDIUM_RISK", "Medium risk" },
				{ "HIGH_RISK", "High risk" } }) {
			List<Row> in = rows.stream().filter(r -> r.probability().bucket().equals(b[0])).toList();
			buckets.add(new Bucket(b[0], b[1], total(in), in.size(), average(in)));
		}
		List<Row> urgent = rows.stream().filter(r -> r.action() == Action.URGENT).toList();
		List<Row> week = rows.stream().filter(r -> r.action() == Action.CALL || r.action() == Action.EXPAND).toList();
		List<Row> track = rows.stream().filter(r -> r.action() == Action.AUTO || r.action() == Action.QBR).toList();
		return new View(window, today, total(rows), rows.size(), average(rows), buckets, quarters, urgent, week, track,
				model);
	}

	private static Money total(List<Row> rows) {
		return new Money(rows.stream().map(r -> r.arrUsd().amount()).reduce(BigDecimal.ZERO, BigDecimal::add), "USD");
	}

	private static int average(List<Row> rows) {
		return rows.isEmpty() ? 0
				: (int) Math.round(rows.stream().mapToInt(r -> r.probability().percent()).average().orElse(0));
	}

}
