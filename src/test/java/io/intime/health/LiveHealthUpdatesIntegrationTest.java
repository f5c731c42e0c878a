package io.intime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.AccountFactChanged;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With live updates on (as in production), a changed fact is in the score within seconds: the
 * fact module publishes {@link AccountFactChanged} in the transaction of the change, and the
 * health module recomputes the account after it commits. (How fast is measured by
 * {@code bench/health-recompute.sh}; the wait here only bounds a slow CI machine.)
 */
@SpringBootTest(properties = { "intime.embedded-db.ephemeral=true", "intime.demo=false", "intime.health.live=true" })
class LiveHealthUpdatesIntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    HealthScores scores;

    @Test
    void aNewNpsResponseIsInTheScoreWithoutAnyoneAsking() {
        AccountFixtures fixtures = new AccountFixtures(context);
        CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
        AccountDetails account = fixtures.account(owner);
        // Creating the account (AccountChanged) gives it its first score.
        await().atMost(Duration.ofSeconds(10)).until(() -> scores.current(account.id(), owner) != null);
        assertThat(scores.current(account.id(), owner).components().get(2).missing()).isTrue();

        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            new HealthFacts(jdbc, account.id()).nps(10, TestClock.today(), "Great partner");
            events.publishEvent(new AccountFactChanged(account.id(), "nps_response"));
        });

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> scores.current(account.id(), owner).components().get(2).points() != null);
        assertThat(scores.current(account.id(), owner).components().get(2).points()).isEqualTo(20);
    }
}
