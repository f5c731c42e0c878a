package io.intime.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.health.alerts.AlertSituation;
import io.intime.health.alerts.AlertStatus;
import io.intime.health.alerts.AlertThresholds;
import io.intime.health.alerts.AlertView;
import io.intime.health.alerts.Alerts;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModels;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static io.intime.accounts.HealthBand.RED;
import static io.intime.accounts.HealthBand.YELLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Two changes of the same record made at the same moment from the same version: the first
 * wins, the second is refused as stale (a 409), never saved over the first (a lost
 * update) and never a duplicate key (a 500). Each race is played out for real: the first
 * change is written and held uncommitted while the second reads the same version and runs
 * into the first's lock.
 */
@IntegrationTest
class ConcurrentChangesIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	Alerts alerts;

	@Autowired
	HealthModels models;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	AccountFixtures fixtures;

	CurrentUser owner;

	CurrentUser admin;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		owner = fixtures.user(Role.ACCOUNT_MANAGER);
		admin = fixtures.user(Role.ADMIN);
	}

	@Test
	void acknowledgingAndResolvingTheSameAlertVersionAtOnceRefusesTheSecond() throws Exception {
		AccountDetails account = fixtures.account(owner);
		alerts.sync(List.of(new AlertSituation(account.id(), false, YELLOW, RED, 35, null, null, null, null, null, null,
				null, 45, "INV-2024-0847", 5L, 0)), AlertThresholds.DEFAULTS);
		AlertView alert = alerts.forAccount(account.id(), owner).get(0);

		Throwable second = race(() -> alerts.acknowledge(alert.id(), alert.version(), owner),
				() -> alerts.resolve(alert.id(), alert.version(), owner));

		assertThat(second).isInstanceOf(StaleVersionException.class);
		AlertView after = alerts.get(alert.id(), owner);
		assertThat(after.status()).as("the first change stands").isEqualTo(AlertStatus.ACKNOWLEDGED);
		assertThat(after.version()).isEqualTo(alert.version() + 1);
	}

	@Test
	void twoThresholdChangesFromTheSameVersionSaveOnlyTheFirst() throws Exception {
		Alerts.Settings settings = alerts.settings();
		AlertThresholds t = settings.thresholds();
		AlertThresholds first = new AlertThresholds(t.npsDropPoints(), t.touchpointDaysStrategic(),
				t.touchpointDaysOther(), t.noHiringDays(), t.invoiceOverdueDays(), t.escalationsPerMonth());

		Throwable second = race(() -> alerts.updateSettings(first, settings.version(), admin),
				() -> alerts.updateSettings(first, settings.version(), admin));

		assertThat(second).isInstanceOf(StaleVersionException.class);
		assertThat(alerts.settings().version()).isEqualTo(settings.version() + 1);
	}

	@Test
	void twoModelSavesFromTheSameVersionSaveOnlyTheFirstAndNeverMeetAsADuplicateKey() throws Exception {
		HealthModel current = models.current();

		Throwable second = race(() -> models.save(current, current.version(), "first", admin),
				() -> models.save(current, current.version(), "second", admin));

		assertThat(second).isInstanceOf(StaleVersionException.class);
		assertThat(models.current().version()).isEqualTo(current.version() + 1);
		assertThat(models.current().note()).isEqualTo("first");
	}

	/**
	 * Writes {@code first} in a transaction held open until {@code second}, started
	 * meanwhile from the same version, waits on its lock; then commits the first and
	 * answers what the second threw (null when it went through).
	 */
	private Throwable race(Supplier<?> first, Supplier<?> second) throws Exception {
		CountDownLatch written = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<Void> winner = CompletableFuture
			.runAsync(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				first.get();
				written.countDown();
				try {
					release.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}));
		assertThat(written.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Throwable> loser = CompletableFuture.supplyAsync(() -> catchThrowable(second::get));
		awaitSomeoneWaitingOnALock(loser);
		release.countDown();
		winner.get(30, TimeUnit.SECONDS);
		return loser.get(30, TimeUnit.SECONDS);
	}

	private void awaitSomeoneWaitingOnALock(CompletableFuture<?> loser) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline && !loser.isDone()) {
			long waiting = jdbc
				.sql("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
						+ "and datname = current_database()")
				.query(Long.class)
				.single();
			if (waiting > 0) {
				return;
			}
			Thread.sleep(20);
		}
	}

}
