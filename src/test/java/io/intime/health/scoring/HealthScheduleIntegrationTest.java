package io.intime.health.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The nightly run: claimed once per day across nodes, and made up on start when the node was down at night. */
@IntegrationTest
class HealthScheduleIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    HealthSchedule schedule;
    @Autowired
    HealthRecompute recompute;

    @Test
    void aNightMissedIsSeenUntilAFullRunConfirmsTheScores() {
        AccountFixtures fixtures = new AccountFixtures(context);
        AccountDetails account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));
        LocalDate today = recompute.today();
        recompute.recompute(List.of(account.id()));

        // Tomorrow, before any run of tomorrow, every score of today is a night behind.
        assertThat(schedule.missedNightly(today.plusDays(1))).isTrue();
        recompute.recomputeAll(today);
        assertThat(schedule.missedNightly(today)).isFalse();
    }

    @Test
    void aDaysRunIsClaimedOnce() {
        String job = "test." + AccountFixtures.unique("job");
        LocalDate today = recompute.today();
        assertThat(schedule.claim(job, today)).isTrue();
        assertThat(schedule.claim(job, today)).isFalse();
        assertThat(schedule.claim(job, today.plusDays(1))).isTrue();
    }
}
