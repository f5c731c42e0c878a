package io.intime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
import io.intime.accounts.HealthBand;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityType;
import io.intime.engagement.EngagementFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.AccountFactChanged;
import io.intime.shared.Actor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With live updates on (as in production), a changed fact is in the score within seconds:
 * the fact module publishes its typed event (an {@link AccountFactChanged}) in the
 * transaction of the change, and the health module recomputes the account after it
 * commits, with the actor of that event. A batch that fails leaves its events incomplete,
 * and they are retried until the score is right. (How fast is measured by
 * {@code bench/health-recompute.sh}; the waits here only bound a slow CI machine.)
 */
@SpringBootTest(properties = { "intime.embedded-db.ephemeral=true", "intime.security.bcrypt-cost=4",
		"intime.demo=false", "intime.health.live=true", "intime.health.retry-failed-after=PT0.2S",
		"intime.health.retry-failed-every=PT0.3S" })
class LiveHealthUpdatesIntegrationTest {

	/**
	 * A fact changed, as a fact module announces it (the facts themselves are written by
	 * {@link HealthFacts}).
	 */
	record FactChanged(Long accountId, Actor actor, Instant at) implements AccountFactChanged {
	}

	/**
	 * Collects the band changes the health module publishes, whatever thread publishes
	 * them.
	 */
	static class BandChanges {

		final List<HealthBandChanged> seen = new CopyOnWriteArrayList<>();

		@EventListener
		void on(HealthBandChanged event) {
			seen.add(event);
		}

		List<HealthBandChanged> of(long accountId) {
			return seen.stream().filter(e -> e.accountId() == accountId).toList();
		}

	}

	@TestConfiguration
	static class Probes {

		@Bean
		BandChanges bandChanges() {
			return new BandChanges();
		}

	}

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

	@Autowired
	BandChanges bandChanges;

	@Test
	void aNewNpsResponseIsInTheScoreWithoutAnyoneAsking() {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		// Creating the account (AccountCreated) gives it its first score.
		await().atMost(Duration.ofSeconds(10)).until(() -> scores.current(account.id(), owner) != null);
		assertThat(scores.current(account.id(), owner).components().get(2).missing()).isTrue();

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			new HealthFacts(jdbc, account.id()).nps(10, TestClock.today(), "Great partner");
			events.publishEvent(new FactChanged(account.id(), owner.actor(), TestClock.now()));
		});

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> scores.current(account.id(), owner).components().get(2).points() != null);
		assertThat(scores.current(account.id(), owner).components().get(2).points()).isEqualTo(20);
	}

	@Test
	void aBandDropAfterAUsersChangeNamesThatUserAsItsActorAndTheEventLogNamesThemToo() {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		ContactView jane = fixtures.contact(account);
		LocalDate today = TestClock.today();
		HealthFacts facts = new HealthFacts(jdbc, account.id());
		facts.placement("Frontend Developer", today.minusDays(60), null)
			.placement("Data Engineer", today.minusDays(150), null);
		for (int month = 1; month <= 6; month++) {
			facts.invoice(today.minusMonths(month).minusDays(10), 30, today.minusMonths(month).plusDays(12),
					new BigDecimal("23000.00"));
		}
		facts.nps(3, today.minusDays(43), "Not meeting expectations")
			.activity("MEETING", "OUTBOUND", today.minusDays(70), true, jane.id())
			.escalation(AccountFixtures.unique("ESC-A"), "Missed deadline", today.minusDays(48), today.minusDays(41))
			.escalation(AccountFixtures.unique("ESC-B"), "Poor candidate quality", today.minusDays(36),
					today.minusDays(33));
		facts.openJobs(3, today.minusDays(2))
			.placement("QA Engineer", today.minusDays(20), null)
			.placement("QA Engineer", today.minusDays(15), null);
		changed(account, Actor.SYSTEM);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> scores.current(account.id(), owner) != null
					&& scores.current(account.id(), owner).band() == HealthBand.YELLOW);

		// Nothing else pending (the account's and contact's creation), so the next batch
		// is the owner's alone.
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> jdbc.sql("select count(*) = 0 from event_publication where completion_date is null")
				.query(Boolean.class)
				.single());
		// The hiring stops; the owner then logs a note, and the recompute after it
		// commits sees both.
		jdbc.sql("delete from placement where account_id = :a and start_date > :recent")
			.param("a", account.id())
			.param("recent", today.minusDays(30))
			.update();
		jdbc.sql("delete from job where account_id = :a and (status = 'OPEN' or title = 'QA Engineer')")
			.param("a", account.id())
			.update();
		context.getBean(ActivityManagement.class)
			.create(account.id(), EngagementFixtures.form(ActivityType.NOTE, ActivityDirection.INTERNAL,
					TestClock.now(), List.of(), List.of()), owner);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> bandChanges.of(account.id()).stream().anyMatch(e -> e.to() == HealthBand.RED));
		HealthBandChanged drop = bandChanges.of(account.id())
			.stream()
			.filter(e -> e.to() == HealthBand.RED)
			.findFirst()
			.orElseThrow();
		assertThat(drop.from()).isEqualTo(HealthBand.YELLOW);
		assertThat(drop.actor()).isEqualTo(owner.actor());
		assertThat(jdbc
			.sql("select actor_id, actor_name from domain_event where type = 'activity.logged' and account_id = :a")
			.param("a", account.id())
			.query((rs, i) -> rs.getLong("actor_id") + " " + rs.getString("actor_name"))
			.single()).isEqualTo(owner.id() + " " + owner.username());
	}

	@Test
	void aBatchThatFailsLeavesItsEventIncompleteAndTheRetryScoresTheAccountRight() {
		AccountFixtures fixtures = new AccountFixtures(context);
		CurrentUser owner = fixtures.user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.account(owner);
		await().atMost(Duration.ofSeconds(10)).until(() -> scores.current(account.id(), owner) != null);
		// Every write of this account's score fails, as a lost connection or a deadlock
		// would.
		String trigger = "fail_health_" + account.id();
		jdbc.sql("""
				create function %1$s() returns trigger language plpgsql as $$
				begin
				  if new.account_id = %2$d then raise exception 'batch fails for account %2$d'; end if;
				  return new;
				end $$""".formatted(trigger, account.id())).update();
		jdbc.sql("create trigger %1$s before insert or update on account_health for each row execute function %1$s()"
			.formatted(trigger)).update();
		try {
			new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
				new HealthFacts(jdbc, account.id()).nps(10, TestClock.today(), "Great partner");
				events.publishEvent(new FactChanged(account.id(), owner.actor(), TestClock.now()));
			});

			// The batch failed, and failed again when retried: the publication is not
			// complete.
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> attempts(account) >= 2);
			assertThat(completed(account)).isFalse();
			assertThat(scores.current(account.id(), owner).components().get(2).missing()).isTrue();
		}
		finally {
			jdbc.sql("drop trigger %1$s on account_health".formatted(trigger)).update();
			jdbc.sql("drop function %1$s()".formatted(trigger)).update();
		}

		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> completed(account));
		assertThat(scores.current(account.id(), owner).components().get(2).points()).isEqualTo(20);
	}

	private void changed(AccountDetails account, Actor actor) {
		new TransactionTemplate(transactionManager)
			.executeWithoutResult(status -> events.publishEvent(new FactChanged(account.id(), actor, TestClock.now())));
	}

	/** How often the health listener tried the event of this test's fact change. */
	private int attempts(AccountDetails account) {
		return jdbc.sql("""
				select coalesce(max(completion_attempts), 0) from event_publication
				where event_type like '%FactChanged' and serialized_event like :account""")
			.param("account", "%\"accountId\":" + account.id() + ",%")
			.query(Integer.class)
			.single();
	}

	private boolean completed(AccountDetails account) {
		return jdbc.sql("""
				select count(*) > 0 and bool_and(completion_date is not null) from event_publication
				where event_type like '%FactChanged' and serialized_event like :account""")
			.param("account", "%\"accountId\":" + account.id() + ",%")
			.query(Boolean.class)
			.single();
	}

}
