package io.intime.health.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountManagement.Stewards;
import io.intime.accounts.HealthBand;
import io.intime.accounts.HealthMark;
import io.intime.health.HealthBandChanged;
import io.intime.health.alerts.AlertSituation;
import io.intime.health.alerts.AlertThresholds;
import io.intime.health.alerts.Alerts;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModels;
import io.intime.shared.Actor;
import io.intime.shared.Today;
import io.intime.shared.database.AccountScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes health scores from the facts and hands them on: stores the score and its
 * history, marks the account (for the accounts list), publishes {@link HealthBandChanged}
 * for each account whose band moved, and brings the account's alerts in line. Always
 * set-based: a slice of accounts costs the same few statements whether it holds one
 * account or ten thousand. A full recompute walks all accounts in id slices, one
 * transaction each.
 */
@Service
public class HealthRecompute {

	private static final Logger log = LoggerFactory.getLogger(HealthRecompute.class);
	static final int SLICE = 10_000;

	static final String TIMER = "intime.health.recompute";

	private final HealthModels models;

	private final FactsReader reader;

	private final HealthStore store;

	private final AccountManagement accounts;

	private final Alerts alerts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Today time;

	private final int threads;

	private final ApplicationEventPublisher events;

	private final int backfillMonths;

	private final MeterRegistry meters;

	HealthRecompute(HealthModels models, FactsReader reader, HealthStore store, AccountManagement accounts,
			Alerts alerts, JdbcClient jdbc, PlatformTransactionManager transactionManager, Today time,
			@Value("${intime.health.recompute-threads:2}") int threads, ApplicationEventPublisher events,
			@Value("${intime.health.backfill-months:12}") int backfillMonths, MeterRegistry meters) {
		this.meters = meters;
		this.events = events;
		this.backfillMonths = backfillMonths;
		this.models = models;
		this.reader = reader;
		this.store = store;
		this.accounts = accounts;
		this.alerts = alerts;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.time = time;
		this.threads = Math.max(1, threads);
	}

	/**
	 * What a recompute did: accounts scored, of them those whose score changed, alerts
	 * raised and cleared.
	 */
	public record Result(int accounts, int changed, int raised, int cleared, long millis) {

		public double perSecond() {
			return millis == 0 ? accounts : accounts * 1000.0 / millis;
		}
	}

	/** Today in UTC: the day facts are read as of. */
	public LocalDate today() {
		return time.organizationToday();
	}

	/**
	 * Recomputes these accounts as of today, for the system (no user asked); archived
	 * accounts are skipped.
	 */
	public Result recompute(Collection<Long> accountIds) {
		return recompute(accountIds, id -> Actor.SYSTEM, false);
	}

	/**
	 * Recomputes these accounts as of today, because {@code actor} asked or changed their
	 * facts.
	 */
	public Result recompute(Collection<Long> accountIds, Actor actor) {
		return recompute(accountIds, id -> actor, false);
	}

	/**
	 * Recomputes accounts as of today after their facts changed; {@code actors} gives,
	 * per account, who caused it (the actor of the events it publishes). Transactional as
	 * one slice.
	 */
	public Result recompute(Map<Long, Actor> actors) {
		return recompute(actors.keySet(), id -> actors.getOrDefault(id, Actor.SYSTEM), true);
	}

	private Result recompute(Collection<Long> accountIds, Function<Long, Actor> actors, boolean firstWithHistory) {
		return timed("accounts", () -> recomputeUntimed(accountIds, actors, firstWithHistory));
	}

	private Result recomputeUntimed(Collection<Long> accountIds, Function<Long, Actor> actors,
			boolean firstWithHistory) {
		long start = System.nanoTime();
		if (accountIds.isEmpty()) {
			return new Result(0, 0, 0, 0, 0);
		}
		// An archived account keeps its last score and leaves the scoring until it is
		// restored.
		List<Long> ids = jdbc.sql("select id from account where id = any(:ids) and archived_at is null order by id")
			.param("ids", new SqlArrayValue("bigint", accountIds.toArray()))
			.query(Long.class)
			.list();
		// After a change, an account scored for the first time (its facts changed
		// before the start-up pass reached it, e.g. while the demo world is built) gets
		// its history too.
		List<Long> first = !firstWithHistory ? List.<Long>of()
				: jdbc.sql("""
						select a.id from account a where a.id = any(:ids)
						  and not exists (select 1 from account_health h where h.account_id = a.id) order by a.id""")
					.param("ids", new SqlArrayValue("bigint", ids.toArray()))
					.query(Long.class)
					.list();
		if (!first.isEmpty()) {
			scoreFirst(first, backfillMonths);
		}
		List<Long> scored = ids.stream().filter(id -> !first.contains(id)).toList();
		if (scored.isEmpty()) {
			return new Result(ids.size(), first.size(), 0, 0, (System.nanoTime() - start) / 1_000_000);
		}
		Sliced sliced = transaction.execute(
				status -> slice(models.current(), today(), scored, AccountScope.of(scored), Map.of(), true, actors));
		return new Result(ids.size(), sliced.changed() + first.size(), sliced.sync().raised(), sliced.sync().cleared(),
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * Recomputes every live (not archived) account as of a day, in id slices of
	 * {@value #SLICE}, {@code threads} slices at a time (each slice is its own
	 * transaction and touches only its accounts).
	 */
	public Result recomputeAll(LocalDate asOf) {
		return recomputeAll(asOf, Actor.SYSTEM);
	}

	/**
	 * As {@link #recomputeAll(LocalDate)}, because {@code actor} asked (or changed the
	 * model).
	 */
	public Result recomputeAll(LocalDate asOf, Actor actor) {
		return timed("all", () -> recomputeAllUntimed(asOf, actor));
	}

	private Result recomputeAllUntimed(LocalDate asOf, Actor actor) {
		long start = System.nanoTime();
		Instant startedAt = time.now();
		HealthModel model = models.current();
		List<Long> all = jdbc.sql("select id from account where archived_at is null order by id")
			.query(Long.class)
			.list();
		List<Future<Sliced>> slices = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int from = 0; from < all.size(); from += SLICE) {
				List<Long> ids = all.subList(from, Math.min(all.size(), from + SLICE));
				AccountScope scope = AccountScope.range(ids.get(0), ids.get(ids.size() - 1));
				slices.add(pool.submit(() -> transaction
					.execute(status -> slice(model, asOf, ids, scope, Map.of(), false, id -> actor))));
			}
			int changed = 0;
			int raised = 0;
			int cleared = 0;
			for (Future<Sliced> slice : slices) {
				Sliced sliced = slice.get();
				changed += sliced.changed();
				raised += sliced.sync().raised();
				cleared += sliced.sync().cleared();
			}
			Result result = new Result(all.size(), changed, raised, cleared, (System.nanoTime() - start) / 1_000_000);
			// The scores found unchanged keep their row; this run is what says they hold
			// as of asOf.
			store.recordRun(asOf, model.version(), startedAt, result.accounts(), changed, result.millis());
			log.info(
					"Health recomputed for {} accounts as of {} in {} ms ({} accounts/s), {} changed; alerts raised {}, cleared {}",
					result.accounts(), asOf, result.millis(), Math.round(result.perSecond()), changed, raised, cleared);
			return result;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Health recompute interrupted", e);
		}
		catch (ExecutionException e) {
			throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Scores accounts that have no score yet (new accounts, a first start), with their
	 * history computed from the same facts as of each of the last {@code months}
	 * month-ends, so that a trend is there from the first day. The history of earlier
	 * days is written, never the alerts.
	 */
	public Result scoreUnscored(int months) {
		return timed("unscored", () -> scoreUnscoredUntimed(months));
	}

	/**
	 * Times a recompute for {@value #TIMER} (Prometheus), tagged with its scope: a few
	 * accounts after their facts changed, all accounts, or the unscored ones.
	 */
	private Result timed(String scope, Supplier<Result> recompute) {
		return Timer.builder(TIMER)
			.description("Duration of health recomputes")
			.tag("scope", scope)
			.register(meters)
			.record(recompute);
	}

	private Result scoreUnscoredUntimed(int months) {
		long start = System.nanoTime();
		List<Long> unscored = jdbc.sql("""
				select a.id from account a where a.archived_at is null
				  and not exists (select 1 from account_health h where h.account_id = a.id)
				order by a.id""").query(Long.class).list();
		if (unscored.isEmpty()) {
			return new Result(0, 0, 0, 0, 0);
		}
		scoreFirst(unscored, months);
		Result result = new Result(unscored.size(), unscored.size(), 0, 0, (System.nanoTime() - start) / 1_000_000);
		log.info("Health scored for {} accounts without a score ({} months of history) in {} ms", result.accounts(),
				months, result.millis());
		return result;
	}

	/**
	 * The first score of these accounts, after their history as of the last
	 * {@code months} month-ends.
	 */
	private void scoreFirst(List<Long> unscored, int months) {
		HealthModel model = models.current();
		LocalDate today = today();
		for (int from = 0; from < unscored.size(); from += SLICE) {
			List<Long> ids = unscored.subList(from, Math.min(unscored.size(), from + SLICE));
			AccountScope scope = AccountScope.of(ids);
			Map<Long, HealthBand> lastBackfilled = new java.util.HashMap<>();
			for (int m = months; m >= 1; m--) {
				LocalDate monthEnd = today.minusMonths(m).withDayOfMonth(today.minusMonths(m).lengthOfMonth());
				transaction.executeWithoutResult(status -> {
					roomToSort();
					List<Score> scores = score(model, monthEnd, ids, scope).values()
						.stream()
						.map(Scored::score)
						.toList();
					store.save(scores, time.now(), false, score -> false);
					scores.forEach(score -> lastBackfilled.put(score.accountId(), score.band()));
				});
			}
			// The band of the last month-end is where today's band came from (a band drop
			// alert).
			transaction.execute(status -> slice(model, today, ids, scope, lastBackfilled, false, id -> Actor.SYSTEM));
		}
	}

	/** One score with the facts it came from. */
	record Scored(Score score, AccountFacts facts) {
	}

	private Map<Long, Scored> score(HealthModel model, LocalDate asOf, List<Long> ids, AccountScope scope) {
		Map<Long, AccountFacts> facts = reader.read(model, asOf, ids, scope);
		Map<Long, Scored> scores = new java.util.LinkedHashMap<>(ids.size() * 2);
		for (Long id : ids) {
			AccountFacts f = facts.get(id);
			scores.put(id, new Scored(HealthScorer.score(model, f), f));
		}
		return scores;
	}

	/**
	 * The facts queries group and sort a slice's facts (hundreds of thousands of rows);
	 * the default 4 MB of work memory sends those sorts to disk. For this transaction
	 * only.
	 */
	private void roomToSort() {
		jdbc.sql("set local work_mem = '64MB'").update();
	}

	/** What a slice did: how many scores changed, and the alerts. */
	record Sliced(int changed, Alerts.SyncResult sync) {
	}

	/**
	 * Scores a slice as of a day, stores what changed, marks the accounts and syncs their
	 * alerts.
	 * @param earlierBands the band an account had before when it has no current score
	 * (from a backfill)
	 * @param confirmUnchanged whether scores found unchanged get {@code asOf} as their
	 * day (a full run confirms them all by its run record instead)
	 * @param actors who caused the recompute of an account: the actor of its
	 * {@link HealthBandChanged} and of its alerts' events
	 */
	private Sliced slice(HealthModel model, LocalDate asOf, List<Long> ids, AccountScope scope,
			Map<Long, HealthBand> earlierBands, boolean confirmUnchanged, Function<Long, Actor> actors) {
		roomToSort();
		// Taken before the facts are read: a change is noted just before its transaction
		// commits (FactChanges), and the recompute that follows it starts after the
		// commit, so this instant is later than the changes these scores count.
		Instant now = time.now();
		long t0 = System.nanoTime();
		Map<Long, HealthStore.Current> previous = store.current(scope);
		long t1 = System.nanoTime();
		Map<Long, Scored> scored = score(model, asOf, ids, scope);
		long t2 = System.nanoTime();
		// Only what changed is written: a recompute that finds the same score leaves no
		// trace.
		List<Score> changed = new ArrayList<>();
		List<Long> unchanged = new ArrayList<>();
		for (Scored s : scored.values()) {
			HealthStore.Current stored = previous.get(s.score().accountId());
			if (stored == null || stored.fingerprint() != s.score().fingerprint()) {
				changed.add(s.score());
			}
			else {
				unchanged.add(s.score().accountId());
			}
		}
		store.save(changed, now, true, score -> {
			HealthStore.Current stored = previous.get(score.accountId());
			return stored == null || stored.detailFingerprint() == null
					|| stored.detailFingerprint() != score.detailFingerprint();
		});
		if (confirmUnchanged) {
			store.confirm(unchanged, asOf, now);
		}
		long t3 = System.nanoTime();
		// The accounts list shows total and band: only those that moved are marked again.
		accounts.recordHealth(changed.stream()
			.filter(s -> previous.get(s.accountId()) == null || previous.get(s.accountId()).total() != s.total()
					|| previous.get(s.accountId()).band() != s.band())
			.map(s -> new HealthMark(s.accountId(), s.total(), s.band(), now))
			.toList());
		for (Score s : changed) {
			HealthStore.Current stored = previous.get(s.accountId());
			if (stored != null && stored.band() != s.band()) {
				events.publishEvent(new HealthBandChanged(s.accountId(), stored.band(), s.band(), s.total(),
						actors.apply(s.accountId()), now));
			}
		}
		long t4 = System.nanoTime();
		Map<Long, Stewards> stewards = accounts.stewards(ids);
		List<AlertSituation> situations = new ArrayList<>(scored.size());
		for (Scored s : scored.values()) {
			Stewards who = stewards.get(s.score().accountId());
			if (who == null) {
				continue; // removed meanwhile
			}
			HealthStore.Current stored = previous.get(s.score().accountId());
			situations.add(situation(s, who.strategic(),
					stored != null ? stored.band() : earlierBands.get(s.score().accountId())));
		}
		AlertThresholds thresholds = alerts.settings().thresholds();
		Sliced sliced = new Sliced(changed.size(), alerts.sync(situations, thresholds, stewards, actors));
		if (log.isDebugEnabled() && ids.size() > 100) {
			log.debug(
					"slice of {}: current {} ms, facts+score {} ms, store {} of them {} ms, marks {} ms, alerts {} ms",
					ids.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, changed.size(), (t3 - t2) / 1_000_000,
					(t4 - t3) / 1_000_000, (System.nanoTime() - t4) / 1_000_000);
		}
		return sliced;
	}

	static AlertSituation situation(Scored s, boolean strategic, HealthBand previousBand) {
		AccountFacts f = s.facts();
		LocalDate asOf = f.asOf();
		Integer sinceTouchpoint = f.executive() == null || f.executive().lastTouchpoint() == null ? null
				: (int) ChronoUnit.DAYS.between(f.executive().lastTouchpoint(), asOf);
		Integer sinceHire = f.hiring() == null || f.hiring().lastHireDate() == null ? null
				: (int) ChronoUnit.DAYS.between(f.hiring().lastHireDate(), asOf);
		return new AlertSituation(s.score().accountId(), strategic, previousBand, s.score().band(), s.score().total(),
				f.nps() == null ? null : f.nps().accountNps(), f.nps() == null ? null : f.nps().accountNpsPrevious(),
				sinceTouchpoint, f.executive() == null ? null : f.executive().lastTouchpoint(), sinceHire,
				f.hiring() == null ? null : f.hiring().lastHireDate(),
				f.hiring() == null ? null : f.hiring().lastHireTitle(),
				f.payment() == null ? null : f.payment().maxDaysOverdue(),
				f.payment() == null ? null : f.payment().mostOverdueNumber(),
				f.payment() == null ? null : f.payment().mostOverdueId(),
				f.issues() == null ? null : f.issues().last30());
	}

}
