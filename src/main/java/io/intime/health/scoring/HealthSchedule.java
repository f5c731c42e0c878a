package io.intime.health.scoring;

import java.net.InetAddress;
import java.time.LocalDate;
import java.util.UUID;

import io.intime.health.model.HealthModelChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Time-driven health: every night all accounts are recomputed (a day passing changes windows,
 * days overdue and days since the last touchpoint without any fact changing), claimed through
 * the database so that with several nodes it runs once; and on start, accounts never scored
 * (a new demo world, a synthetic portfolio) are scored with their history.
 */
@Component
class HealthSchedule {

    private static final Logger log = LoggerFactory.getLogger(HealthSchedule.class);
    static final String NIGHTLY = "health.nightly";

    private final HealthRecompute recompute;
    private final JdbcClient jdbc;
    private final boolean live;
    private final int backfillMonths;
    private final String node;

    HealthSchedule(HealthRecompute recompute, JdbcClient jdbc, @Value("${intime.health.live:true}") boolean live,
            @Value("${intime.health.backfill-months:12}") int backfillMonths) {
        this.recompute = recompute;
        this.jdbc = jdbc;
        this.live = live;
        this.backfillMonths = backfillMonths;
        this.node = nodeName();
    }

    /** After the demo world and the synthetic portfolio (their listeners run first). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void onStart() {
        if (live) {
            recompute.scoreUnscored(backfillMonths);
            // Down at 02:30: the run of the night missed is made up now, once across nodes.
            if (missedNightly(recompute.today()) && claim(NIGHTLY, recompute.today())) {
                recompute.recomputeAll(recompute.today());
            }
        }
    }

    /** Whether some score was last confirmed before {@code today} (by its own day or a full run). */
    boolean missedNightly(LocalDate today) {
        return jdbc.sql("""
                select exists (select 1 from account_health
                               where as_of < :today and coalesce((select max(as_of) from health_run), as_of) < :today)""")
                .param("today", today)
                .query(Boolean.class)
                .single();
    }

    /** A new model version: every score is recomputed with it (its history marks the change). */
    @ApplicationModuleListener
    void on(HealthModelChanged event) {
        if (live) {
            recompute.recomputeAll(recompute.today(), event.actor());
        }
    }

    @Scheduled(cron = "${intime.health.nightly-cron:0 30 2 * * *}", zone = "UTC")
    void nightly() {
        if (live && claim(NIGHTLY, recompute.today())) {
            recompute.recomputeAll(recompute.today());
        }
    }

    /** Whether this node gets the run of {@code job} for {@code day} (the first to ask does). */
    boolean claim(String job, LocalDate day) {
        int claimed = jdbc.sql("""
                insert into scheduled_claim (job, last_run_on, claimed_at, claimed_by) values (:job, :day, now(), :node)
                on conflict (job) do update set last_run_on = excluded.last_run_on, claimed_at = now(), claimed_by = excluded.claimed_by
                where scheduled_claim.last_run_on < excluded.last_run_on""")
                .param("job", job)
                .param("day", day)
                .param("node", node)
                .update();
        if (claimed == 0) {
            log.info("{} for {} already claimed by another node", job, day);
        }
        return claimed == 1;
    }

    private static String nodeName() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        }
        catch (Exception e) {
            return "node/" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
