package io.intime.qbr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.Tier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec 03's QBR cadence per tier, the due date of a quarter's QBR, and the completion
 * rate with its quality criteria.
 */
class QbrCadenceTest {

	static final QbrQuarter Q1 = new QbrQuarter(2026, 1);

	static final QbrQuarter Q2 = new QbrQuarter(2026, 2);

	static final QbrQuarter Q3 = new QbrQuarter(2026, 3);

	static final QbrQuarter Q4 = new QbrQuarter(2026, 4);

	@Test
	void strategicAndGrowthAccountsAreReviewedEveryQuarterAndStandardOnesEverySecond() {
		assertThat(QbrCadence.frequency(Tier.STRATEGIC, false)).isEqualTo(QbrCadence.Frequency.QUARTERLY);
		assertThat(QbrCadence.frequency(Tier.GROWTH, false)).isEqualTo(QbrCadence.Frequency.QUARTERLY);
		assertThat(QbrCadence.frequency(Tier.STANDARD, false)).isEqualTo(QbrCadence.Frequency.SEMI_ANNUAL);
		// an executive's strategic flag wins over a small ARR
		assertThat(QbrCadence.frequency(Tier.STANDARD, true)).isEqualTo(QbrCadence.Frequency.QUARTERLY);
		assertThat(QbrCadence.describe(Tier.STANDARD, true)).isEqualTo("Quarterly: Executive QBR");
		assertThat(QbrCadence.describe(Tier.GROWTH, false)).isEqualTo("Quarterly: Business review");
		assertThat(QbrCadence.describe(Tier.STANDARD, false)).isEqualTo("Semi-annual: Performance review");
	}

	@Test
	void aQuarterlyAccountIsDueEachQuarterItHasNoQbrFor() {
		assertThat(QbrCadence.due(Tier.GROWTH, false, Q4, null)).isTrue();
		assertThat(QbrCadence.due(Tier.GROWTH, false, Q4, Q3)).isTrue();
		assertThat(QbrCadence.due(Tier.STRATEGIC, false, Q4, Q4)).as("has this quarter's").isFalse();
		assertThat(QbrCadence.due(Tier.STRATEGIC, false, Q3, Q4)).as("reviewed a later quarter").isFalse();
		assertThat(QbrCadence.next(Tier.GROWTH, false, Q4)).isEqualTo(new QbrQuarter(2027, 1));
	}

	@Test
	void aStandardAccountIsDueTwoQuartersAfterItsLastQbrOrWhenItNeverHadOne() {
		assertThat(QbrCadence.due(Tier.STANDARD, false, Q4, null)).as("never had one").isTrue();
		assertThat(QbrCadence.due(Tier.STANDARD, false, Q3, Q1)).isTrue();
		assertThat(QbrCadence.due(Tier.STANDARD, false, Q4, Q3)).as("reviewed last quarter").isFalse();
		assertThat(QbrCadence.due(Tier.STANDARD, false, Q4, Q2)).isTrue();
		assertThat(QbrCadence.due(Tier.STANDARD, false, Q4, Q1)).as("overdue reviews do not pile up").isTrue();
		assertThat(QbrCadence.next(Tier.STANDARD, false, Q3)).isEqualTo(new QbrQuarter(2027, 1));
	}

	@Test
	void aQuartersQbrIsDueByTheLastDayOfTheNextQuarter() {
		assertThat(QbrCadence.dueDate(Q4)).isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(QbrCadence.dueDate(Q1)).isEqualTo(LocalDate.of(2026, 6, 30));
	}

	@Test
	void completionCountsTheQbrsWhoseDueDatePassedOrThatWereHeldWithTheirQuality() {
		LocalDate today = LocalDate.of(2026, 12, 4);
		Instant held = Instant.parse("2026-10-15T15:00:00Z");
		List<QbrCadence.Fact> facts = List.of(
				// Q2 held: deck 4 days ahead, executive there, action items, follow-up
				// next day
				done(1, Q2, held, held.minusSeconds(4 * 86400), true, held.plusSeconds(86400), true),
				// Q2 held: deck the day before, no executive, no items, follow-up after 9
				// days
				done(2, Q2, held, held.minusSeconds(86400), false, held.plusSeconds(9 * 86400 + 7200), false),
				// Q2 never held: due Sep 30, passed
				open(3, Q2),
				// Q3 not held yet: due Dec 31, ahead, so not missed
				open(4, Q3),
				// Q3 held already: counts
				done(5, Q3, held, held.minusSeconds(3 * 86400), true, null, true),
				// Q2 cancelled and never held: still due
				new QbrCadence.Fact(6, Q2, QbrCadence.dueDate(Q2), QbrStatus.CANCELLED, 7L, null, null, null, null,
						null, false),
				// Q2 cancelled, then held after all: one review, held
				new QbrCadence.Fact(7, Q2, QbrCadence.dueDate(Q2), QbrStatus.CANCELLED, 7L, null, null, null, null,
						null, false),
				done(7, Q2, held, null, null, null, false));
		QbrCompletionRate rate = QbrCadence.tally(facts, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), today);
		assertThat(rate.due()).isEqualTo(6);
		assertThat(rate.completed()).isEqualTo(4);
		assertThat(rate.percent()).isEqualByComparingTo("66.7");
		assertThat(rate.deckReady()).as("4 and 3 days ahead; not the day before, not missing").isEqualTo(2);
		assertThat(rate.executiveAttended()).isEqualTo(2);
		assertThat(rate.actionItems()).isEqualTo(2);
		assertThat(rate.followUp()).as("the next day; not after 9 days, not missing").isEqualTo(1);
		assertThat(rate.acceptable()).isFalse();

		// as of September's end, Q2's QBRs were due and the ones held in October not yet
		QbrCompletionRate september = QbrCadence.tally(facts, LocalDate.of(2025, 10, 1), LocalDate.of(2026, 9, 30),
				today);
		assertThat(september.due()).isEqualTo(5);
		assertThat(september.completed()).isZero();
		assertThat(september.percent()).isEqualByComparingTo("0.0");

		assertThat(QbrCadence.tally(List.of(open(4, Q3)), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), today)
			.percent()).as("nothing due yet: missing, not zero").isNull();
	}

	@Test
	void aDeckIsReadyInTimeThreeDaysBeforeTheMeetingOrItsCompletionWithoutOne() {
		Instant completed = Instant.parse("2026-11-20T18:00:00Z");
		QbrCadence.Fact noMeeting = new QbrCadence.Fact(1, Q3, QbrCadence.dueDate(Q3), QbrStatus.COMPLETED, 7L, null,
				completed.minusSeconds(3 * 86400), true, completed, completed, true);
		assertThat(noMeeting.deckReady()).isTrue();
		assertThat(noMeeting.followedUp()).isTrue();
	}

	private static QbrCadence.Fact done(long account, QbrQuarter q, Instant held, Instant deck, Boolean executive,
			Instant followUp, boolean actions) {
		Instant completed = held.plusSeconds(3 * 3600);
		return new QbrCadence.Fact(account, q, QbrCadence.dueDate(q), QbrStatus.COMPLETED, 7L, held, deck, executive,
				followUp == null ? null : followUp.plusSeconds(3 * 3600), completed, actions);
	}

	private static QbrCadence.Fact open(long account, QbrQuarter q) {
		return new QbrCadence.Fact(account, q, QbrCadence.dueDate(q), QbrStatus.PLANNED, 7L, null, null, null, null,
				null, false);
	}

}
