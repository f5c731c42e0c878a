package io.intime.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.engagement.NpsForm;
import io.intime.engagement.NpsManagement;
import io.intime.engagement.Sentiment;
import io.intime.engagement.SurveyType;
import io.intime.identity.CurrentUser;
import io.intime.shared.Today;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import static io.intime.engagement.ActivityDirection.INBOUND;
import static io.intime.engagement.ActivityDirection.INTERNAL;
import static io.intime.engagement.ActivityDirection.OUTBOUND;
import static io.intime.engagement.ActivityType.CALL;
import static io.intime.engagement.ActivityType.EMAIL;
import static io.intime.engagement.ActivityType.MEETING;
import static io.intime.engagement.ActivityType.NOTE;
import static io.intime.engagement.Sentiment.NEGATIVE;
import static io.intime.engagement.Sentiment.NEUTRAL;
import static io.intime.engagement.Sentiment.POSITIVE;

/**
 * The demo world's NPS responses and activities, through {@link NpsManagement} and
 * {@link ActivityManagement}, for every account: about 15 months of calls, emails,
 * meetings and notes with the account's contacts (the owner taking part; executive calls
 * and meetings with an EXECUTIVE contact or the executive sponsor) and two NPS responses
 * a quarter, so that as of today the NPS average of 180 days and the executive
 * touchpoints of 90 days give the points of {@link DemoHealthPlan}, and earlier
 * month-ends show where they came from (accounts below the top band were a band better a
 * year ago).
 * <p>
 * The stories, with today = {@link DemoSetting#today()}:
 * <ul>
 * <li>DataSystems Inc.: NPS 3 from Jane Doe on today−43, “Not meeting expectations”, its
 * only response in 180 days; “Email – Requested pause on all searches” from Jane on
 * today−40; two emails to Jane on today−12 and today−5 without an answer; one executive
 * call (John Smith, VP Operations) on today−60.</li>
 * <li>ABC Technologies: the executive sponsor QBR on today−51 and the last executive call
 * with John Smith (CEO) on today−45, none since; the CEO's complaint email (today−15),
 * the escalation to Tom Davis (today−12), Tom's apology and recovery plan (today−8), the
 * CEO's threat to look at alternatives (today−5) and the escalation to the executive
 * (today−2); net NPS 15 over the last 90 days ({@link #ABC_RECENT}) against 75 over the
 * 90 before ({@link #ABC_EARLIER}), average 6.9 over 180 days.</li>
 * <li>MegaBank: a 9/10 six days ago; the Q4 QBR today at 11:00 with Sarah Chen and Mark
 * Johnson.</li>
 * <li>InsureCo: a 9/10 today (“Promoter!”). FinanceHub: Lisa Martinez's email about Q1
 * hiring plans two hours ago. TechCorp: finance's three payment reminders without an
 * answer and the call with Michael Chen (CFO) planned for the next working day at 9:30.
 * RetailCo: the kickoff call for the Senior UX Designer search two weeks ago.
 * EnterpriseHQ: executive meetings with the former CEO only; the new CEO not met
 * yet.</li>
 * </ul>
 * Accounts that need executive touchpoints but have neither an EXECUTIVE contact nor a
 * sponsor (FinanceHub, InsureCo, GrowthStartup) get their chief executive as a contact
 * first.
 */
@Component
class DemoEngagement implements DemoFacts {

	private static final Logger log = LoggerFactory.getLogger(DemoEngagement.class);

	private static final long SEED = 20251130L + 30;

	/**
	 * ABC's 20 responses of the last 90 days, oldest first: 7 promoters, 9 passives and 4
	 * detractors, net (7 − 4) / 20 = 15.
	 */
	static final int[] ABC_RECENT = { 9, 7, 9, 7, 7, 9, 2, 7, 9, 7, 1, 9, 7, 7, 0, 9, 7, 9, 7, 3 };

	/**
	 * ABC's 4 responses of the 90 days before: 3 promoters and a passive, net 75. With
	 * the 20 above the 180-day average is 166 / 24 = 6.9: NPS points 10.
	 */
	static final int[] ABC_EARLIER = { 9, 9, 9, 7 };

	private static final int[][][] PATTERNS = { { { 2, 1, 2, 1 }, { 1, 2, 0, 2 } },
			{ { 4, 3, 5, 4 }, { 3, 4, 4, 5 }, { 4, 4, 3, 4 } }, { { 6, 5, 7, 6 }, { 5, 6, 6, 7 }, { 6, 6, 5, 6 } },
			{ { 8, 7, 9, 8 }, { 7, 8, 8, 9 }, { 8, 8, 7, 8 } },
			{ { 9, 10, 9, 10 }, { 10, 9, 9, 10 }, { 9, 9, 10, 9 } } };

	private static final String[] CALL_SUBJECTS = { "Monthly check-in", "Hiring plan review",
			"Candidate feedback review", "Open roles status call", "Onboarding check-in for new starters",
			"Interview process alignment", "Rate card discussion" };

	private static final String[] EMAIL_SUBJECTS = { "Weekly submission summary", "Shortlist for open roles",
			"Follow-up on interview feedback", "Updated hiring forecast", "New candidate profiles",
			"Timesheet approvals for this week" };

	private static final String[] EXECUTIVE_MEETINGS = { "Quarterly business review", "Executive sponsor check-in",
			"Workforce planning session", "Annual partnership review" };

	private static final String[] EXECUTIVE_CALLS = { "Executive check-in", "Strategic priorities call",
			"Renewal planning call" };

	private static final String[] NOTES = { "Internal account review", "Account plan updated",
			"Recruiting team sync notes" };

	private static final String[] PRAISE = { "Great partner — fast, high-quality shortlists",
			"Our go-to staffing partner", "Responsive team and strong candidates",
			"Consistently exceeds expectations" };

	private static final String[] FAIR = { "Good service, occasional delays",
			"Solid candidates; updates could be faster", "Reliable, though rates are creeping up" };

	private static final String[] MIXED = { "Mixed results on recent searches", "Too many candidates off the brief",
			"Slow turnaround on niche roles" };

	private static final String[] POOR = { "Candidate quality has dropped", "Missed deadlines on critical roles",
			"Not the partner we signed up for" };

	private final ActivityManagement activities;

	private final NpsManagement nps;

	private final ContactManagement contacts;

	private final EntityManager entityManager;

	private final Today time;

	private int activityCount;

	private int responseCount;

	DemoEngagement(ActivityManagement activities, NpsManagement nps, ContactManagement contacts,
			EntityManager entityManager, Today time) {
		this.activities = activities;
		this.nps = nps;
		this.contacts = contacts;
		this.entityManager = entityManager;
		this.time = time;
	}

	@Override
	public int order() {
		return 30;
	}

	@Override
	public void create(DemoSetting world) {
		long start = System.nanoTime();
		Random random = new Random(SEED);
		Instant now = time.now();
		activityCount = 0;
		responseCount = 0;
		for (DemoAccount account : world.accounts()) {
			new Story(world, account, random, now).tell();
			// A small persistence context keeps Hibernate's dirty checking from growing
			// with every record.
			entityManager.flush();
			entityManager.clear();
		}
		log.info("Demo engagement: {} activities and {} NPS responses in {} ms", activityCount, responseCount,
				(System.nanoTime() - start) / 1_000_000);
	}

	/**
	 * The NPS points a 180-day average gives (spec 03 Appendix C, as DemoHealthPlan
	 * states it).
	 */
	static int npsPoints(double average) {
		return average >= 9 ? 20 : average >= 7 ? 15 : average >= 5 ? 10 : average >= 3 ? 5 : 0;
	}

	/** One account's engagement over the last 15 months. */
	private final class Story {

		private final DemoSetting world;

		private final DemoAccount a;

		private final Random random;

		private final Instant now;

		private final ZoneId zone;

		private final long accountId;

		private final DemoHealthPlan.Points plan;

		private final String owner;

		private final String sponsor;

		private final List<ContactView> people;

		private final List<ContactView> executives = new ArrayList<>();

		private final List<ContactView> formerExecutives = new ArrayList<>();

		private final List<ContactView> others = new ArrayList<>();

		Story(DemoSetting world, DemoAccount a, Random random, Instant now) {
			this.world = world;
			this.a = a;
			this.random = random;
			this.now = now;
			this.zone = ZoneId.of(a.timeZone);
			this.accountId = world.idOf(a.name);
			this.plan = world.plan().of(a.name);
			this.owner = a.owner;
			this.sponsor = a.strategic ? "ceo" : null;
			this.people = new ArrayList<>(world.contacts().getOrDefault(a.name, List.of()));
		}

		void tell() {
			if (sponsor == null
					&& people.stream().noneMatch(c -> c.active() && c.stakeholderRole() == StakeholderRole.EXECUTIVE)) {
				addChiefExecutive();
			}
			for (ContactView c : people) {
				if (c.stakeholderRole() == StakeholderRole.EXECUTIVE) {
					(c.active() ? executives : formerExecutives).add(c);
				}
				else if (c.active()) {
					others.add(c);
				}
			}
			responses();
			history();
			switch (a.name) {
				case "ABC Technologies" -> abcTechnologies();
				case "DataSystems Inc." -> dataSystemsInc();
				default -> recentQuarter();
			}
			extras();
		}

		// ------------------------------------------------------------------ NPS

		private void responses() {
			switch (a.name) {
				case "DataSystems Inc." -> {
					earlierResponses(15);
					response(43, 3, contact("Jane Doe"), "Not meeting expectations", SurveyType.TRANSACTIONAL);
					return;
				}
				case "ABC Technologies" -> {
					earlierResponses(20);
					int[] earlierDays = { 172, 150, 126, 101 };
					for (int i = 0; i < ABC_EARLIER.length; i++) {
						response(earlierDays[i], ABC_EARLIER[i], anyContact(), comment(ABC_EARLIER[i]),
								i == 1 ? SurveyType.RELATIONSHIP : SurveyType.TRANSACTIONAL);
					}
					for (int i = 0; i < ABC_RECENT.length; i++) {
						int day = 88 - i * 4 - random.nextInt(2);
						String comment = i == ABC_RECENT.length - 1 ? "Three placements failed within 90 days"
								: comment(ABC_RECENT[i]);
						response(day, ABC_RECENT[i], anyContact(), comment, SurveyType.TRANSACTIONAL);
					}
					return;
				}
				default -> {
				}
			}
			int points = plan.nps();
			earlierResponses(points >= 15 ? points : points + 5);
			int[] scores = pattern(points);
			if (a.name.equals("MegaBank") || a.name.equals("InsureCo")) {
				scores = new int[] { 10, 9, 10, 9 };
			}
			int[] days = { 165 + random.nextInt(8), 118 + random.nextInt(10), 72 + random.nextInt(10),
					20 + random.nextInt(12) };
			if (a.name.equals("MegaBank")) {
				days[3] = 6;
			}
			if (a.name.equals("InsureCo")) {
				days[3] = 0;
			}
			for (int i = 0; i < scores.length; i++) {
				response(days[i], scores[i], i == 3 && a.name.equals("InsureCo") ? others.get(0) : anyContact(),
						a.name.equals("InsureCo") && i == 3 ? "Promoter! Fast and thorough on the claims team roles"
								: comment(scores[i]),
						i == 1 ? SurveyType.RELATIONSHIP : SurveyType.TRANSACTIONAL);
			}
		}

		/** Five responses 190 to 450 days ago at the given band. */
		private void earlierResponses(int points) {
			int[] scores = pattern(points);
			for (int i = 0; i < 5; i++) {
				int day = 445 - i * 55 - random.nextInt(8);
				response(day, scores[i % scores.length], anyContact(), comment(scores[i % scores.length]),
						i == 2 ? SurveyType.RELATIONSHIP : SurveyType.TRANSACTIONAL);
			}
		}

		private int[] pattern(int points) {
			int[][] choices = PATTERNS[points / 5];
			return choices[random.nextInt(choices.length)];
		}

		private String comment(int score) {
			if (random.nextInt(4) == 0) {
				return null;
			}
			String[] pool = score >= 9 ? PRAISE : score >= 7 ? FAIR : score >= 5 ? MIXED : POOR;
			return pool[random.nextInt(pool.length)];
		}

		private void response(int daysAgo, int score, ContactView from, String comment, SurveyType type) {
			responseCount++;
			nps.create(accountId, new NpsForm(from == null ? null : from.id(), score, comment,
					world.today().minusDays(daysAgo), type), actor(owner));
		}

		// ------------------------------------------------------------------ activities

		/**
		 * 95 to 450 days ago: the monthly rhythm, executive touchpoints at the account's
		 * former pace, notes.
		 */
		private void history() {
			int executive = plan.executive();
			int former = executive == 15 ? 15 : executive == 10 ? (plan.total() >= 80 ? 10 : 15) : 10;
			int turn = 0;
			for (int day = 450 - random.nextInt(10); day >= 95; day -= 56 + random.nextInt(12)) {
				if (turn++ % 2 == 0) {
					emailExchange(day, partner(0), sentiment(true));
				}
				else {
					call(day, partner(1), sentiment(true));
				}
			}
			int step = former == 15 ? 38 : 80;
			for (int day = 440 - random.nextInt(15); day >= 95; day -= step + random.nextInt(6)) {
				executiveTouch(day, true);
			}
			for (int day = 400 - random.nextInt(20); day >= 95; day -= 150 + random.nextInt(20)) {
				note(day, NOTES[random.nextInt(NOTES.length)], null, List.of(owner));
			}
		}

		/**
		 * The last 90 days: touchpoints as the plan wants them, and two or more contacts
		 * engaged.
		 */
		private void recentQuarter() {
			int executive = plan.executive();
			if (executive == 15) {
				for (int day : new int[] { 82, 58, 33, 12 }) {
					executiveTouch(day - random.nextInt(3), false);
				}
			}
			else if (executive == 10) {
				if (random.nextBoolean()) {
					executiveTouch(20 + random.nextInt(50), false);
				}
				else {
					executiveTouch(70 - random.nextInt(5), false);
					executiveTouch(30 - random.nextInt(5), false);
				}
			}
			ContactView first = partner(0);
			ContactView second = executive == 0 ? first : partner(1);
			emailExchange(76 - random.nextInt(6), first, sentiment(false));
			if (second.stakeholderRole() == StakeholderRole.EXECUTIVE && executive < 10) {
				emailExchange(42 - random.nextInt(6), second, sentiment(false));
			}
			else {
				call(42 - random.nextInt(6), second, sentiment(false));
			}
			note(50 - random.nextInt(5), NOTES[random.nextInt(NOTES.length)], null, List.of(owner));
		}

		private void abcTechnologies() {
			ContactView ceo = contact("John Smith");
			ContactView people = contact("Karen Liu");
			ContactView engineering = contact("Raj Malhotra");
			emailExchange(84, people, NEUTRAL);
			call(70, engineering, NEGATIVE, "Placement failure – Senior Backend Engineer",
					"Raj reported the second early departure this quarter; asked for a replacement within two weeks.");
			call(58, engineering, NEUTRAL, "Time-to-fill review",
					"Average time-to-fill 45 days against the 30-day SLA.");
			activity("ceo", 51, 14, 0, MEETING, OUTBOUND, "Executive sponsor QBR",
					"Quarterly business review with the client CEO. Went well; NPS was 65 at the time.", 60,
					"Agreed to revisit the SLA at renewal", POSITIVE, List.of("QBR", "Executive"), List.of(ceo, people),
					List.of("ceo", owner));
			activity("ceo", 45, 11, 0, CALL, OUTBOUND, "Executive sponsor call",
					"Check-in with John Smith on the quality concerns raised at the QBR.", 30, null, NEUTRAL,
					List.of("Executive"), List.of(ceo), List.of("ceo"));
			emailExchange(30, people, NEUTRAL);
			activity(owner, 15, 9, 20, EMAIL, INBOUND, "Client CEO complaint about placement quality",
					"John Smith: three placements failed within 90 days; the team is frustrated and questions the partnership.",
					null, null, NEGATIVE, List.of("Complaint"), List.of(ceo), List.of(owner));
			activity(owner, 12, 10, 0, NOTE, INTERNAL, "Escalated to the Recruiting Manager (Tom Davis)",
					"Asked Tom to own a recovery plan for ABC's open roles.", null, null, NEGATIVE,
					List.of("Escalation"), List.of(), List.of(owner, "tom.davis"));
			activity("tom.davis", 8, 13, 30, EMAIL, OUTBOUND, "Apology and recovery plan",
					"Tom's apology with a recovery plan: dedicated recruiter, daily updates, replacement guarantee.",
					null, null, NEUTRAL, List.of("Recovery"), List.of(ceo), List.of("tom.davis"));
			activity(owner, 5, 16, 45, EMAIL, INBOUND, "Client CEO: exploring alternative staffing partners",
					"John Smith says ABC is looking at other vendors and may consolidate to a single one.", null, null,
					NEGATIVE, List.of("Churn risk"), List.of(ceo), List.of(owner));
			activity(owner, 2, 9, 0, NOTE, INTERNAL, "Escalated to the executive sponsor – action needed",
					"Our 3rd largest account; renewal in 120 days at risk. Asked the CEO to call John Smith.", null,
					null, NEGATIVE, List.of("Escalation", "Renewal"), List.of(), List.of(owner, "ceo"));
		}

		private void dataSystemsInc() {
			ContactView jane = contact("Jane Doe");
			ContactView john = contact("John Smith");
			ContactView controller = contact("Marcus Hale");
			emailExchange(72, controller, null);
			activity(owner, 60, 11, 0, CALL, OUTBOUND, "Quarterly check-in with the VP Operations",
					"John Smith: hiring steady for now; watching budgets for next year.", 30, null, NEUTRAL,
					List.of("Executive"), List.of(john), List.of(owner));
			emailExchange(53, jane, NEUTRAL);
			activity(owner, 46, 14, 0, CALL, OUTBOUND, "Missed deadline on the Software Engineer role",
					"Apologised to Jane for the missed shortlist deadline; promised three profiles this week.", 20,
					null, NEGATIVE, List.of("Escalation"), List.of(jane), List.of(owner, "priya.sharma"));
			activity(owner, 40, 10, 5, EMAIL, INBOUND, "Requested pause on all searches",
					"Jane asked us to pause all open searches while they review their hiring plans and vendors.", null,
					null, NEGATIVE, List.of("Pause"), List.of(jane), List.of(owner));
			activity(owner, 34, 15, 0, NOTE, INTERNAL, "Searches paused at the client's request",
					"All searches on hold; recruiters told. No active job since.", null, null, NEGATIVE, List.of(),
					List.of(), List.of(owner, "priya.sharma"));
			activity(owner, 12, 9, 30, EMAIL, OUTBOUND, "Checking in after the pause",
					"Asked Jane how the hiring review is going and offered a call.", null, null, null, List.of(),
					List.of(jane), List.of(owner));
			activity(owner, 5, 9, 15, EMAIL, OUTBOUND, "Following up – can we talk this week?",
					"Second follow-up; suggested two times for a short call.", null, null, null, List.of(),
					List.of(jane), List.of(owner));
		}

		/** Other stories of spec 02 told by activities. */
		private void extras() {
			switch (a.name) {
				case "TechCorp" -> {
					ContactView payables = contact("Owen Price");
					for (int day : new int[] { 38, 24, 10 }) {
						activity("finance", day, 10, 0, EMAIL, OUTBOUND, "Payment reminder – overdue invoice",
								"Reminder that the invoice is past due; asked for a payment date.", null, null, null,
								List.of("Payment"), List.of(payables), List.of("finance"));
					}
					LocalDate next = world.today().plusDays(1);
					while (next.getDayOfWeek().getValue() >= 6) {
						next = next.plusDays(1);
					}
					Instant when = next.atTime(9, 30).atZone(ZoneId.of("America/New_York")).toInstant();
					create(owner,
							new ActivityForm(CALL, OUTBOUND, "Call with TechCorp CFO (payment escalation)",
									"Understand what changed: invoice 45 days late after years of paying on time.",
									when, 30, null, null, List.of("Payment", "Escalation"),
									List.of(contact("Michael Chen").id()), ids(List.of(owner))));
				}
				case "FinanceHub" -> {
					Instant when = max(now.minusSeconds(2 * 3600), world.today().atStartOfDay(zone).toInstant());
					create(owner, new ActivityForm(EMAIL, INBOUND, "Q1 hiring plans",
							"Lisa: planning to open 8–10 contract roles in January (Java, DevOps, Data Engineers); wants to "
									+ "discuss capacity and timelines this week.",
							min(when, now), null, null, POSITIVE, List.of("Expansion"),
							List.of(contact("Lisa Martinez").id()), ids(List.of(owner))));
				}
				case "MegaBank" -> {
					Instant when = world.today().atTime(11, 0).atZone(zone).toInstant();
					create(owner, new ActivityForm(MEETING, OUTBOUND, "MegaBank QBR – Q4 Review",
							"Q4 review with the deck prepared yesterday; Zoom link in the calendar.", when, 90, null,
							null, List.of("QBR"), List.of(contact("Sarah Chen").id(), contact("Mark Johnson").id()),
							ids(List.of(owner))));
				}
				case "RetailCo" -> activity(owner, 14, 10, 0, CALL, OUTBOUND, "Kickoff call – Senior UX Designer",
						"Jennifer expects at least 5 candidates in the first 2 weeks (her experience with another firm). "
								+ "Rate $75/hr; Retail + Healthcare background required.",
						45, null, NEUTRAL, List.of("Kickoff"), List.of(contact("Jennifer Wu")),
						List.of(owner, "sarah.kim"));
				case "DataSystems" -> {
					// Spec 01: "DataSystems - QBR scheduled Dec 15 (prep needed)".
					Instant when = world.today().plusDays(11).atTime(10, 0).atZone(zone).toInstant();
					create(owner,
							new ActivityForm(MEETING, OUTBOUND, "DataSystems QBR – Q4 Review",
									"Quarterly business review with Jennifer Wu (CTO) and Mark Johnson (VP HR).", when,
									90, null, null, List.of("QBR"),
									List.of(contact("Jennifer Wu").id(), contact("Mark Johnson").id()),
									ids(List.of(owner, "ceo", "tom.davis"))));
				}
				case "EnterpriseHQ" -> note(20, "New CEO Robert Klein appointed",
						"Thomas Reed has left; we have not met Robert Klein yet. Intro meeting with the sponsor to be planned.",
						List.of(owner));
				default -> {
				}
			}
		}

		private void executiveTouch(int daysAgo, boolean past) {
			List<ContactView> execs = past && !formerExecutives.isEmpty() ? formerExecutives : executives;
			if (execs.isEmpty() && sponsor == null) {
				return;
			}
			boolean meeting = random.nextInt(3) > 0;
			List<ContactView> with = new ArrayList<>();
			if (!execs.isEmpty()) {
				with.add(execs.get(random.nextInt(execs.size())));
			}
			if (meeting && !others.isEmpty()) {
				with.add(others.get(random.nextInt(others.size())));
			}
			List<String> ours = sponsor == null ? List.of(owner) : List.of(sponsor, owner);
			String subject = meeting ? EXECUTIVE_MEETINGS[random.nextInt(EXECUTIVE_MEETINGS.length)]
					: EXECUTIVE_CALLS[random.nextInt(EXECUTIVE_CALLS.length)];
			activity(sponsor != null ? sponsor : owner, daysAgo, 10 + random.nextInt(5), 0, meeting ? MEETING : CALL,
					OUTBOUND, subject, null, meeting ? 60 : 30, null, sentiment(past), List.of("Executive"), with,
					ours);
		}

		private void emailExchange(int daysAgo, ContactView with, Sentiment sentiment) {
			String subject = EMAIL_SUBJECTS[random.nextInt(EMAIL_SUBJECTS.length)];
			activity(owner, daysAgo, 9 + random.nextInt(3), 15, EMAIL, OUTBOUND, subject, null, null, null, null,
					List.of(), List.of(with), List.of(owner));
			activity(owner, Math.max(0, daysAgo - 1), 13 + random.nextInt(3), 40, EMAIL, INBOUND, "Re: " + subject,
					null, null, null, sentiment, List.of(), List.of(with), List.of(owner));
		}

		private void call(int daysAgo, ContactView with, Sentiment sentiment) {
			call(daysAgo, with, sentiment, CALL_SUBJECTS[random.nextInt(CALL_SUBJECTS.length)], null);
		}

		private void call(int daysAgo, ContactView with, Sentiment sentiment, String subject, String notes) {
			ActivityType type = with.stakeholderRole() == StakeholderRole.EXECUTIVE ? EMAIL : CALL;
			activity(owner, daysAgo, 10 + random.nextInt(5), 30, type, OUTBOUND, subject, notes,
					type == CALL ? 15 + 5 * random.nextInt(6) : null, null, sentiment, List.of(), List.of(with),
					List.of(owner));
		}

		private void note(int daysAgo, String subject, String notes, List<String> ours) {
			activity(owner, daysAgo, 16, 0, NOTE, INTERNAL, subject, notes, null, null, null, List.of(), List.of(),
					ours);
		}

		private void activity(String actor, int daysAgo, int hour, int minute, ActivityType type,
				ActivityDirection direction, String subject, String notes, Integer duration, String outcome,
				Sentiment sentiment, List<String> tags, List<ContactView> with, List<String> ours) {
			Instant when = min(world.today().minusDays(daysAgo).atTime(hour, minute).atZone(zone).toInstant(), now);
			create(actor, new ActivityForm(type, direction, subject, notes, when, duration, outcome, sentiment, tags,
					with.stream().map(ContactView::id).toList(), ids(ours)));
		}

		private void create(String actor, ActivityForm form) {
			activityCount++;
			activities.create(accountId, form, actor(actor));
		}

		private List<Long> ids(List<String> usernames) {
			return usernames.stream().distinct().map(u -> world.people().get(u).id()).toList();
		}

		/**
		 * A contact for the rhythm: the non-executives in turn (an executive only when
		 * there is no other).
		 */
		private ContactView partner(int index) {
			if (others.isEmpty()) {
				return executives.isEmpty() ? people.get(0) : executives.get(index % executives.size());
			}
			if (others.size() == 1 && index > 0 && !executives.isEmpty()) {
				return executives.get(0);
			}
			return others.get(index % others.size());
		}

		private ContactView anyContact() {
			List<ContactView> active = people.stream().filter(ContactView::active).toList();
			if (active.isEmpty() || random.nextInt(5) == 0) {
				return null;
			}
			return active.get(random.nextInt(active.size()));
		}

		private ContactView contact(String name) {
			return people.stream()
				.filter(c -> c.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(a.name + " has no contact " + name));
		}

		/** How interactions felt: well a year ago; now as the account's health goes. */
		private Sentiment sentiment(boolean past) {
			int total = plan.total();
			int roll = random.nextInt(10);
			if (past) {
				return total < 50 ? NEUTRAL : roll < 6 ? POSITIVE : NEUTRAL;
			}
			if (total >= 80) {
				return roll < 7 ? POSITIVE : NEUTRAL;
			}
			if (total >= 50) {
				return roll < 3 ? POSITIVE : roll < 8 ? NEUTRAL : NEGATIVE;
			}
			return roll < 5 ? NEGATIVE : NEUTRAL;
		}

		private void addChiefExecutive() {
			String name = switch (a.name) {
				case "FinanceHub" -> "Caroline Brandt";
				case "InsureCo" -> "Margaret Ellison";
				case "GrowthStartup" -> "Nathan Cole";
				default -> "Alexandra Price";
			};
			String title = a.name.equals("GrowthStartup") ? "CEO & Co-founder" : "Chief Executive Officer";
			String domain = a.domain != null ? a.domain : DemoWorld.domainOf(a);
			ContactView created = contacts.create(accountId, new ContactForm(name, title,
					DemoWorld.emailOf(name, domain), null, a.timeZone, StakeholderRole.EXECUTIVE, Influence.HIGH, true),
					actor(owner));
			people.add(created);
		}

		private CurrentUser actor(String username) {
			return world.actor().apply(username);
		}

	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

}
