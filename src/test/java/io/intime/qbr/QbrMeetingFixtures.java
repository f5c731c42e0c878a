package io.intime.qbr;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.engagement.MeetingForm;
import io.intime.engagement.MeetingView;
import io.intime.engagement.Meetings;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A QBR to conduct, for the meeting's tests: an account of a new account manager with two
 * client contacts (Sarah and Mark, unique addresses), its QBR meeting tomorrow at 10:00
 * in New York with an executive of the firm and both contacts, the QBR of the last
 * quarter on it, and optionally a generated deck whose PDF says which account it is.
 */
final class QbrMeetingFixtures {

	/** A QBR ready to be held. */
	record Qbr(CurrentUser am, CurrentUser executive, AccountDetails account, ContactView sarah, ContactView mark,
			MeetingView meeting, long id, QbrQuarter quarter) {

		/** The PDF bytes of its deck, when it has one. */
		byte[] pdf() {
			return ("%PDF-1.4 deck of " + account.name()).getBytes(StandardCharsets.UTF_8);
		}

	}

	private final AccountFixtures fixtures;

	private final ContactManagement contacts;

	private final Meetings meetings;

	private final JdbcClient jdbc;

	QbrMeetingFixtures(ApplicationContext context) {
		this.fixtures = new AccountFixtures(context);
		this.contacts = context.getBean(ContactManagement.class);
		this.meetings = context.getBean(Meetings.class);
		this.jdbc = context.getBean(JdbcClient.class);
	}

	AccountFixtures accounts() {
		return fixtures;
	}

	/** A QBR with its meeting; with {@code deck}, a generated deck (PPTX and PDF). */
	Qbr qbr(boolean deck) {
		CurrentUser am = fixtures.user(Role.ACCOUNT_MANAGER);
		CurrentUser executive = fixtures.user(Role.EXECUTIVE);
		AccountDetails account = fixtures.account(am);
		String tag = AccountFixtures.unique("q").toLowerCase();
		ContactView sarah = contacts.create(account.id(),
				AccountFixtures.contactForm("Sarah Chen", "sarah." + tag + "@client.example"), fixtures.executive());
		ContactView mark = contacts.create(account.id(),
				AccountFixtures.contactForm("Mark Johnson", "mark." + tag + "@client.example"), fixtures.executive());
		QbrQuarter quarter = QbrQuarter.of(TestClock.today()).previous();
		MeetingView meeting = meetings.schedule(
				new MeetingForm(account.id(), "QBR", account.name() + " QBR – " + quarter.label() + " Review",
						TestClock.today().plusDays(1), LocalTime.of(10, 0), 90, "America/New_York", null,
						"https://zoom.example/j/qbr", null, List.of(executive.id()), List.of(sarah.id(), mark.id())),
				am);
		Timestamp now = Timestamp.from(TestClock.now());
		long id = jdbc.sql("""
				insert into qbr (account_id, quarter, due_date, status, meeting_id, owner_id, created_at, updated_at)
				values (?, ?, ?, 'SCHEDULED', ?, ?, ?, ?) returning id""")
			.params(account.id(), quarter.code(), quarter.next().last(), meeting.id(), am.id(), now, now)
			.query(Long.class)
			.single();
		Qbr qbr = new Qbr(am, executive, account, sarah, mark, meeting, id, quarter);
		if (deck) {
			jdbc.sql("""
					insert into qbr_document (qbr_id, version_no, status, progress, pptx, pdf, requested_by, created_at,
					                          finished_at)
					values (?, 1, 'DONE', 100, ?, ?, 'test', ?, ?)""")
				.params(id, "pptx".getBytes(StandardCharsets.UTF_8), qbr.pdf(), now, now)
				.update();
			jdbc.sql("update qbr set deck_ready_at = ? where id = ?").params(now, id).update();
		}
		return qbr;
	}

	/** The QBR's version now. */
	long version(long qbrId) {
		return jdbc.sql("select version from qbr where id = ?").params(qbrId).query(Long.class).single();
	}

	/**
	 * A full review as spec 02's MegaBank QBR presents it, with the NPS missing, for
	 * rendering {@code qbr/qbr-parts :: review}.
	 */
	static QuarterReview sampleReview(long accountId, String accountName, QbrQuarter quarter) {
		java.util.function.Function<String, io.intime.shared.Money> usd = amount -> io.intime.shared.Money.of(amount,
				"USD");
		return new QuarterReview(accountId, accountName, "Strategic", quarter, TestClock.today(), List.of(
				new QuarterReview.Metric("placements", "Placements", "18", new java.math.BigDecimal("18"), "15 target",
						"14", "120% of target", QuarterReview.Status.MET, null),
				new QuarterReview.Metric("timeToFill", "Avg time-to-fill", "12 days", new java.math.BigDecimal("12"),
						"14-day SLA", "15 days", "3 days faster than last quarter", QuarterReview.Status.MET, null),
				new QuarterReview.Metric("offerAcceptance", "Offer acceptance", "88%", new java.math.BigDecimal("88"),
						"90% target", "88%", "2 points short", QuarterReview.Status.NEAR, null),
				new QuarterReview.Metric("firstYearRetention", "First-year retention", "80%",
						new java.math.BigDecimal("80"), "95% target", "92%", "15 points short",
						QuarterReview.Status.MISSED, null),
				new QuarterReview.Metric("nps", "Client NPS", null, null, "8/10 target", "8/10", null,
						QuarterReview.Status.NONE, "no NPS response this quarter")),
				new QuarterReview.YearToDate(98, 80, 22, usd.apply("1700000"), usd.apply("1500000"), 13),
				List.of(new QuarterReview.Count("Engineering", 12), new QuarterReview.Count("Marketing", 3),
						new QuarterReview.Count("Legal", 2), new QuarterReview.Count("Finance", 1)),
				List.of(new QuarterReview.Count("Contract (6mo+)", 14), new QuarterReview.Count("Contract-to-hire", 4)),
				List.of(new QuarterReview.Story(1, "Principal Engineer", "Dana Whitfield",
						TestClock.today().minusDays(60), 18, 30, true,
						"Hiring manager: “Exceeded expectations in the first month”")),
				List.of(new QuarterReview.Challenge(2, "UX Designer role: low candidate flow", "P2",
						"Rate below market for the experience needed", "Rate raised from $75 to $85/hr",
						TestClock.today().minusDays(20))),
				List.of(new QuarterReview.Opportunity(3, "Data Science team", "Proposal", usd.apply("600000"),
						"Pricing review"),
						new QuarterReview.Opportunity(4, "Academy training partnership", "Qualified",
								usd.apply("200000"), null),
						new QuarterReview.Opportunity(5, "Consulting services", "Discovery", usd.apply("150000"),
								null)),
				new QuarterReview.HealthCard(94, "GREEN", 88,
						List.of(new QuarterReview.HealthCard.Component("Hiring velocity", 25, 25, "18 placements"),
								new QuarterReview.HealthCard.Component("Payment promptness", 20, 20, "Paid in 28 days"),
								new QuarterReview.HealthCard.Component("NPS / satisfaction", 18, 20, "9/10"),
								new QuarterReview.HealthCard.Component("Executive engagement", 15, 15, "Monthly"),
								new QuarterReview.HealthCard.Component("Expansion pipeline", 10, 10, "$950K"),
								new QuarterReview.HealthCard.Component("Issue frequency", 6, 10, "4 escalations"))),
				List.of("no NPS response this quarter"));
	}

	static LocalDate inDays(int days) {
		return TestClock.today().plusDays(days);
	}

}
