package io.intime.briefings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.AccountStatus;
import io.intime.accounts.AccountSummary;
import io.intime.accounts.HealthBand;
import io.intime.accounts.Tier;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationView;
import io.intime.escalations.Severity;
import io.intime.revenue.OpportunityStage;
import io.intime.revenue.OpportunityView;
import io.intime.shared.Money;
import io.intime.shared.Stamp;
import io.intime.staffing.JobPriority;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementStatus;
import io.intime.staffing.PlacementType;
import io.intime.staffing.PlacementView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SyncRulesTest {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	static final Stamp STAMP = new Stamp(0, Instant.EPOCH, "test", Instant.EPOCH, "test");

	@Test
	void eachFactBecomesAPointAndTheActionItsRuleProposes() {
		SyncRules.AccountFacts retailCo = new SyncRules.AccountFacts(account(1, "RetailCo", HealthBand.YELLOW, 64),
				List.of(job(11, 1, "UX Designer", JobPriority.HIGH, 50, 7L, "Sarah Kim"),
						job(12, 1, "Store Manager", JobPriority.MEDIUM, 3, 7L, "Sarah Kim")),
				List.of(job(12, 1, "Store Manager", JobPriority.MEDIUM, 3, 7L, "Sarah Kim")),
				List.of(escalation(21, 1, "ESC-2026-0004", "UX Designer rate", EscalationStatus.WAITING_ON_CLIENT)),
				List.of(), List.of());
		SyncRules.AccountItem item = SyncRules.item(retailCo, TODAY);
		assertThat(item.points()).extracting(SyncRules.Point::text)
			.containsExactly("Escalation ESC-2026-0004 (P1): UX Designer rate · Waiting on client",
					"Active roles: 2 (1 high or urgent priority)", "New needs: 1 role opened this week (Store Manager)",
					"UX Designer: high priority, open 50 days");
		assertThat(item.actions()).extracting(SyncRules.Action::text, SyncRules.Action::rule)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("Agree the next step on ESC-2026-0004 with Sarah",
							"open escalation"),
					org.assertj.core.groups.Tuple.tuple("Confirm Sarah has capacity for 1 new role at RetailCo",
							"new needs this week"),
					org.assertj.core.groups.Tuple.tuple("Review sourcing for UX Designer (open 50 days)",
							"high-priority role open over 45 days"));
	}

	@Test
	void accountsWithOnlyRoutineUpdatesAreLeftOutAndTheRestAreGroupedByTheirLeadRecruiter() {
		SyncRules.AccountFacts quiet = new SyncRules.AccountFacts(account(1, "Quiet Co", HealthBand.GREEN, 88),
				List.of(job(11, 1, "Analyst", JobPriority.LOW, 10, 7L, "Sarah Kim")), List.of(), List.of(), List.of(),
				List.of());
		SyncRules.AccountFacts dataSystems = new SyncRules.AccountFacts(
				account(2, "DataSystems Inc.", HealthBand.RED, 42),
				List.of(job(13, 2, "Data Engineer", JobPriority.MEDIUM, 20, 9L, "Priya Sharma")), List.of(), List.of(),
				List.of(), List.of());
		SyncRules.AccountFacts megaBank = new SyncRules.AccountFacts(account(3, "MegaBank", HealthBand.GREEN, 91),
				List.of(job(14, 3, "Risk Analyst", JobPriority.MEDIUM, 5, 8L, "Mike Brennan"),
						job(15, 3, "Quant", JobPriority.MEDIUM, 5, 8L, "Mike Brennan"),
						job(16, 3, "Ops Lead", JobPriority.MEDIUM, 5, 9L, "Priya Sharma")),
				List.of(), List.of(), List.of(placement(31, 3, "Ana Lopez", 8L, "Mike Brennan", TODAY.plusDays(3))),
				List.of(opportunity(41, 3, "Data Science team")));
		SyncRules.AccountFacts nobody = new SyncRules.AccountFacts(account(4, "InsureCo", HealthBand.RED, 38),
				List.of(), List.of(), List.of(), List.of(), List.of());
		SyncRules.AccountFacts routine = new SyncRules.AccountFacts(account(5, "Routine Co", HealthBand.GREEN, 80),
				List.of(job(17, 5, "Nurse", JobPriority.HIGH, 60, 7L, "Sarah Kim"),
						job(18, 5, "Clerk", JobPriority.LOW, 2, 7L, "Sarah Kim")),
				List.of(job(18, 5, "Clerk", JobPriority.LOW, 2, 7L, "Sarah Kim")), List.of(),
				List.of(placement(32, 5, "Bo Chen", 7L, "Sarah Kim", TODAY.plusDays(1))), List.of());

		List<SyncRules.RecruiterGroup> sheet = SyncRules.sheet(List.of(quiet, dataSystems, megaBank, nobody, routine),
				TODAY);

		assertThat(sheet).extracting(SyncRules.RecruiterGroup::recruiterName)
			.containsExactly("Mike Brennan", "Priya Sharma", "No recruiter assigned");
		assertThat(sheet.get(0).accounts()).extracting(SyncRules.AccountItem::accountName).containsExactly("MegaBank");
		assertThat(sheet.get(0).accounts().get(0).actions()).extracting(SyncRules.Action::text)
			.containsExactly("Confirm Ana Lopez is ready to start on 2026-12-03",
					"Plan recruiting capacity for Data Science team");
		assertThat(sheet.get(0).upcomingStarts()).isEqualTo(1);
		assertThat(sheet.get(1).accounts().get(0).actions()).extracting(SyncRules.Action::text)
			.containsExactly("Ask Priya for any intel on changes at DataSystems Inc.");
		assertThat(sheet.get(2).accounts().get(0).actions()).extracting(SyncRules.Action::text)
			.containsExactly("Ask the recruiting team for any intel on changes at InsureCo");
	}

	@Test
	void aResolvedEscalationIsSharedAndALostOpportunityIsNotPlannedFor() {
		SyncRules.AccountFacts techCorp = new SyncRules.AccountFacts(account(1, "TechCorp", HealthBand.YELLOW, 68),
				List.of(), List.of(),
				List.of(escalation(22, 1, "ESC-2026-0001", "Invoice dispute", EscalationStatus.RESOLVED)), List.of(),
				List.of(new OpportunityView(42, 1, "TechCorp", "Lost deal", OpportunityStage.LOST,
						Money.of("50000", "USD"), Money.of("50000", "USD"), null, null, TODAY.minusDays(30), TODAY,
						null, null, false, "Budget", STAMP)));
		SyncRules.AccountItem item = SyncRules.item(techCorp, TODAY);
		assertThat(item.points()).extracting(SyncRules.Point::text)
			.containsExactly("Escalation ESC-2026-0001 Invoice dispute: RESOLVED");
		assertThat(item.actions()).extracting(SyncRules.Action::text)
			.containsExactly("Share the resolution of ESC-2026-0001 with the recruiting team");
	}

	static AccountSummary account(long id, String name, HealthBand band, Integer score) {
		return new AccountSummary(id, "ACC-" + id, name, "Technology", AccountStatus.ACTIVE, Tier.GROWTH, false, 1L,
				"Jordan Reyes", Money.of("100000", "USD"), "US", "Austin", true, Instant.EPOCH, score, band);
	}

	static JobView job(long id, long accountId, String title, JobPriority priority, int daysOpen, Long recruiterId,
			String recruiter) {
		return new JobView(id, accountId, null, title, null, JobStatus.OPEN, priority, TODAY.minusDays(daysOpen), null,
				null, null, recruiterId, recruiter, 0, 0, daysOpen, null, STAMP);
	}

	static EscalationView escalation(long id, long accountId, String key, String title, EscalationStatus status) {
		return new EscalationView(id, key, accountId, null, title, null, Severity.P1, status, Instant.EPOCH,
				status.ended() ? Instant.EPOCH : null, STAMP);
	}

	static PlacementView placement(long id, long accountId, String candidate, Long recruiterId, String recruiter,
			LocalDate start) {
		return new PlacementView(id, 1, "Risk Analyst", accountId, null, candidate, recruiterId, recruiter,
				PlacementType.CONTRACT, start, null, PlacementStatus.ACTIVE, null, STAMP);
	}

	static OpportunityView opportunity(long id, long accountId, String title) {
		return new OpportunityView(id, accountId, null, title, OpportunityStage.QUALIFIED, Money.of("180000", "USD"),
				Money.of("180000", "USD"), null, null, TODAY.minusDays(2), null, 1L, "Jordan Reyes", true, null, STAMP);
	}

}
