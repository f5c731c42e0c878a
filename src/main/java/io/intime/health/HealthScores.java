package io.intime.health;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.HealthBand;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModels;
import io.intime.health.scoring.ComponentScore;
import io.intime.health.scoring.HealthMoves;
import io.intime.health.scoring.HealthRecompute;
import io.intime.health.scoring.HealthStore;
import io.intime.health.scoring.Score;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account health: the current score of an account with its components and what would move
 * it, and its history, for the users {@link HealthRules} lets see it; the details the
 * explanations cite of other modules' records are shown as those modules' rules allow.
 * Scores are computed by the health module itself when facts change and every night;
 * nothing else writes them.
 */
@Service
public class HealthScores {

	private final AccountManagement accounts;

	private final HealthStore store;

	private final HealthModels models;

	private final HealthRecompute recompute;

	private final HealthRules rules;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	HealthScores(AccountManagement accounts, HealthStore store, HealthModels models, HealthRecompute recompute,
			HealthRules rules, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.accounts = accounts;
		this.store = store;
		this.models = models;
		this.recompute = recompute;
	}

	/**
	 * The current health of an account.
	 * @return the report, or null when the account has not been scored yet
	 * @throws NotFoundException when there is no such account
	 * @throws AccessDeniedException when the user may not see the account's health
	 */
	@Transactional(readOnly = true)
	public HealthReport current(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		rules.requireView(account, user);
		Set<Citations.Source> citable = rules.citable(account, user);
		HealthStore.StoredScore stored = store.current(accountId);
		if (stored == null) {
			return null;
		}
		HealthModel model = models.get(stored.modelVersion());
		Score score = stored.score(model);
		// Day counts in the sentences ("60 days ago") are counted to the day the page is
		// read.
		LocalDate today = recompute.today();
		List<HealthReport.Component> components = score.components()
			.stream()
			.map(c -> component(c, today, citable))
			.toList();
		List<HealthReport.Move> moves = HealthMoves.of(model, score)
			.stream()
			.map(m -> new HealthReport.Move(m.componentKey(), m.component(), m.change(), m.gain(), m.newTotal(),
					m.newBand(), m.bandChanges()))
			.toList();
		return new HealthReport(accountId, stored.total(), stored.band(), stored.asOf(), stored.computedAt(),
				stored.checkedAt(), stored.modelVersion(), score.measuredMaximum(), model.greenFrom(),
				model.yellowFrom(), components, moves);
	}

	/**
	 * Whether the account's score has caught up with its facts: {@code pending} while a
	 * change of its facts waits for the recompute that follows it (never for an archived
	 * account, which is not recomputed).
	 *
	 * @param score null when the account has no score yet (then also {@code band})
	 * @param version identifies what the score shows (its fingerprint); null without a
	 * score
	 */
	public record Freshness(long accountId, Integer score, HealthBand band, boolean pending, String version) {
	}

	/**
	 * The freshness of an account's score, for pages that wait for a recompute.
	 * @throws NotFoundException when there is no such account
	 * @throws AccessDeniedException when the user may not see the account's health
	 */
	@Transactional(readOnly = true)
	public Freshness freshness(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		rules.requireView(account, user);
		HealthStore.Freshness f = store.freshness(accountId);
		return new Freshness(accountId, f.score(), f.band(), !account.archived() && f.pending(),
				f.fingerprint() == null ? null : Long.toHexString(f.fingerprint()));
	}

	/**
	 * Each account's score as it stood on {@code day}: the latest computed on or before
	 * it, from the history (today's from the current scores), set-based. Accounts never
	 * scored by then are missing. No permission check: for derived figures (renewal
	 * probabilities) that carry their own.
	 */
	@Transactional(readOnly = true)
	public Map<Long, Integer> scoresOn(LocalDate day, io.intime.shared.database.AccountScope scope) {
		Map<Long, Integer> scores = new java.util.HashMap<>();
		if (scope.isEmpty()) {
			return scores;
		}
		String sql = """
				select distinct on (account_id) account_id, score from (
				  select account_id, as_of, computed_at, score from account_health_history where as_of <= :day
				  union all
				  select account_id, as_of, computed_at, score from account_health where as_of <= :day) s
				 where true""" + " " + scope.clause("account_id")
				+ " order by account_id, as_of desc, computed_at desc";
		scope.bind(jdbc.sql(sql)).param("day", day).query(rs -> {
			scores.put(rs.getLong(1), rs.getInt(2));
		});
		return scores;
	}

	/** The history of an account's score between two days (inclusive), oldest first. */
	@Transactional(readOnly = true)
	public List<HealthReport.Point> history(long accountId, LocalDate from, LocalDate to, CurrentUser user) {
		if (from.isAfter(to)) {
			throw new InvalidInputException("from", "must not be after to (" + to + ")");
		}
		if (from.isBefore(to.minusYears(5))) {
			throw new InvalidInputException("from", "must be at most 5 years before to");
		}
		rules.requireView(accounts.get(accountId, user), user);
		return store.history(accountId, from, to)
			.stream()
			.map(p -> new HealthReport.Point(p.asOf(), p.computedAt(), p.score(), p.band(), p.modelVersion()))
			.toList();
	}

	/**
	 * Recomputes one account now (for a person who wants the latest facts counted at
	 * once).
	 */
	public HealthReport recompute(long accountId, CurrentUser user) {
		AccountDetails account = accounts.get(accountId, user);
		rules.requireView(account, user);
		HealthRules.require(rules.canRecompute(account, user),
				"Executives, sales directors, admins and the account's manager recompute its health");
		recompute.recompute(List.of(accountId), user.actor());
		return current(accountId, user);
	}

	/**
	 * What a full recompute did: accounts scored, time taken, alerts raised and cleared.
	 */
	public record Recomputed(int accounts, long millis, long accountsPerSecond, int alertsRaised, int alertsCleared) {
	}

	/** Recomputes every account now (admins), as the nightly run does. */
	public Recomputed recomputeAll(CurrentUser user) {
		HealthRules.require(rules.canRecomputeAll(user), "Only admins recompute every account");
		HealthRecompute.Result result = recompute.recomputeAll(recompute.today(), user.actor());
		return new Recomputed(result.accounts(), result.millis(), Math.round(result.perSecond()), result.raised(),
				result.cleared());
	}

	private static HealthReport.Component component(ComponentScore c, LocalDate today, Set<Citations.Source> citable) {
		Map<String, BigDecimal> inputs = new LinkedHashMap<>();
		if (!c.missing()) {
			if (c.x() != null) {
				inputs.put(c.measure().input(), c.x());
			}
			if (c.y() != null && c.measure().secondInput() != null) {
				inputs.put(c.measure().secondInput(), c.y());
			}
		}
		return new HealthReport.Component(c.key(), c.label(), c.measure().name(), c.points(), c.maximum(), c.percent(),
				c.missing(), inputs, c.reached(), c.explanation(today, citable));
	}

}
