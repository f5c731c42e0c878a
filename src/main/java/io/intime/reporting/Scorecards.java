package io.intime.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.engagement.EngagementFacts;
import io.intime.escalations.EscalationFacts;
import io.intime.health.HealthScores;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserSummary;
import io.intime.qbr.QbrCompletion;
import io.intime.qbr.QbrCompletionRate;
import io.intime.revenue.Retention;
import io.intime.revenue.RevenueKpis;
import io.intime.revenue.RevenueSegment;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.database.AccountScope;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account managers' monthly scorecards (spec 03): each metric from the module that
 * owns it (NRR and expansion from the ARR movements, NPS from the responses of the
 * quarter, % green from the health scores at the month's end, escalations resolved within
 * their SLA that month, QBR completion from the QBRs due by cadence in the twelve months
 * ending with the month), month by month, and a director's comparison of their team.
 * Account managers see their own; sales directors, executives and admins anyone's.
 */
@Service
public class Scorecards {

	/** Green as spec 03 counts it: clients scoring 80 or more. */
	static final int GREEN = 80;

	private final RevenueKpis kpis;

	private final EngagementFacts engagement;

	private final EscalationFacts escalations;

	private final HealthScores health;

	private final UserDirectory users;

	private final QbrCompletion qbrs;

	Scorecards(RevenueKpis kpis, EngagementFacts engagement, EscalationFacts escalations, HealthScores health,
			UserDirectory users, QbrCompletion qbrs) {
		this.kpis = kpis;
		this.engagement = engagement;
		this.escalations = escalations;
		this.health = health;
		this.users = users;
		this.qbrs = qbrs;
	}

	/** The scorecards of twelve months ending with {@code lastMonth}, oldest first. */
	@Transactional(readOnly = true)
	public List<Scorecard> history(long ownerId, YearMonth lastMonth, CurrentUser user) {
		UserSummary owner = ownerSeenBy(ownerId, user);
		YearMonth current = YearMonth.from(kpis.today());
		if (lastMonth.isAfter(current)) {
			throw new InvalidInputException("month", "Choose this month or an earlier one");
		}
		RevenueSegment segment = RevenueSegment.portfolioOf(ownerId);
		AccountScope scope = kpis.scope(segment, user).accountScope();
		List<RevenueKpis.Month> revenue = kpis.trailingYear(segment, lastMonth, user);
		LocalDate first = lastMonth.minusMonths(13).atDay(1);
		LocalDate last = lastMonth.atEndOfMonth();
		Map<LocalDate, EngagementFacts.NpsTally> nps = engagement.npsByMonth(first, last, scope);
		Map<LocalDate, EscalationFacts.Resolutions> resolved = escalations.resolutionsByMonth(first, last, scope);
		Map<YearMonth, QbrCompletionRate> qbr = qbrs.trailingYearByMonth(ownerId, lastMonth.minusMonths(11), lastMonth);
		List<Scorecard> cards = new ArrayList<>();
		for (RevenueKpis.Month m : revenue) {
			LocalDate end = m.month().equals(current) ? kpis.today() : m.month().atEndOfMonth();
			Map<Long, Integer> scores = health.scoresOn(end, scope);
			cards.add(card(owner, m.month(), m.trailingYear(), nps, resolved.get(m.month().atDay(1)), scores,
					qbr.getOrDefault(m.month(), QbrCompletionRate.none())));
		}
		return cards;
	}

	/** One month's scorecard. */
	@Transactional(readOnly = true)
	public Scorecard of(long ownerId, YearMonth month, CurrentUser user) {
		List<Scorecard> history = history(ownerId, month, user);
		return history.get(history.size() - 1);
	}

	/**
	 * A sales director's team (the account managers who report to them) or, for
	 * executives and admins, every account manager: each one's scorecard of the month,
	 * best first.
	 */
	@Transactional(readOnly = true)
	public List<Scorecard> team(YearMonth month, CurrentUser user) {
		if (!user.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN)) {
			throw new AccessDeniedException("Sales directors compare their account managers");
		}
		List<UserSummary> managers = user.hasRole(Role.SALES_DIRECTOR) ? users.directReports(user.id()) : List.of();
		if (managers.isEmpty()) {
			managers = users.withRoles(Role.ACCOUNT_MANAGER);
		}
		List<Scorecard> cards = new ArrayList<>();
		for (UserSummary m : managers) {
			if (m.role() == Role.ACCOUNT_MANAGER) {
				cards.add(of(m.id(), month, user));
			}
		}
		cards.sort(
				java.util.Comparator.comparing((Scorecard c) -> c.score() == null ? BigDecimal.valueOf(-1) : c.score())
					.reversed());
		return cards;
	}

	private Scorecard card(UserSummary owner, YearMonth month, Retention.Period trailing,
			Map<LocalDate, EngagementFacts.NpsTally> nps, EscalationFacts.Resolutions resolved,
			Map<Long, Integer> scores, QbrCompletionRate qbr) {
		String from = month.minusMonths(11).atDay(1).toString();
		String to = month.atEndOfMonth().toString();
		String query = "ownerId=" + owner.id() + "&from=" + from + "&to=" + to;
		List<Scorecard.Component> components = new ArrayList<>();
		BigDecimal nrr = trailing.constant().nrr();
		components.add(nrr == null
				? Scorecard.missing(ScorecardMetric.NRR, "No ARR a year before", "/revenue/reports?" + query)
				: Scorecard.measured(ScorecardMetric.NRR, nrr,
						trailing.startingClients() + " clients, constant currency", "/revenue/reports?" + query));
		int responses = 0;
		int promoters = 0;
		int detractors = 0;
		for (int i = 0; i < 3; i++) {
			EngagementFacts.NpsTally t = nps.get(month.minusMonths(i).atDay(1));
			if (t != null) {
				responses += t.responses();
				promoters += t.promoters();
				detractors += t.detractors();
			}
		}
		String quarter = "ownerId=" + owner.id() + "&from=" + month.minusMonths(2).atDay(1) + "&to=" + to;
		components.add(responses == 0
				? Scorecard.missing(ScorecardMetric.NPS, "No NPS response in the quarter",
						"/revenue/reports/nps?" + quarter)
				: Scorecard.measured(ScorecardMetric.NPS, Retention.nps(responses, promoters, detractors),
						responses + " responses in the quarter", "/revenue/reports/nps?" + quarter));
		BigDecimal expansion = trailing.constant().expansionRate();
		components.add(expansion == null
				? Scorecard.missing(ScorecardMetric.EXPANSION, "No ARR a year before",
						"/revenue/reports/movements?" + query + "&figure=EXPANSION")
				: Scorecard.measured(ScorecardMetric.EXPANSION, expansion,
						io.intime.shared.MoneyFormat.compact(
								new io.intime.shared.Money(trailing.constant().expansion(), "USD")) + " in 12 months",
						"/revenue/reports/movements?" + query + "&figure=EXPANSION"));
		long green = scores.values().stream().filter(s -> s >= GREEN).count();
		components.add(scores.isEmpty()
				? Scorecard.missing(ScorecardMetric.GREEN, "No health score yet", "/accounts?owner=" + owner.id())
				: Scorecard.measured(ScorecardMetric.GREEN,
						BigDecimal.valueOf(green * 100.0 / scores.size()).setScale(1, RoundingMode.HALF_UP),
						green + " of " + scores.size() + " clients scoring 80+", "/accounts?owner=" + owner.id()));
		components.add(resolved == null || resolved.resolved() == 0
				? Scorecard.missing(ScorecardMetric.ESCALATIONS, "No escalation resolved this month", "/escalations")
				: Scorecard.measured(ScorecardMetric.ESCALATIONS,
						BigDecimal.valueOf(resolved.withinSla() * 100.0 / resolved.resolved())
							.setScale(1, RoundingMode.HALF_UP),
						resolved.withinSla() + " of " + resolved.resolved() + " within SLA", "/escalations"));
		String qbrList = "/qbrs?view=list&owner=" + owner.id();
		components
			.add(qbr.due() == 0 ? Scorecard.missing(ScorecardMetric.QBR, "No QBR was due in the 12 months", qbrList)
					: Scorecard.measured(ScorecardMetric.QBR, qbr.percent(),
							qbr.completed() + " of " + qbr.due()
									+ " QBRs due in 12 months held; quality: deck 3 days ahead " + qbr.deckReady()
									+ ", executive attended " + qbr.executiveAttended() + ", action items "
									+ qbr.actionItems() + ", follow-up within a week " + qbr.followUp(),
							qbrList));
		return Scorecard.of(owner.id(), owner.fullName(), month, components);
	}

	private UserSummary ownerSeenBy(long ownerId, CurrentUser user) {
		if (ownerId != user.id() && !user.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN)) {
			throw new AccessDeniedException("Account managers see their own scorecard");
		}
		UserSummary owner = users.find(ownerId).orElseThrow(() -> new NotFoundException("User", ownerId));
		if (owner.role() != Role.ACCOUNT_MANAGER) {
			throw new InvalidInputException("ownerId", owner.fullName() + " is not an account manager");
		}
		return owner;
	}

}
