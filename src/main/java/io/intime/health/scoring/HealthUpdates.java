package io.intime.health.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import io.intime.accounts.AccountChanged;
import io.intime.accounts.AccountRestored;
import io.intime.shared.AccountFactChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Recomputes an account's score when one of its facts or the account itself changed, within
 * seconds (after the change's transaction committed). Changes that arrive together — a burst
 * of imported invoices, a demo world being built — are coalesced: whoever holds the lock
 * recomputes every pending account in one set-based pass, and looks again before it leaves.
 * Switched off with {@code intime.health.live=false} (tests that set scores by hand).
 */
@Component
class HealthUpdates {

    private static final Logger log = LoggerFactory.getLogger(HealthUpdates.class);

    private final HealthRecompute recompute;
    private final boolean live;
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();

    HealthUpdates(HealthRecompute recompute, @Value("${intime.health.live:true}") boolean live) {
        this.recompute = recompute;
        this.live = live;
    }

    @ApplicationModuleListener
    void on(AccountFactChanged event) {
        changed(event.accountId());
    }

    @ApplicationModuleListener
    void on(AccountChanged event) {
        if (event.accountId() != null && !event.type().endsWith(".deleted")) {
            changed(event.accountId());
        }
    }

    /** A restored account is scored again (archived ones are skipped by the recompute). */
    @ApplicationModuleListener
    void on(AccountRestored event) {
        changed(event.accountId());
    }

    void changed(long accountId) {
        if (!live) {
            return;
        }
        pending.add(accountId);
        while (!pending.isEmpty() && lock.tryLock()) {
            try {
                List<Long> batch = new ArrayList<>(pending);
                pending.removeAll(batch);
                HealthRecompute.Result result = recompute.recompute(batch);
                log.debug("Health updated for {} accounts in {} ms", result.accounts(), result.millis());
            }
            finally {
                lock.unlock();
            }
        }
    }
}
