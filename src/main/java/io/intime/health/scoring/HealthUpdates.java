package io.intime.health.scoring;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes an account's score when one of its facts or the account itself changed, within
 * seconds (after the change's transaction committed). Changes that arrive together — a burst
 * of imported invoices, a demo world being built — are coalesced: whoever holds the lock
 * recomputes every pending account in one set-based pass, and looks again before it leaves.
 * <p>
 * Each event is handled (its publication marked complete) only once a batch that covers its
 * account has committed: a listener whose account another thread is recomputing waits for that
 * batch, and when the batch fails every listener it covered fails with it, so their
 * publications stay incomplete and are resubmitted ({@link #retryFailed}). Switched off with
 * {@code intime.health.live=false} (tests that set scores by hand).
 */
@Component
class HealthUpdates {

    private static final Logger log = LoggerFactory.getLogger(HealthUpdates.class);

    private final HealthRecompute recompute;
    private final FailedEventPublications failed;
    private final boolean live;
    private final Duration retryAfter;
    /** The accounts waiting for a batch, each with who caused it and the batch's outcome. */
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    HealthUpdates(HealthRecompute recompute, FailedEventPublications failed,
            @Value("${intime.health.live:true}") boolean live,
            @Value("${intime.health.retry-failed-after:PT30S}") Duration retryAfter) {
        this.recompute = recompute;
        this.failed = failed;
        this.live = live;
        this.retryAfter = retryAfter;
    }

    /**
     * An account waiting to be recomputed. {@code actor} is who caused it: the one user whose
     * changes are pending, or the system once changes of several people coalesce.
     */
    private record Pending(Actor actor, CompletableFuture<Void> done) {

        Pending and(Actor other) {
            return other.equals(actor) ? this : new Pending(Actor.SYSTEM, done);
        }
    }

    @ApplicationModuleListener
    void on(AccountFactChanged event) {
        changed(event.accountId(), event.actor());
    }

    /**
     * Recomputes the account in the next batch and returns once that batch committed.
     *
     * @throws IllegalStateException when the batch that covered the account failed
     */
    void changed(long accountId, Actor actor) {
        if (!live) {
            return;
        }
        CompletableFuture<Void> done = pending
                .compute(accountId, (id, waiting) -> waiting == null ? new Pending(actor, new CompletableFuture<>())
                        : waiting.and(actor))
                .done();
        while (!done.isDone()) {
            if (lock.tryLock()) {
                try {
                    runBatch();
                }
                finally {
                    lock.unlock();
                }
            }
            else {
                await(done);
            }
        }
        try {
            done.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while account " + accountId + " was recomputed", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("The health recompute of account " + accountId + " failed", e.getCause());
        }
    }

    /** Recomputes every pending account in one pass; completes their futures with its outcome. */
    private void runBatch() {
        Map<Long, Pending> batch = new HashMap<>();
        for (Long id : List.copyOf(pending.keySet())) {
            Pending taken = pending.remove(id);
            if (taken != null) {
                batch.put(id, taken);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, Actor> actors = new HashMap<>();
        batch.forEach((id, p) -> actors.put(id, p.actor()));
        try {
            HealthRecompute.Result result = recompute.recompute(actors);
            log.debug("Health updated for {} accounts in {} ms", result.accounts(), result.millis());
            batch.values().forEach(p -> p.done().complete(null));
        }
        catch (RuntimeException | Error e) {
            log.warn("Health update of {} accounts failed; their events stay incomplete and are retried", batch.size(), e);
            batch.values().forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /**
     * Hands the events whose batch failed (a lost connection, a deadlock) to this listener
     * again, once they are {@code intime.health.retry-failed-after} old: the accounts are
     * recomputed from their facts as they are then, so a retry is always safe.
     */
    @Scheduled(fixedDelayString = "${intime.health.retry-failed-every:PT1M}")
    void retryFailed() {
        if (live) {
            failed.resubmit(ResubmissionOptions.defaults().withMinAge(retryAfter)
                    .withFilter(publication -> publication.getEvent() instanceof AccountFactChanged));
        }
    }

    private static void await(CompletableFuture<Void> done) {
        try {
            done.get(20, TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException e) {
            // still running (the loop looks again), or failed (the caller reports it)
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a health recompute", e);
        }
    }
}
