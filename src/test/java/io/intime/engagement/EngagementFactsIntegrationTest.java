package io.intime.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountTimeline;
import io.intime.accounts.ContactView;
import io.intime.accounts.StakeholderRole;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.TimelineEntry;
import io.intime.shared.database.AccountScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static io.intime.engagement.ActivityDirection.INBOUND;
import static io.intime.engagement.ActivityDirection.INTERNAL;
import static io.intime.engagement.ActivityDirection.OUTBOUND;
import static io.intime.engagement.ActivityType.CALL;
import static io.intime.engagement.ActivityType.EMAIL;
import static io.intime.engagement.ActivityType.MEETING;
import static io.intime.engagement.ActivityType.NOTE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EngagementFacts} over records made through the facades: the windows (180 days
 * for the NPS average, 90 and the 90 before for net NPS, 90 for touchpoints), as-of
 * semantics (nothing after the day counts) and several accounts in one statement; and the
 * engagement timeline.
 */
@IntegrationTest
class EngagementFactsIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	EngagementFacts facts;

	@Autowired
	AccountTimeline timeline;

	EngagementFixtures fixtures;

	final LocalDate asOf = TestClock.today().minusDays(30);

	@BeforeEach
	void setUp() {
		fixtures = new EngagementFixtures(context);
	}

	Instant at(int daysBeforeAsOf) {
		return asOf.minusDays(daysBeforeAsOf).atTime(12, 0).toInstant(ZoneOffset.UTC);
	}

	@Test
	void theNpsAverageCountsThe180DaysUpToTheDayAndNetNpsComparesTheLast90WithThe90Before() {
		AccountDetails first = fixtures.accounts().account(null);
		AccountDetails second = fixtures.accounts().account(null);
		AccountDetails none = fixtures.accounts().account(null);
		fixtures.response(first, 9, asOf.minusDays(10));
		fixtures.response(first, 5, asOf.minusDays(100));
		fixtures.response(first, 10, asOf.minusDays(200));
		fixtures.response(first, 0, asOf.plusDays(5));
		fixtures.response(second, 7, asOf.minusDays(1));
		fixtures.response(second, 8, asOf);

		Map<Long, NpsFacts> all = facts.nps(asOf, 180, AccountScope.of(List.of(first.id(), second.id(), none.id())));

		assertThat(all).containsOnlyKeys(first.id(), second.id());
		NpsFacts one = all.get(first.id());
		assertThat(one.responses()).isEqualTo(2);
		assertThat(one.averageScore()).isEqualByComparingTo("7.0");
		assertThat(one.latestScore()).isEqualTo(9);
		assertThat(one.latestDate()).isEqualTo(asOf.minusDays(10));
		assertThat(one.accountNps()).isEqualTo(100);
		assertThat(one.accountNpsPrevious()).isEqualTo(-100);
		NpsFacts two = all.get(second.id());
		assertThat(two.averageScore()).isEqualByComparingTo("7.5");
		assertThat(two.latestScore()).isEqualTo(8);
		assertThat(two.accountNps()).as("passives only").isZero();
		assertThat(two.accountNpsPrevious()).isNull();

		NpsFacts later = facts.nps(asOf.plusDays(5), 180, AccountScope.of(List.of(first.id()))).get(first.id());
		assertThat(later.latestScore()).as("the response of asOf+5 counts from that day").isZero();
		assertThat(later.responses()).isEqualTo(3);
	}

	@Test
	void touchpointsAreCallsAndMeetingsWithAnExecutiveInThe90DaysUpToTheDay() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		AccountDetails quiet = fixtures.accounts().account(manager);
		ContactView ceo = fixtures.contact(account, StakeholderRole.EXECUTIVE);
		ContactView jane = fixtures.contact(account, StakeholderRole.CHAMPION);
		ContactView mark = fixtures.contact(account, StakeholderRole.HIRING_MANAGER);
		fixtures.activity(account, manager, CALL, OUTBOUND, at(5), List.of(ceo));
		fixtures.activity(account, manager, MEETING, OUTBOUND, at(89), List.of(ceo, jane));
		fixtures.activity(account, manager, CALL, OUTBOUND, at(90), List.of(ceo));
		fixtures.activity(account, manager, MEETING, OUTBOUND, at(-3), List.of(ceo));
		fixtures.activity(account, manager, EMAIL, OUTBOUND, at(3), List.of(ceo));
		fixtures.activity(account, manager, EMAIL, INBOUND, at(20), List.of(jane));
		fixtures.activity(account, manager, EMAIL, OUTBOUND, at(15), List.of(jane));
		fixtures.activity(account, manager, EMAIL, OUTBOUND, at(8), List.of(jane));
		fixtures.activity(account, manager, EMAIL, OUTBOUND, at(12), List.of(mark));
		fixtures.activity(quiet, manager, NOTE, INTERNAL, at(2), List.of());

		Map<Long, ExecutiveFacts> all = facts.executive(asOf, 90, AccountScope.of(List.of(account.id(), quiet.id())));

		ExecutiveFacts engaged = all.get(account.id());
		assertThat(engaged.touchpoints()).as("asOf−5 and asOf−89; not asOf−90, not asOf+3, not the email").isEqualTo(2);
		assertThat(engaged.lastTouchpoint()).isEqualTo(asOf.minusDays(5));
		assertThat(engaged.contactsEngaged()).isEqualTo(3);
		assertThat(engaged.unresponsiveContactId()).isEqualTo(jane.id());
		assertThat(engaged.unansweredEmails()).isEqualTo(2);
		ExecutiveFacts silent = all.get(quiet.id());
		assertThat(silent.touchpoints()).isZero();
		assertThat(silent.contactsEngaged()).isZero();
		assertThat(silent.lastTouchpoint()).isNull();

		ExecutiveFacts later = facts.executive(asOf.plusDays(3), 90, AccountScope.of(List.of(account.id())))
			.get(account.id());
		assertThat(later.lastTouchpoint()).isEqualTo(asOf.plusDays(3));
		assertThat(later.touchpoints()).as("asOf−89 has left the window").isEqualTo(2);
	}

	@Test
	void aCallOrMeetingThatTookPlaceOrAnInboundMessageAfterTheEmailsAnswersThem() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails silent = fixtures.accounts().account(manager);
		AccountDetails called = fixtures.accounts().account(manager);
		AccountDetails met = fixtures.accounts().account(manager);
		AccountDetails wrote = fixtures.accounts().account(manager);
		AccountDetails calledBefore = fixtures.accounts().account(manager);
		Map<AccountDetails, ContactView> people = new java.util.LinkedHashMap<>();
		for (AccountDetails account : List.of(silent, called, met, wrote, calledBefore)) {
			ContactView jane = fixtures.contact(account, StakeholderRole.CHAMPION);
			people.put(account, jane);
			fixtures.activity(account, manager, EMAIL, OUTBOUND, at(10), List.of(jane));
			fixtures.activity(account, manager, EMAIL, OUTBOUND, at(8), List.of(jane));
		}
		fixtures.activity(called, manager, CALL, OUTBOUND, at(5), List.of(people.get(called)));
		fixtures.activity(met, manager, MEETING, OUTBOUND, at(6), List.of(people.get(met)));
		fixtures.activity(wrote, manager, EMAIL, INBOUND, at(7), List.of(people.get(wrote)));
		fixtures.activity(calledBefore, manager, CALL, OUTBOUND, at(12), List.of(people.get(calledBefore)));

		Map<Long, ExecutiveFacts> all = facts.executive(asOf, 90,
				AccountScope.of(people.keySet().stream().map(AccountDetails::id).toList()));

		assertThat(all.get(silent.id()).unresponsiveContactId()).isEqualTo(people.get(silent).id());
		assertThat(all.get(silent.id()).unansweredEmails()).isEqualTo(2);
		assertThat(all.get(called.id()).unresponsiveContactId()).as("a call after the emails").isNull();
		assertThat(all.get(called.id()).unansweredEmails()).isZero();
		assertThat(all.get(met.id()).unresponsiveContactId()).as("a meeting after the emails").isNull();
		assertThat(all.get(wrote.id()).unresponsiveContactId()).as("their email after ours").isNull();
		assertThat(all.get(calledBefore.id()).unresponsiveContactId()).as("a call before the emails answers nothing")
			.isEqualTo(people.get(calledBefore).id());
		assertThat(all.get(calledBefore.id()).unansweredEmails()).isEqualTo(2);
	}

	@Test
	void aCallPlannedLaterTodayAnswersNothingYet() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		ContactView jane = fixtures.contact(account, StakeholderRole.CHAMPION);
		Instant now = TestClock.now();
		fixtures.activity(account, manager, EMAIL, OUTBOUND, now.minus(9, ChronoUnit.DAYS), List.of(jane));
		fixtures.activity(account, manager, EMAIL, OUTBOUND, now.minus(4, ChronoUnit.DAYS), List.of(jane));
		// The test clock starts at noon: two hours on is still today.
		fixtures.activity(account, manager, CALL, OUTBOUND, now.plus(2, ChronoUnit.HOURS), List.of(jane));

		ExecutiveFacts today = facts.executive(TestClock.today(), 90, AccountScope.of(List.of(account.id())))
			.get(account.id());

		assertThat(today.unresponsiveContactId()).isEqualTo(jane.id());
		assertThat(today.unansweredEmails()).isEqualTo(2);
	}

	@Test
	void activitiesAndResponsesJoinTheAccountTimelineNewestFirstWithTheirTone() {
		CurrentUser manager = fixtures.accounts().user(Role.ACCOUNT_MANAGER);
		AccountDetails account = fixtures.accounts().account(manager);
		ContactView jane = fixtures.contact(account, StakeholderRole.CHAMPION);
		ActivityManagement activities = context.getBean(ActivityManagement.class);
		NpsManagement nps = context.getBean(NpsManagement.class);
		Instant now = TestClock.now().truncatedTo(ChronoUnit.SECONDS);
		ActivityView email = activities.create(account.id(),
				new ActivityForm(EMAIL, INBOUND, "Requested pause on all searches", null,
						now.minus(40, ChronoUnit.DAYS), null, null, Sentiment.NEGATIVE, null, List.of(jane.id()),
						List.of(manager.id())),
				manager);
		NpsView detractor = nps.create(account.id(), new NpsForm(jane.id(), 3, "Not meeting expectations",
				TestClock.today().minusDays(43), SurveyType.TRANSACTIONAL), manager);
		activities.create(account.id(), new ActivityForm(CALL, OUTBOUND, "Planned call", null,
				now.plus(2, ChronoUnit.DAYS), 30, null, null, null, List.of(jane.id()), List.of(manager.id())),
				manager);

		List<TimelineEntry> entries = timeline.of(account.id(), now.minus(90, ChronoUnit.DAYS), 50, manager);

		assertThat(entries).extracting(TimelineEntry::title)
			.containsExactly("Email – Requested pause on all searches",
					"NPS Survey – Score: 3/10 “Not meeting expectations”");
		assertThat(entries).extracting(TimelineEntry::tone).containsExactly("negative", "negative");
		assertThat(entries.get(0).href()).isEqualTo("/accounts/" + account.id() + "/activities#activity-" + email.id());
		assertThat(entries.get(1).href()).isEqualTo("/accounts/" + account.id() + "/activities#nps-" + detractor.id());
		assertThat(entries.get(0).kind()).isEqualTo("activity.email");
		assertThat(timeline.of(account.id(), now.minus(41, ChronoUnit.DAYS), 50, manager)).hasSize(1);
	}

}
