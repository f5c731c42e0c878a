package io.intime.health.scoring;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Recomputes an account's score when one of its facts or the account itself changed,
 * within seconds (after the change's transaction committed). Changes that arrive together
 * — a burst of imported invoices, a demo world being built — are coalesced: the listener
 * only notes the account and returns at once, and one worker thread recomputes every
 * pending account in one set-based pass, looking again before it sleeps.
 * <p>
 * The listener returns a future that the batch covering its account completes once the
 * batch has committed, and only then is the event's publication marked complete (Spring
 * Modulith completes a listener's publication with the future it returns). When a batch
 * fails, every event it covered fails with it: their publications stay incomplete and are
 * resubmitted ({@link #retryFailed}). Switched off with {@code intime.health.live=false}
 * (tests that set scores by hand).
 */
@Component
class HealthUpdates {

	private static final Logger log = LoggerFactory.getLogger(HealthUpdates.class);

	private final HealthRecompute recompute;

	private final FailedEventPublications failed;

	private final boolean live;

	private final Duration retryAfter;

	/**
	 * The accounts waiting for a batch, each with who caused it and the batch's outcome.
	 * Safe with several nodes: each account's events sit in the event publication table
	 * until their batch commits; a node that stops with accounts still here leaves those
	 * publications incomplete, and another node hands them to its listener again
	 * ({@code shared.events.OutboxTasks}).
	 */
	private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

	/**
	 * Runs the batches, one at a time, outside any request and any listener's
	 * transaction.
	 */
	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "health-updates");
		thread.setDaemon(true);
		return thread;
	});

	HealthUpdates(HealthRecompute recompute, FailedEventPublications failed,
			@Value("${intime.health.live:true}") boolean live,
			@Value("${intime.health.retry-failed-after:PT30S}") Duration retryAfter) {
		this.recompute = recompute;
		this.failed = failed;
		this.live = live;
		this.retryAfter = retryAfter;
	}

	/**
	 * An account waiting to be recomputed. {@code actor} is who caused it: the one user
	 * whose changes are pending, or the system once changes of several people coalesce.
	 */
	private record Pending(Actor actor, CompletableFuture<Void> done) {

		Pending and(Actor other) {
			return other.equals(actor) ? this : new Pending(Actor.SYSTEM, done);
		}
	}

	/**
	 * After the change committed: notes the account for the next batch. Completes when
	 * that batch has committed, exceptionally when it failed.
	 */
	@TransactionalEventListener
	CompletableFuture<Void> on(AccountFactChanged event) {
		if (!live) {
			return CompletableFuture.completedFuture(null);
		}
		CompletableFuture<Void> done = pending
			.compute(event.accountId(),
					(id, waiting) -> waiting == null ? new Pending(event.actor(), new CompletableFuture<>())
							: waiting.and(event.actor()))
			.done();
		worker.execute(this::drain);
		return done;
	}

	private void drain() {
		while (!pending.isEmpty()) {
			runBatch();
		}
	}

	/**
	 * Recomputes every pending account in one pass; completes their futures with its
	 * outcome.
	 */
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
			log.warn("Health update of {} accounts failed; their events stay incomplete and are retried", batch.size(),
					e);
			batch.values().forEach(p -> p.done().completeExceptionally(e));
			if (e instanceof Error error) {
				throw error;
			}
		}
	}

	/**
	 * Hands the events whose batch failed (a lost connection, a deadlock) to this
	 * listener again, once they are {@code intime.health.retry-failed-after} old: the
	 * accounts are recomputed from their facts as they are then, so a retry is always
	 * safe. It runs on every node ({@code @Scheduled}, not the scheduler), which is safe
	 * for the same reason: two nodes that resubmit the same publication at once recompute
	 * the account twice from the same facts, and the second changes nothing.
	 */
	@Scheduled(fixedDelayString = "${intime.health.retry-failed-every:PT1M}")
	void retryFailed() {
		if (live) {
			failed.resubmit(ResubmissionOptions.defaults()
				.withMinAge(retryAfter)
				.withFilter(publication -> publication.getEvent() instanceof AccountFactChanged));
		}
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}
