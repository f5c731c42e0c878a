package io.intime.health.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountManagement.Stewards;
import io.intime.accounts.HealthBand;
import io.intime.accounts.HealthMark;
import io.intime.health.alerts.AlertSituation;
import io.intime.health.alerts.AlertThresholds;
import io.intime.health.alerts.Alerts;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModels;
import io.intime.shared.database.AccountScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes health scores from the facts and hands them on: stores the score and its history,
 * marks the account (for the accounts list), and brings the account's alerts in line. Always
 * set-based: a slice of accounts costs the same few statements whether it holds one account
 * or ten thousand. A full recompute walks all accounts in id slices, one transaction each.
 */
@Service
public class HealthRecompute {

    private static final Logger log = LoggerFactory.getLogger(HealthRecompute.class);
    static final int SLICE = 10_000;

    private final HealthModels models;
    private final FactsReader reader;
    private final HealthStore store;
    private final AccountManagement accounts;
    private final Alerts alerts;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    HealthRecompute(HealthModels models, FactsReader reader, HealthStore store, AccountManagement accounts,
            Alerts alerts, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.models = models;
        this.reader = reader;
        this.store = store;
        this.accounts = accounts;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = Clock.systemUTC();
    }

    /** What a recompute did. */
    public record Result(int accounts, int raised, int cleared, long millis) {

        public double perSecond() {
            return millis == 0 ? accounts : accounts * 1000.0 / millis;
        }
    }

    /** Today in UTC: the day facts are read as of. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Recomputes these accounts as of today (after their facts changed). */
    public Result recompute(Collection<Long> accountIds) {
        long start = System.currentTimeMillis();
        if (accountIds.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        List<Long> ids = List.copyOf(accountIds);
        Alerts.SyncResult sync = transaction.execute(status -> slice(models.current(), today(), ids, AccountScope.of(ids)));
        return new Result(ids.size(), sync.raised(), sync.cleared(), System.currentTimeMillis() - start);
    }

    /** Recomputes every account as of a day, in id slices of {@value #SLICE}. */
    public Result recomputeAll(LocalDate asOf) {
        long start = System.currentTimeMillis();
        HealthModel model = models.current();
        List<Long> all = jdbc.sql("select id from account order by id").query(Long.class).list();
        int raised = 0;
        int cleared = 0;
        for (int from = 0; from < all.size(); from += SLICE) {
            List<Long> ids = all.subList(from, Math.min(all.size(), from + SLICE));
            AccountScope scope = AccountScope.range(ids.get(0), ids.get(ids.size() - 1));
            Alerts.SyncResult sync = transaction.execute(status -> slice(model, asOf, ids, scope));
            raised += sync.raised();
            cleared += sync.cleared();
        }
        Result result = new Result(all.size(), raised, cleared, System.currentTimeMillis() - start);
        log.info("Health recomputed for {} accounts as of {} in {} ms ({} accounts/s); alerts raised {}, cleared {}",
                result.accounts(), asOf, result.millis(), Math.round(result.perSecond()), raised, cleared);
        return result;
    }

    /**
     * Scores accounts that have no score yet (new accounts, a first start), with their history
     * computed from the same facts as of each of the last {@code months} month-ends, so that a
     * trend is there from the first day. The history of earlier days is written, never the alerts.
     */
    public Result scoreUnscored(int months) {
        long start = System.currentTimeMillis();
        List<Long> unscored = jdbc.sql("""
                select a.id from account a where not exists (select 1 from account_health h where h.account_id = a.id)
                order by a.id""").query(Long.class).list();
        if (unscored.isEmpty()) {
            return new Result(0, 0, 0, 0);
        }
        HealthModel model = models.current();
        LocalDate today = today();
        for (int from = 0; from < unscored.size(); from += SLICE) {
            List<Long> ids = unscored.subList(from, Math.min(unscored.size(), from + SLICE));
            AccountScope scope = AccountScope.of(ids);
            for (int m = months; m >= 1; m--) {
                LocalDate monthEnd = today.minusMonths(m).withDayOfMonth(today.minusMonths(m).lengthOfMonth());
                transaction.executeWithoutResult(status -> {
                    List<Score> scores = score(model, monthEnd, ids, scope).values().stream().map(Scored::score).toList();
                    store.save(scores, Instant.now(clock), false);
                });
            }
            transaction.execute(status -> slice(model, today, ids, scope));
        }
        Result result = new Result(unscored.size(), 0, 0, System.currentTimeMillis() - start);
        log.info("Health scored for {} accounts without a score ({} months of history) in {} ms", result.accounts(),
                months, result.millis());
        return result;
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

    /** Scores a slice as of a day, stores it, marks the accounts and syncs their alerts. */
    private Alerts.SyncResult slice(HealthModel model, LocalDate asOf, List<Long> ids, AccountScope scope) {
        Map<Long, HealthBand> previous = store.currentBands(scope);
        Map<Long, Scored> scored = score(model, asOf, ids, scope);
        Instant now = Instant.now(clock);
        List<Score> scores = scored.values().stream().map(Scored::score).toList();
        store.save(scores, now, true);
        accounts.recordHealth(scores.stream().map(s -> new HealthMark(s.accountId(), s.total(), s.band(), now)).toList());
        Map<Long, Stewards> stewards = accounts.stewards(ids);
        List<AlertSituation> situations = new ArrayList<>(scored.size());
        for (Scored s : scored.values()) {
            Stewards who = stewards.get(s.score().accountId());
            if (who == null) {
                continue; // removed meanwhile
            }
            situations.add(situation(s, who.strategic(), previous.get(s.score().accountId())));
        }
        AlertThresholds thresholds = alerts.settings().thresholds();
        return alerts.sync(situations, thresholds);
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
                f.hiring() == null ? null : f.hiring().lastHireDate(), f.hiring() == null ? null : f.hiring().lastHireTitle(),
                f.payment() == null ? null : f.payment().maxDaysOverdue(),
                f.payment() == null ? null : f.payment().mostOverdueNumber(),
                f.payment() == null ? null : f.payment().mostOverdueId(),
                f.issues() == null ? null : f.issues().last30());
    }
}
