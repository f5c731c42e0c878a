package io.intime.escalations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.AccountTimeline;
import io.intime.identity.CurrentUser;
import io.intime.shared.TimelineEntry;
import io.intime.shared.database.AccountScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EscalationFacts} over escalations made through the facade: the 90- and 30-day
 * windows, open as of the day (resolved later still counts as open then), several
 * accounts at once; and the escalations on the account timeline.
 */
@IntegrationTest
class EscalationFactsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	EscalationFacts facts;

	@Autowired
	EscalationManagement escalations;

	@Autowired
	AccountTimeline timeline;

	AccountFixtures fixtures;

	final LocalDate asOf = TestClock.today().minusDays(30);

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
	}

	Instant at(int daysBeforeAsOf) {
		return asOf.minusDays(daysBeforeAsOf).atTime(15, 0).toInstant(ZoneOffset.UTC);
	}

	EscalationView escalation(AccountDetails account, String title, Instant raised, Instant resolved) {
		return escalations.create(account.id(),
				new EscalationForm(title, null, Severity.P2,
						resolved == null ? EscalationStatus.OPEN : EscalationStatus.RESOLVED, raised, resolved)
					.withStatus(resolved == null ? EscalationStatus.OPEN : EscalationStatus.RESOLVED, resolved,
							resolved == null ? null : ResolutionCategory.FIXED),
				fixtures.executive());
	}

	@Test
	void escalationsCountInTheirWindowsAndAreOpenUntilTheDayTheyWereResolved() {
		AccountDetails account = fixtures.account(null);
		AccountDetails stuck = fixtures.account(null);
		AccountDetails calm = fixtures.account(null);
		EscalationView latest = escalation(account, "Poor candidate quality", at(10), at(-2));
		escalation(account, "Missed deadline", at(40), at(35));
		escalation(account, "Old one", at(100), at(95));
		escalation(account, "After the day", at(-5), null);
		escalation(stuck, "Never resolved", at(200), null);

		Map<Long, IssueFacts> all = facts.issues(asOf, 90,
				AccountScope.of(List.of(account.id(), stuck.id(), calm.id())));

		assertThat(all).containsOnlyKeys(account.id(), stuck.id());
		IssueFacts issues = all.get(account.id());
		assertThat(issues.inWindow()).isEqualTo(2);
		assertThat(issues.last30()).isEqualTo(1);
		assertThat(issues.open()).as("resolved two days after the day").isEqualTo(1);
		assertThat(issues.latestTitle()).isEqualTo(latest.key() + " – Poor candidate quality");
		assertThat(issues.latestRaised()).isEqualTo(asOf.minusDays(10));
		IssueFacts old = all.get(stuck.id());
		assertThat(old.inWindow()).isZero();
		assertThat(old.open()).isEqualTo(1);

		IssueFacts later = facts.issues(asOf.plusDays(3), 90, AccountScope.of(List.of(account.id()))).get(account.id());
		assertThat(later.open()).isZero();
		IssueFacts afterNew = facts.issues(asOf.plusDays(5), 90, AccountScope.of(List.of(account.id())))
			.get(account.id());
		assertThat(afterNew.open()).isEqualTo(1);
		assertThat(afterNew.inWindow()).isEqualTo(3);
	}

	@Test
	void escalationsJoinTheAccountTimelineNegativeWhileOpen() {
		CurrentUser executive = fixtures.executive();
		AccountDetails account = fixtures.account(null);
		Instant now = TestClock.now();
		EscalationView resolved = escalation(account, "Poor candidate quality", now.minus(36, ChronoUnit.DAYS),
				now.minus(33, ChronoUnit.DAYS));
		EscalationView open = escalation(account, "Late submission", now.minus(1, ChronoUnit.DAYS), null);

		List<TimelineEntry> entries = timeline.of(account.id(), now.minus(90, ChronoUnit.DAYS), 50, executive);

		assertThat(entries).extracting(TimelineEntry::title)
			.containsExactly("Escalation " + open.key() + " – Late submission (Open)",
					"Escalation " + resolved.key() + " – Poor candidate quality (Resolved)");
		assertThat(entries).extracting(TimelineEntry::tone).containsExactly("negative", "neutral");
		assertThat(entries.get(1).href())
			.isEqualTo("/accounts/" + account.id() + "/escalations#escalation-" + resolved.id());
	}

}
