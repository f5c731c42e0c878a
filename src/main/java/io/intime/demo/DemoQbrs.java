package io.intime.demo;

import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import io.intime.accounts.ContactView;
import io.intime.accounts.StakeholderRole;
import io.intime.engagement.ActivityDirection;
import io.intime.engagement.ActivityForm;
import io.intime.engagement.ActivityManagement;
import io.intime.engagement.ActivityType;
import io.intime.identity.UserSummary;
import io.intime.qbr.QbrCadence;
import io.intime.qbr.QbrQuarter;
import io.intime.qbr.QbrScheduling;
import io.intime.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A year of QBRs by each account's cadence ({@link QbrCadence}), so that the QBR calendar
 * and the completion rates show real numbers, and the QBRs of the spec's stories:
 * <ul>
 * <li>DataSystems' Q4 review on today+11 at 10:00 in Seattle (spec 01: "QBR scheduled Dec
 * 15 (prep needed)"), organized by Sarah Chen with the CEO, Tom Davis, Jennifer Wu (CTO)
 * and Mark Johnson (VP HR); no deck yet;</li>
 * <li>MegaBank's Q4 review today at 11:00 in New York for {@code am} (spec 02) with Sarah
 * Chen (VP Talent) and Mark Johnson (CTO), its deck ready;</li>
 * <li>the four quarters before: held QBRs for most accounts, their meetings in the
 * calendar, with the quality criteria set as a firm would meet them (most decks three
 * days ahead, executives at most strategic QBRs, action items and a follow-up within a
 * week for most, some late or missing); a few called off;</li>
 * <li>two overdue: GlobalCo's Q2 review (spec 01: "No executive touchpoint in 90 days")
 * and Redline Logistics'; a few of last quarter's reviews still to schedule, and three
 * scheduled in the coming weeks;</li>
 * <li>the current quarter planned for every other account (the daily job's work).</li>
 * </ul>
 * The meetings of past QBRs are written as they stand after the fact (no invitations go
 * out for them); those ahead are planned meetings on the accounts' timelines too.
 */
@Component
class DemoQbrs implements DemoFacts {

	private static final long SEED = 20261215L;

	/** Spec 01's and 02's QBRs of today's quarter. */
	private static final Set<String> STORIES = Set.of("DataSystems", "MegaBank");

	/** Overdue: last quarter but one never reviewed. */
	private static final Set<String> OVERDUE = Set.of("GlobalCo", "Redline Logistics");

	/** Last quarter's reviews scheduled in the coming weeks (renewals far off). */
	private static final List<String> COMING = List.of("Vector Telecom", "Kite Payments", "Northstar Consulting");

	/** Last quarter's reviews still to schedule. */
	private static final Set<String> TO_SCHEDULE = Set.of("ClearView Analytics", "Bluebird Travel", "HealthTech",
			"CloudServices");

	/** This quarter's reviews held already (late November). */
	private static final Set<String> EARLY = Set.of("InnovateCorp", "TechStart Inc");

	private static final String[][] ACTIONS = { { "Share the hiring forecast for next quarter", "CLIENT" },
			{ "Send the time-to-fill breakdown by department", "INTERNAL" },
			{ "Set up a monthly check-in with the hiring managers", "INTERNAL" },
			{ "Confirm budget for the additional roles", "CLIENT" },
			{ "Review interview feedback turnaround with the recruiting team", "INTERNAL" },
			{ "Introduce the new talent acquisition lead", "CLIENT" } };

	private final JdbcClient jdbc;

	private final QbrScheduling scheduling;

	private final ActivityManagement activities;

	private final Today time;

	DemoQbrs(JdbcClient jdbc, QbrScheduling scheduling, ActivityManagement activities, Today time) {
		this.jdbc = jdbc;
		this.scheduling = scheduling;
		this.activities = activities;
		this.time = time;
	}

	@Override
	public int order() {
		return 80;
	}

	@Override
	public void create(DemoSetting world) {
		Random random = new Random(SEED);
		LocalDate today = world.today();
		Instant now = time.now();
		QbrQuarter current = QbrQuarter.of(today);
		Map<Long, String[]> facts = new HashMap<>();
		jdbc.sql("select id, tier, strategic from account").query(rs -> {
			facts.put(rs.getLong(1), new String[] { rs.getString(2), String.valueOf(rs.getBoolean(3)) });
		});
		int index = 0;
		for (DemoAccount a : world.accounts()) {
			index++;
			long accountId = world.idOf(a.name);
			String[] f = facts.get(accountId);
			boolean strategic = Boolean.parseBoolean(f[1]);
			QbrCadence.Frequency frequency = QbrCadence.frequency(io.intime.accounts.Tier.valueOf(f[0]), strategic);
			Story story = new Story(world, a, accountId, strategic, random, now);
			LocalDate start = today.minusMonths(a.monthsAgo);
			// a Standard account reviews every second quarter: the overdue and coming
			// ones in the quarter their story needs
			int parity = OVERDUE.contains(a.name) ? index(current.plus(-2))
					: COMING.contains(a.name) || TO_SCHEDULE.contains(a.name) ? index(current.plus(-1)) : index;
			for (int back = 4; back >= 1; back--) {
				QbrQuarter q = current.plus(-back);
				if (q.last().isBefore(start.plusMonths(1))) {
					continue;
				}
				if (frequency == QbrCadence.Frequency.SEMI_ANNUAL && Math.floorMod(index(q) - parity, 2) != 0) {
					continue;
				}
				story.past(q, back);
			}
			if (STORIES.contains(a.name)) {
				story.today();
			}
			else if (EARLY.contains(a.name)) {
				// this quarter's review held already, when the quarter is far enough
				// along
				LocalDate held = today.minusDays(6 + random.nextInt(5));
				if (!held.isBefore(current.first().plusDays(45))) {
					story.held(current, held);
				}
			}
		}
		scheduling.planDue();
	}

	/** A quarter's place in time, to alternate the Standard tier's quarters. */
	private static int index(QbrQuarter q) {
		return q.year() * 4 + q.quarter() - 1;
	}

	/** One account's QBRs. */
	private final class Story {

		private final DemoSetting world;

		private final DemoAccount a;

		private final long accountId;

		private final boolean strategic;

		private final Random random;

		private final Instant now;

		private final ZoneId zone;

		private final UserSummary owner;

		private final UserSummary sponsor;

		private final List<ContactView> clients;

		Story(DemoSetting world, DemoAccount a, long accountId, boolean strategic, Random random, Instant now) {
			this.world = world;
			this.a = a;
			this.accountId = accountId;
			this.strategic = strategic;
			this.random = random;
			this.now = now;
			this.zone = ZoneId.of(a.timeZone);
			this.owner = world.people().get(a.owner);
			this.sponsor = a.strategic ? world.people().get("ceo") : null;
			this.clients = world.contacts()
				.getOrDefault(a.name, List.of())
				.stream()
				.filter(c -> c.active() && c.email() != null)
				.sorted(java.util.Comparator.comparingInt((ContactView c) -> rank(c.stakeholderRole())))
				.toList();
		}

		/** The QBR reviewing {@code q}, {@code back} quarters ago. */
		void past(QbrQuarter q, int back) {
			LocalDate today = world.today();
			if (back == 2 && OVERDUE.contains(a.name)) {
				insert(q, "PLANNED", null, null, null, null, null);
				return;
			}
			if (back == 1 && (OVERDUE.contains(a.name) || TO_SCHEDULE.contains(a.name))) {
				insert(q, "PLANNED", null, null, null, null, null);
				return;
			}
			if (back == 1 && COMING.contains(a.name)) {
				coming(q, today.plusDays(6 + 5 * COMING.indexOf(a.name)));
				return;
			}
			// about one in twelve called off (older quarters only: last quarter's are
			// still open)
			if (back >= 2 && random.nextInt(12) == 0) {
				insert(q, "CANCELLED", null, null, null, null, null);
				return;
			}
			// held late in the quarter or in the first weeks of the next
			LocalDate day = q.last().minusDays(20).plusDays(random.nextInt(60));
			if (!day.isBefore(today)) {
				day = today.minusDays(3 + random.nextInt(10));
			}
			held(q, day);
		}

		/**
		 * A QBR reviewing {@code q} held on {@code day}, finalized with its follow-up.
		 */
		void held(QbrQuarter q, LocalDate day) {
			LocalDate weekday = day;
			while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
				weekday = weekday.minusDays(1);
			}
			Instant starts = weekday.atTime(random.nextBoolean() ? 10 : 14, 0).atZone(zone).toInstant();
			int minutes = strategic ? 90 : 60;
			boolean executive = sponsor != null ? random.nextInt(10) < 8 : random.nextInt(10) < 3;
			List<ContactView> invited = clients.subList(0, Math.min(clients.size(), 1 + random.nextInt(2)));
			long meeting = meeting(a.name + " QBR – " + q.label(), starts, minutes, owner,
					executive && sponsor != null ? List.of(sponsor) : List.of(), invited, null, "Virtual (Zoom)",
					"ACCEPTED");
			// most decks three days or more ahead; some the day before
			Instant deck = starts.minus(Duration.ofDays(random.nextInt(10) < 7 ? 3 + random.nextInt(5) : 1))
				.minus(Duration.ofHours(random.nextInt(6)));
			Instant completed = starts.plus(Duration.ofMinutes(minutes)).plus(Duration.ofHours(1 + random.nextInt(20)));
			if (completed.isAfter(now)) {
				completed = now.minus(Duration.ofHours(1));
			}
			int follow = random.nextInt(10);
			Instant followUp = follow < 7 ? completed.plus(Duration.ofHours(2 + random.nextInt(48)))
					: follow < 9 ? completed.plus(Duration.ofDays(8 + random.nextInt(6))) : null;
			if (followUp != null && followUp.isAfter(now)) {
				followUp = now.minus(Duration.ofMinutes(30));
			}
			long id = insert(q, "COMPLETED", meeting, deck, executive, followUp, completed);
			if (random.nextInt(10) < 8) {
				actions(id, weekday, invited, completed);
			}
		}

		/** Spec 01's and 02's QBR of today's quarter, linked to its planned activity. */
		void today() {
			LocalDate today = world.today();
			QbrQuarter q = QbrQuarter.of(today);
			String title = a.name + " QBR – Q" + q.quarter() + " Review";
			Long activity = jdbc.sql("select id from activity where account_id = :a and subject = :s")
				.param("a", accountId)
				.param("s", title)
				.query(Long.class)
				.optional()
				.orElse(null);
			if ("MegaBank".equals(a.name)) {
				Instant starts = today.atTime(11, 0).atZone(zone).toInstant();
				long meeting = meeting(title, starts, 90, owner, List.of(),
						List.of(contact("Sarah Chen"), contact("Mark Johnson")), activity, "Zoom (link in calendar)",
						"ACCEPTED");
				insert(q, "SCHEDULED", meeting, today.minusDays(4).atTime(15, 30).atZone(zone).toInstant(), null, null,
						null);
			}
			else {
				Instant starts = today.plusDays(11).atTime(10, 0).atZone(zone).toInstant();
				long meeting = meeting(title, starts, 90, owner,
						List.of(world.people().get("ceo"), world.people().get("tom.davis")),
						List.of(contact("Jennifer Wu"), contact("Mark Johnson")), activity, "Virtual (Zoom)",
						"ACCEPTED");
				insert(q, "SCHEDULED", meeting, null, null, null, null);
			}
		}

		/** Last quarter's review scheduled on {@code day}, a planned meeting ahead. */
		private void coming(QbrQuarter q, LocalDate day) {
			LocalDate weekday = day;
			while (weekday.getDayOfWeek() == DayOfWeek.SATURDAY || weekday.getDayOfWeek() == DayOfWeek.SUNDAY) {
				weekday = weekday.plusDays(1);
			}
			Instant starts = weekday.atTime(14, 0).atZone(zone).toInstant();
			String title = a.name + " QBR – " + q.label();
			List<ContactView> invited = clients.subList(0, Math.min(clients.size(), 2));
			long activity = activities
				.create(accountId,
						new ActivityForm(ActivityType.MEETING, ActivityDirection.OUTBOUND, title,
								"Quarterly business review: the quarter's results and next quarter's hiring plan.",
								starts, 60, null, null, List.of("QBR"), invited.stream().map(ContactView::id).toList(),
								List.of(owner.id())),
						world.actor().apply(owner.username()))
				.id();
			long meeting = meeting(title, starts, 60, owner, List.of(), invited, activity, "Virtual (Zoom)",
					"NEEDS-ACTION");
			insert(q, "SCHEDULED", meeting, null, null, null, null);
		}

		private ContactView contact(String name) {
			return world.contacts()
				.get(a.name)
				.stream()
				.filter(c -> c.name().equals(name))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No contact " + name + " at " + a.name));
		}

		private long insert(QbrQuarter q, String status, Long meeting, Instant deck, Boolean executive,
				Instant followUp, Instant completed) {
			Instant created = q.first().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
			if (created.isAfter(now)) {
				created = now;
			}
			return jdbc.sql("""
					insert into qbr (account_id, quarter, due_date, status, meeting_id, owner_id, notes, deck_ready_at,
					                 executive_attended, follow_up_sent_at, completed_at, completed_by, created_at,
					                 created_by, updated_at, updated_by)
					values (:account, :quarter, :due, :status, :meeting, :owner, :notes, :deck, :executive, :followUp,
					        :completed, :completedBy, :created, 'demo', :updated, 'demo') returning id""")
				.param("account", accountId)
				.param("quarter", q.code())
				.param("due", QbrCadence.dueDate(q))
				.param("status", status)
				.param("meeting", meeting, java.sql.Types.BIGINT)
				.param("owner", owner.id())
				.param("notes", completed == null ? ""
						: "Reviewed the quarter's placements, time-to-fill and retention; agreed next quarter's priorities.")
				.param("deck", ts(deck), java.sql.Types.TIMESTAMP)
				.param("executive", executive, java.sql.Types.BOOLEAN)
				.param("followUp", ts(followUp), java.sql.Types.TIMESTAMP)
				.param("completed", ts(completed), java.sql.Types.TIMESTAMP)
				.param("completedBy", completed == null ? null : owner.username(), java.sql.Types.VARCHAR)
				.param("created", Timestamp.from(created))
				.param("updated", Timestamp.from(completed != null ? completed : created))
				.query(Long.class)
				.single();
		}

		/** A meeting of the calendar as it stands (no invitation is sent for it now). */
		private long meeting(String title, Instant starts, int minutes, UserSummary organizer, List<UserSummary> ours,
				List<ContactView> theirs, Long activity, String location, String partstat) {
			Instant created = starts.minus(Duration.ofDays(21)).isBefore(now) ? starts.minus(Duration.ofDays(21)) : now;
			long id = jdbc
				.sql("""
						insert into meeting (uid, account_id, activity_id, meeting_type, title, starts_at, ends_at, time_zone,
						                     location, video_link, organizer_id, created_at, updated_at)
						values (:uid, :account, :activity, 'QBR', :title, :starts, :ends, :zone, :location, :video,
						        :organizer, :created, :created) returning id""")
				.param("uid", UUID.randomUUID() + "@intime")
				.param("account", accountId)
				.param("activity", activity, java.sql.Types.BIGINT)
				.param("title", title)
				.param("starts", Timestamp.from(starts))
				.param("ends", Timestamp.from(starts.plus(Duration.ofMinutes(minutes))))
				.param("zone", zone.getId())
				.param("location", location)
				.param("video", "https://zoom.us/j/" + (9_000_000_000L + Math.abs(title.hashCode() % 999_999_999L)))
				.param("organizer", organizer.id())
				.param("created", Timestamp.from(created))
				.query(Long.class)
				.single();
			attendee(id, organizer.id(), null, organizer.fullName(), organizer.email(), "ACCEPTED");
			for (UserSummary u : ours) {
				attendee(id, u.id(), null, u.fullName(), u.email(), "ACCEPTED");
			}
			for (ContactView c : theirs) {
				attendee(id, null, c.id(), c.name(), c.email(), partstat);
			}
			return id;
		}

		private void attendee(long meeting, Long user, Long contact, String name, String email, String partstat) {
			jdbc.sql("""
					insert into meeting_attendee (meeting_id, user_id, contact_id, name, email, partstat)
					values (:meeting, :user, :contact, :name, :email, :partstat)""")
				.param("meeting", meeting)
				.param("user", user, java.sql.Types.BIGINT)
				.param("contact", contact, java.sql.Types.BIGINT)
				.param("name", name)
				.param("email", email)
				.param("partstat", partstat)
				.update();
		}

		/**
		 * Two or three action items agreed in the meeting, done when their day passed.
		 */
		private void actions(long qbr, LocalDate day, List<ContactView> invited, Instant completed) {
			int n = 2 + random.nextInt(2);
			int first = random.nextInt(ACTIONS.length);
			List<String[]> chosen = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				chosen.add(ACTIONS[(first + i) % ACTIONS.length]);
			}
			for (int i = 0; i < chosen.size(); i++) {
				String[] item = chosen.get(i);
				boolean client = "CLIENT".equals(item[1]) && !invited.isEmpty();
				LocalDate due = day.plusDays(14 + 7L * i);
				boolean done = due.isBefore(world.today());
				jdbc.sql(
						"""
								insert into qbr_item (qbr_id, kind, text, owner_side, owner_user_id, owner_contact_id, owner_name,
								                      due_date, status, done_at, position, created_at, updated_at)
								values (:qbr, 'ACTION', :text, :side, :user, :contact, :name, :due, :status, :doneAt, :position,
								        :created, :created)""")
					.param("qbr", qbr)
					.param("text", item[0])
					.param("side", client ? "CLIENT" : "INTERNAL")
					.param("user", client ? null : owner.id(), java.sql.Types.BIGINT)
					.param("contact", client ? invited.get(0).id() : null, java.sql.Types.BIGINT)
					.param("name", client ? invited.get(0).name() : owner.fullName())
					.param("due", due)
					.param("status", done ? "DONE" : "OPEN")
					.param("doneAt", done ? Timestamp.from(due.atTime(12, 0).atZone(zone).toInstant()) : null,
							java.sql.Types.TIMESTAMP)
					.param("position", i)
					.param("created", Timestamp.from(completed))
					.update();
			}
		}

		private static Timestamp ts(Instant instant) {
			return instant == null ? null : Timestamp.from(instant);
		}

		private static int rank(StakeholderRole role) {
			return role == StakeholderRole.EXECUTIVE ? 0
					: role == StakeholderRole.ECONOMIC_BUYER ? 1 : role == StakeholderRole.CHAMPION ? 2 : 3;
		}

	}

}
