package io.intime.executive;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.intime.accounts.HealthBand;
import io.intime.accounts.StrategicAccount;
import io.intime.accounts.StrategicAccounts;
import io.intime.engagement.EngagementFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.EscalationFacts;
import io.intime.escalations.IssueFacts;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.revenue.OpenPipeline;
import io.intime.revenue.RevenueFacts;
import io.intime.shared.Money;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.intime.staffing.HiringFacts;
import io.intime.staffing.StaffingFacts;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive's strategic accounts portfolio (spec 01 step 1), read in at most eight
 * SQL statements whatever its size: the accounts with the company's ARR (accounts);
 * hiring, NPS, executive touchpoints with the next QBRs, open pipeline and escalations,
 * one set-based statement each (the fact modules); active recovery plans and, when there
 * are any, their delivery since (here). An executive sees the accounts they sponsor
 * (every strategic account when they sponsor none); a sales director the strategic
 * accounts of the account managers who report to them.
 */
@Service
public class StrategicPortfolio {

	/** "Renewing in 90 days". */
	static final int RENEWAL_WINDOW_DAYS = 90;

	/** "Recently renewed": a renewal that took effect in the last 90 days. */
	static final int RENEWED_WINDOW_DAYS = 90;

	private final StrategicAccounts accounts;

	private final StaffingFacts staffing;

	private final EngagementFacts engagement;

	private final RevenueFacts revenue;

	private final EscalationFacts escalations;

	private final RecoveryPlans plans;

	private final UserDirectory users;

	private final Today time;

	StrategicPortfolio(StrategicAccounts accounts, StaffingFacts staffing, EngagementFacts engagement,
			RevenueFacts revenue, EscalationFacts escalations, RecoveryPlans plans, UserDirectory users, Today time) {
		this.accounts = accounts;
		this.staffing = staffing;
		this.engagement = engagement;
		this.revenue = revenue;
		this.escalations = escalations;
		this.plans = plans;
		this.users = users;
		this.time = time;
	}

	/** Whether the user has a strategic portfolio: executives and sales directors. */
	public static boolean hasPortfolio(CurrentUser user) {
		return user.hasRole(Role.EXECUTIVE, Role.SALES_DIRECTOR);
	}

	/**
	 * The user's portfolio.
	 * @throws AccessDeniedException for roles other than executives and sales directors
	 */
	@Transactional(readOnly = true)
	public PortfolioView of(CurrentUser user) {
		if (!hasPortfolio(user)) {
			throw new AccessDeniedException("The strategic accounts portfolio is for executives and sales directors");
		}
		boolean team = user.hasRole(Role.SALES_DIRECTOR);
		StrategicAccounts.Found found;
		if (team) {
			List<Long> managers = users.directReports(user.id())
				.stream()
				.filter(u -> u.role() == Role.ACCOUNT_MANAGER)
				.map(UserSummary::id)
				.toList();
			found = accounts.of(StrategicAccounts.Scope.ownedBy(managers), user);
		}
		else {
			found = accounts.of(StrategicAccounts.Scope.sponsoredBy(user.id()), user);
			if (found.accounts().isEmpty()) {
				found = accounts.of(StrategicAccounts.Scope.allStrategic(), user);
			}
		}
		return view(user.fullName(), team, found, time.organizationToday());
	}

	/** Every account's signals, for the dashboard of one account too. */
	List<AccountSignals> signals(List<StrategicAccount> list, LocalDate today, Map<Long, NpsFacts> npsOut) {
		if (list.isEmpty()) {
			return List.of();
		}
		List<Long> ids = list.stream().map(StrategicAccount::id).toList();
		AccountScope scope = AccountScope.of(ids);
		Map<Long, HiringFacts> hiring = staffing.hiring(today, 90, scope);
		Map<Long, NpsFacts> nps = engagement.nps(today, 180, scope);
		npsOut.putAll(nps);
		Instant now = time.now();
		Map<Long, Instant> qbrs = new java.util.HashMap<>();
		Map<Long, ExecutiveFacts> executive = engagement.executiveWithNextQbr(today, 90, scope, now,
				now.plus(ExecutiveActions.QBR_PREP_DAYS, ChronoUnit.DAYS), qbrs);
		Map<Long, OpenPipeline> pipeline = revenue.openPipeline(scope);
		Map<Long, IssueFacts> issues = escalations.issues(today, 90, scope);
		Map<Long, PlanProgress> active = plans.active(list, nps);
		List<AccountSignals> signals = new ArrayList<>();
		for (StrategicAccount a : list) {
			signals.add(new AccountSignals(a, today, hiring.get(a.id()), nps.get(a.id()), executive.get(a.id()),
					pipeline.get(a.id()), issues.get(a.id()), qbrs.get(a.id()), active.get(a.id())));
		}
		return signals;
	}

	PortfolioView view(String owner, boolean team, StrategicAccounts.Found found, LocalDate today) {
		List<StrategicAccount> list = found.accounts();
		List<AccountSignals> signals = signals(list, today, new java.util.HashMap<>());
		List<ExecutiveAction> actions = ExecutiveActions.of(signals);
		Set<Long> urgent = actions.stream()
			.filter(ExecutiveAction::urgent)
			.map(ExecutiveAction::accountId)
			.collect(Collectors.toSet());
		Set<Long> attention = actions.stream()
			.filter(a -> !a.urgent())
			.map(ExecutiveAction::accountId)
			.collect(Collectors.toSet());

		Money combined = Money.zero("USD");
		Map<HealthBand, int[]> counts = new EnumMap<>(HealthBand.class);
		Map<HealthBand, Money> bandArr = new EnumMap<>(HealthBand.class);
		int unscored = 0;
		Money unscoredArr = Money.zero("USD");
		int renewing = 0;
		Money renewingArr = Money.zero("USD");
		int expansion = 0;
		Money expansionUsd = Money.zero("USD");
		int renewed = 0;
		Money renewedArr = Money.zero("USD");
		List<PortfolioView.Row> rows = new ArrayList<>();
		for (AccountSignals s : signals) {
			StrategicAccount a = s.account();
			combined = combined.plus(a.arrUsd());
			if (a.healthBand() == null) {
				unscored++;
				unscoredArr = unscoredArr.plus(a.arrUsd());
			}
			else {
				counts.computeIfAbsent(a.healthBand(), b -> new int[1])[0]++;
				bandArr.merge(a.healthBand(), a.arrUsd(), Money::plus);
			}
			Long days = s.daysToRenewal();
			boolean isRenewing = days != null && days >= 0 && days <= RENEWAL_WINDOW_DAYS;
			if (isRenewing) {
				renewing++;
				renewingArr = renewingArr.plus(a.arrUsd());
			}
			Money pipeline = null;
			if (s.pipeline() != null && s.pipeline().open() > 0) {
				expansion++;
				pipeline = new Money(s.pipeline().openUsd(), "USD");
				expansionUsd = expansionUsd.plus(pipeline);
			}
			boolean isRenewed = a.renewedOn() != null && !a.renewedOn().isBefore(today.minusDays(RENEWED_WINDOW_DAYS));
			if (isRenewed) {
				renewed++;
				renewedArr = renewedArr.plus(a.arrUsd());
			}
			rows.add(new PortfolioView.Row(s, pipeline, s.plan(), urgent.contains(a.id()), attention.contains(a.id()),
					isRenewing, isRenewed));
		}
		int count = list.size();
		List<PortfolioView.Band> bands = new ArrayList<>();
		for (HealthBand band : List.of(HealthBand.GREEN, HealthBand.YELLOW, HealthBand.RED)) {
			int n = counts.getOrDefault(band, new int[1])[0];
			bands.add(new PortfolioView.Band(band, label(band), n, percent(n, count),
					bandArr.getOrDefault(band, Money.zero("USD"))));
		}
		if (unscored > 0) {
			bands.add(new PortfolioView.Band(null, "Not scored yet", unscored, percent(unscored, count), unscoredArr));
		}
		Money company = found.companyArrUsd();
		Integer share = company.amount().signum() == 0 ? null
				: combined.amount()
					.multiply(BigDecimal.valueOf(100))
					.divide(company.amount(), 0, RoundingMode.HALF_UP)
					.intValue();
		Money average = count == 0 ? Money.zero("USD")
				: new Money(combined.amount().divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP), "USD");
		return new PortfolioView(owner, team, today, count, combined, company, share, average,
				Collections.unmodifiableList(bands), new PortfolioView.Status("renewing", renewing, renewingArr),
				new PortfolioView.Status("expansion", expansion, expansionUsd),
				new PortfolioView.Status("renewed", renewed, renewedArr),
				actions.stream().filter(ExecutiveAction::urgent).toList(),
				actions.stream().filter(a -> !a.urgent()).toList(), List.copyOf(rows));
	}

	static String label(HealthBand band) {
		return switch (band) {
			case GREEN -> "Healthy";
			case YELLOW -> "At risk";
			case RED -> "Critical";
		};
	}

	private static int percent(int n, int of) {
		return of == 0 ? 0 : (int) Math.round(100.0 * n / of);
	}

	/** The rows by account id, for pages that look one up. */
	static Map<Long, PortfolioView.Row> byId(PortfolioView view) {
		Map<Long, PortfolioView.Row> rows = new LinkedHashMap<>();
		view.rows().forEach(r -> rows.put(r.id(), r));
		return rows;
	}

}
