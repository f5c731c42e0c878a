package io.intime.escalations;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Escalations on SLA clocks on real PostgreSQL: the matrix's ownership, the notices of
 * the scan (by the scheduler within a minute, once per threshold, to the owner, the
 * director, the recruiting manager and the sponsor for P1), kept clocks equal to a
 * recomputation, the guarded moves, the queue's order, resolution within SLA per manager
 * and team, and a new policy version that applies to new escalations only.
 */
@IntegrationTest
class SlaIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	EscalationManagement escalations;

	@Autowired
	EscalationQueue queue;

	@Autowired
	EscalationClocks clocks;

	@Autowired
	SlaScan scan;

	@Autowired
	SlaPolicies policies;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures fixtures;

	CurrentUser am;

	CurrentUser director;

	CurrentUser sponsor;

	CurrentUser recruitingManager;

	CurrentUser recruiter;

	AccountDetails account;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		director = fixtures.user(Role.SALES_DIRECTOR);
		sponsor = fixtures.user(Role.EXECUTIVE);
		recruitingManager = fixtures.user(Role.RECRUITING_MANAGER);
		recruiter = fixtures.user(Role.RECRUITER);
		users.seedReportsTo(List.of(am.id()), director.id());
		account = fixtures.strategicAccount(am, sponsor);
		fixtures.onTeam(account, recruitingManager);
		fixtures.onTeam(account, recruiter);
	}

	EscalationView raise(Severity severity, Instant raisedAt, CurrentUser by) {
		return escalations.create(account.id(), new EscalationForm("Contractor did not show up",
				"URGENT: the team is blocked", severity, EscalationStatus.OPEN, raisedAt, null), by);
	}

	List<Long> recipients(long escalationId, String kind, String occasionPrefix) {
		return jdbc.sql("""
				select recipient_id from notification where record_type = 'escalation' and record_id = :id
				   and kind = :kind and occasion like :occasion order by recipient_id""")
			.param("id", escalationId)
			.param("kind", kind)
			.param("occasion", occasionPrefix + "%")
			.query(Long.class)
			.list();
	}

	@Test
	void aP1IsOwnedByTheAccountsManagerAndTheSchedulerWarnsEveryoneTheMatrixNamesWithinAMinute() throws Exception {
		Instant now = TestClock.now();
		// raised 3 h 10 min ago: 75 % of the 4-hour response time is behind it
		EscalationView e = raise(Severity.P1, now.minus(190, ChronoUnit.MINUTES), recruiter);
		assertThat(e.ownerId()).isEqualTo(am.id());
		assertThat(e.reporterId()).isEqualTo(recruiter.id());
		assertThat(recipients(e.id(), "escalation.raised", "raised")).containsExactlyInAnyOrder(am.id(), director.id(),
				sponsor.id(), recruitingManager.id());

		// the scheduler (every 30 s) finds the crossed warning
		Instant started = Instant.now();
		Instant deadline = Instant.now().plusSeconds(60);
		while (recipients(e.id(), "escalation.sla-critical", "response_warning").isEmpty()
				&& Instant.now().isBefore(deadline)) {
			Thread.sleep(250);
		}
		assertThat(recipients(e.id(), "escalation.sla-critical", "response_warning")).containsExactlyInAnyOrder(am.id(),
				director.id(), sponsor.id(), recruitingManager.id());

		// scanning again notifies nobody twice
		scan.scan(now.plusSeconds(5));
		assertThat(recipients(e.id(), "escalation.sla-critical", "response_warning")).hasSize(4);

		// at the response's due time plus a minute: the breach, once
		Instant breach = e.raisedAt().plus(Duration.ofHours(4)).plusSeconds(60);
		scan.scan(breach);
		scan.scan(breach.plusSeconds(30));
		assertThat(recipients(e.id(), "escalation.sla-critical", "response_breach")).containsExactlyInAnyOrder(am.id(),
				director.id(), sponsor.id(), recruitingManager.id());
		assertThat(jdbc
			.sql("select title from notification where record_id = :id and occasion like 'response_breach%' limit 1")
			.param("id", e.id())
			.query(String.class)
			.single()).contains("P1").contains("breached its response SLA");

		// the kept clocks are what a recomputation from the log gives
		Map<Long, SlaState> fresh = clocks.compute(clocks.subjects(List.of(e.id())), now);
		Instant kept = jdbc.sql("select resolution_due_at from escalation where id = :id")
			.param("id", e.id())
			.query(Instant.class)
			.single();
		// PostgreSQL keeps microseconds (rounded)
		assertThat(kept).isCloseTo(fresh.get(e.id()).resolutionDue(), within(1, ChronoUnit.MILLIS));
		assertThat(kept).isCloseTo(e.raisedAt().plus(Duration.ofHours(24)), within(1, ChronoUnit.MILLIS));
	}

	@Test
	void takingOwnershipAnswersItAndTellsTheReporterAndTheMovesAreGuarded() {
		EscalationView e = raise(Severity.P2, TestClock.now().minus(2, ChronoUnit.HOURS), recruiter);
		assertThat(e.ownerId()).as("P2: coordinate resolution, nobody owns it yet").isNull();
		assertThatThrownBy(() -> escalations.takeOwnership(e.id(), e.stamp().version() + 1, am))
			.isInstanceOf(StaleVersionException.class);
		EscalationView owned = escalations.takeOwnership(e.id(), e.stamp().version(), am);
		assertThat(owned.ownerId()).isEqualTo(am.id());
		assertThat(owned.status()).isEqualTo(EscalationStatus.IN_PROGRESS);
		assertThat(owned.sla().respondedAt()).isNotNull();
		assertThat(owned.sla().responseMet()).isTrue();
		assertThat(recipients(e.id(), "escalation.status-changed", "owner")).contains(recruiter.id());

		// nothing goes back to OPEN once answered
		EscalationForm form = escalations.editable(e.id(), am).form();
		assertThatThrownBy(() -> escalations.update(e.id(), form.withStatus(EscalationStatus.OPEN, null, null),
				owned.stamp().version(), am))
			.isInstanceOfSatisfying(InvalidInputException.class,
					x -> assertThat(x.errors()).extracting(f -> f.field()).containsExactly("status"));
		// waiting on the client pauses the resolution clock
		EscalationView waiting = escalations.update(e.id(),
				form.withStatus(EscalationStatus.WAITING_ON_CLIENT, null, null), owned.stamp().version(),
				"Asked Jennifer", am);
		assertThat(waiting.sla().paused()).isTrue();
		assertThat(jdbc.sql("select resolution_due_at is null from escalation where id = :id")
			.param("id", e.id())
			.query(Boolean.class)
			.single()).isTrue();
		EscalationView resolved = escalations.update(e.id(),
				form.withStatus(EscalationStatus.RESOLVED, null, ResolutionCategory.EXPECTATIONS_RESET),
				waiting.stamp().version(), null, am);
		assertThat(resolved.sla().resolutionMet()).isTrue();
		assertThat(escalations.incidentLog(e.id(), am)).extracting(IncidentLogEntry::entry)
			.containsExactly(LogEntry.RAISED, LogEntry.OWNER, LogEntry.STATUS, LogEntry.STATUS, LogEntry.STATUS);
		// a closed escalation opens again only with a reason
		EscalationForm after = escalations.editable(e.id(), am).form();
		assertThatThrownBy(() -> escalations.update(e.id(), after.withStatus(EscalationStatus.IN_PROGRESS, null, null),
				resolved.stamp().version(), am))
			.isInstanceOfSatisfying(InvalidInputException.class,
					x -> assertThat(x.errors()).extracting(f -> f.field()).containsExactly("reopenReason"));
	}

	@Test
	void aP1IsClosedOnlyWithItsPostMortem() {
		EscalationView e = raise(Severity.P1, TestClock.now().minus(1, ChronoUnit.HOURS), am);
		EscalationForm form = escalations.editable(e.id(), am).form();
		assertThatThrownBy(() -> escalations.update(e.id(),
				form.withStatus(EscalationStatus.CLOSED, null, ResolutionCategory.EXTERNAL_CIRCUMSTANCES),
				e.stamp().version(), am))
			.isInstanceOfSatisfying(InvalidInputException.class,
					x -> assertThat(x.errors()).extracting(f -> f.field()).containsExactly("postMortem"));
		EscalationView written = escalations.savePostMortem(e.id(),
				"Contractor in a car accident; emergency contact reached within 20 minutes.", e.stamp().version(), am);
		EscalationView closed = escalations.update(e.id(),
				form.withStatus(EscalationStatus.CLOSED, null, ResolutionCategory.EXTERNAL_CIRCUMSTANCES),
				written.stamp().version(), am);
		assertThat(closed.status()).isEqualTo(EscalationStatus.CLOSED);
		assertThat(closed.sla().resolutionMet()).isTrue();
	}

	@Test
	void theQueueListsBreachedFirstAndThePerformanceCountsResolutionsWithinTheSla() {
		Instant now = TestClock.now();
		EscalationView fresh = raise(Severity.P3, now.minus(1, ChronoUnit.HOURS), am);
		EscalationView late = raise(Severity.P1, now.minus(30, ChronoUnit.HOURS), am);
		List<QueueRow> rows = queue.queue(new QueueFilter(null, null, account.id(), null, false), am);
		assertThat(rows).extracting(QueueRow::id).containsExactly(late.id(), fresh.id());
		assertThat(rows.get(0).breached()).isTrue();
		assertThat(rows.get(0).resolutionText()).startsWith("late by 6 h");
		assertThat(queue.queue(new QueueFilter(Severity.P3, null, account.id(), null, false), am))
			.extracting(QueueRow::id)
			.containsExactly(fresh.id());
		assertThat(queue.queue(new QueueFilter(null, QueueFilter.UNOWNED, account.id(), null, false), am))
			.extracting(QueueRow::id)
			.containsExactly(fresh.id());

		for (EscalationView e : List.of(fresh, late)) {
			EscalationForm form = escalations.editable(e.id(), am).form();
			escalations.update(e.id(), form.withStatus(EscalationStatus.RESOLVED, null, ResolutionCategory.FIXED),
					e.stamp().version(), am);
		}
		SlaPerformance performance = queue.performance(90, director);
		SlaPerformance.Line mine = performance.managers()
			.stream()
			.filter(l -> l.userId() == am.id())
			.findFirst()
			.orElseThrow();
		assertThat(mine.resolved()).isEqualTo(2);
		assertThat(mine.withinSla()).isEqualTo(1);
		assertThat(mine.percent()).isEqualTo(50);
		assertThat(performance.teams()).filteredOn(l -> l.userId() == director.id())
			.singleElement()
			.satisfies(l -> assertThat(l.percent()).isEqualTo(50));
		assertThatThrownBy(() -> queue.performance(90, recruiter))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

		// a recruiter of the team sees the account's escalations; one off the team
		// neither in
		// the queue nor on the escalation's page
		assertThat(queue.queue(new QueueFilter(null, null, account.id(), null, true), recruiter)).isNotEmpty();
		CurrentUser outsider = fixtures.user(Role.RECRUITER);
		assertThat(queue.queue(new QueueFilter(null, null, account.id(), null, true), outsider)).isEmpty();
		assertThat(queue.queue(QueueFilter.open(), outsider)).noneMatch(r -> r.accountId() == account.id());
		assertThatThrownBy(() -> escalations.get(late.id(), outsider))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThatThrownBy(() -> escalations.incidentLog(late.id(), outsider))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void aNewPolicyVersionAppliesToEscalationsRaisedFromThenOnAndOnlyAdminsMakeOne() {
		CurrentUser admin = fixtures.user(Role.ADMIN);
		SlaPolicyForm original = policies.form();
		long originalId = policies.current().id();
		EscalationView before = raise(Severity.P3, TestClock.now().minus(10, ChronoUnit.MINUTES), am);
		Map<Severity, SlaPolicyForm.Row> rows = new EnumMap<>(original.rows());
		rows.put(Severity.P3, new SlaPolicyForm.Row(60, 120, false));
		SlaPolicyForm changed = new SlaPolicyForm(rows, original.zone(), original.dayStart(), original.dayEnd(),
				original.workingDays(), original.warnPercent(), "P3 in two hours");
		assertThatThrownBy(() -> policies.change(changed, originalId, am))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		SlaPolicy version = policies.change(changed, originalId, admin);
		try {
			assertThatThrownBy(() -> policies.change(changed, originalId, admin))
				.isInstanceOf(StaleVersionException.class);
			SlaPolicyForm bad = new SlaPolicyForm(rows, "Mars/Olympus", original.dayStart(), original.dayStart(),
					Set.<DayOfWeek>of(), 100, null);
			assertThatThrownBy(() -> policies.change(bad, version.id(), admin)).isInstanceOfSatisfying(
					InvalidInputException.class, x -> assertThat(x.errors()).extracting(f -> f.field())
						.containsExactlyInAnyOrder("zone", "dayEnd", "workingDays", "warnPercent"));

			EscalationView after = raise(Severity.P3, TestClock.now().plusSeconds(2), am);
			assertThat(after.sla().resolutionTarget()).isEqualTo(Duration.ofHours(2));
			assertThat(escalations.get(before.id(), am).sla().resolutionTarget()).isEqualTo(Duration.ofDays(14));
		}
		finally {
			policies.change(original, version.id(), admin);
		}
	}

}
