package io.intime.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.intime.escalations.EscalationForm;
import io.intime.escalations.EscalationManagement;
import io.intime.escalations.EscalationStatus;
import io.intime.escalations.EscalationView;
import io.intime.escalations.ResolutionCategory;
import io.intime.escalations.Severity;
import io.intime.shared.Today;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The demo world's escalations, through {@link EscalationManagement}: for every account,
 * the escalations of the last 90 days that its issue-frequency points of
 * {@link DemoHealthPlan} call for (none for 10; one or two, resolved, for 5; an open one
 * or three for 0), and a few older ones over the last 15 months. Raised by a recruiter of
 * the account's team (or its manager) and resolved by the account's manager, mostly
 * within spec 03's SLA. Created in the order they were raised, so that keys
 * (ESC-YYYY-NNNN) follow time.
 * <p>
 * The stories, with today = {@link DemoSetting#today()}:
 * <ul>
 * <li>DataSystems Inc.: “Missed deadline on Software Engineer role” raised today−48 and
 * resolved today−41; “Poor candidate quality” raised today−36 and resolved today−33.</li>
 * <li>ABC Technologies: three in the last 30 days — a failed placement (today−27,
 * resolved the next day), time-to-fill against the SLA (today−20, resolved today−13), and
 * the client CEO's complaint (today−14), still open.</li>
 * <li>RetailCo: “Late submission – Senior UX Designer” (P2) raised by Sarah Kim yesterday
 * at 15:42 Chicago time, open.</li>
 * </ul>
 */
@Component
class DemoEscalations implements DemoFacts {

	private static final Logger log = LoggerFactory.getLogger(DemoEscalations.class);

	private static final long SEED = 20251130L + 40;

	private record Kind(String title, Severity severity, String description) {
	}

	private static final List<Kind> KINDS = List.of(
			new Kind("Late candidate submissions", Severity.P2,
					"Fewer submissions than agreed in the first two weeks of the search."),
			new Kind("Candidate no-show on first day", Severity.P1,
					"A placed contractor did not start; the client's project start slipped."),
			new Kind("Timesheet discrepancy on contractor hours", Severity.P3,
					"Approved hours and invoiced hours differ for two contractors."),
			new Kind("Background check delays", Severity.P2,
					"Start dates at risk while background checks are pending."),
			new Kind("Contractor performance concern", Severity.P2,
					"The hiring manager is unhappy with a contractor's delivery."),
			new Kind("Interview feedback not relayed in time", Severity.P3,
					"Candidates waited over a week for feedback; one withdrew."),
			new Kind("Rate mismatch on invoice", Severity.P3, "Invoice billed at last year's rate card."),
			new Kind("Placement fell off in first week", Severity.P1,
					"A permanent placement resigned after five days; replacement requested."),
			new Kind("Candidate quality below the brief", Severity.P2, "Recent shortlists missed must-have skills."),
			new Kind("Onboarding paperwork missing", Severity.P3,
					"Contractors started without complete onboarding documents."));

	/** One escalation to create: open when {@code resolvedAt} is null. */
	private record Planned(String account, Kind kind, Instant raisedAt, Instant resolvedAt, EscalationStatus openStatus,
			String raisedBy, String resolvedBy) {
	}

	private final EscalationManagement escalations;

	private final EntityManager entityManager;

	private final Today time;

	DemoEscalations(EscalationManagement escalations, EntityManager entityManager, Today time) {
		this.escalations = escalations;
		this.entityManager = entityManager;
		this.time = time;
	}

	@Override
	public int order() {
		return 40;
	}

	@Override
	public void create(DemoSetting world) {
		long start = System.nanoTime();
		Random random = new Random(SEED);
		Instant now = time.now();
		List<Planned> all = new ArrayList<>();
		for (DemoAccount account : world.accounts()) {
			plan(world, account, random, now, all);
		}
		all.sort(Comparator.comparing(Planned::raisedAt));
		int created = 0;
		for (Planned p : all) {
			long accountId = world.idOf(p.account());
			EscalationView raised = escalations.create(accountId,
					new EscalationForm(p.kind().title(), p.kind().description(), p.kind().severity(),
							EscalationStatus.OPEN, p.raisedAt(), null),
					firstResponse(p, now), world.actor().apply(p.raisedBy()));
			EscalationStatus end = p.resolvedAt() != null ? EscalationStatus.RESOLVED : p.openStatus();
			if (end != EscalationStatus.OPEN) {
				escalations.update(raised.id(),
						new EscalationForm(raised.title(), raised.description(), raised.severity(), end,
								raised.raisedAt(), p.resolvedAt())
							.withStatus(end, p.resolvedAt(), end.ended() ? ResolutionCategory.FIXED : null),
						raised.stamp().version(), world.actor().apply(p.resolvedBy()));
			}
			if (++created % 25 == 0) {
				entityManager.flush();
				entityManager.clear();
			}
		}
		log.info("Demo escalations: {} in {} ms", all.size(), (System.nanoTime() - start) / 1_000_000);
	}

	private void plan(DemoSetting world, DemoAccount a, Random random, Instant now, List<Planned> all) {
		ZoneId zone = ZoneId.of(a.timeZone);
		String raiser = a.team.stream()
			.filter(m -> m.teamRole().contains("Recruit"))
			.map(DemoAccount.Member::username)
			.findFirst()
			.orElse(a.owner);
		switch (a.name) {
			case "DataSystems Inc." -> {
				all.add(new Planned(a.name,
						new Kind("Timesheet discrepancy on contractor hours", Severity.P3,
								"Two contractors' approved hours differed from the invoice."),
						at(world, zone, 215, 10, 0, now), at(world, zone, 209, 15, 0, now), null, a.owner, a.owner));
				all.add(new Planned(a.name, new Kind("Missed deadline on Software Engineer role", Severity.P2,
						"We promised three Software Engineer profiles by Friday and sent none. Jane Doe (Director of "
								+ "Talent Acquisition) escalated to her account manager."),
						at(world, zone, 48, 10, 15, now), at(world, zone, 41, 9, 40, now), null, a.owner, a.owner));
				all.add(new Planned(a.name, new Kind("Poor candidate quality", Severity.P2,
						"Jane Doe: the last four candidates for the Software Engineer role did not meet the technical bar."),
						at(world, zone, 36, 11, 0, now), at(world, zone, 33, 16, 0, now), null, a.owner, a.owner));
				return;
			}
			case "ABC Technologies" -> {
				history(world, a, zone, random, now, all, 2, raiser);
				all.add(new Planned(a.name, new Kind("Placement failed within 90 days – Senior Backend Engineer",
						Severity.P1,
						"Third placement in two months to leave early; the client asks for a replacement and a review of "
								+ "our screening."),
						at(world, zone, 27, 9, 30, now), at(world, zone, 26, 8, 0, now), null, "tom.davis", a.owner));
				all.add(new Planned(a.name,
						new Kind("Time-to-fill 45 days against the 30-day SLA", Severity.P2,
								"Open engineering roles average 45 days to fill; the contract commits to 30."),
						at(world, zone, 20, 14, 0, now), at(world, zone, 13, 11, 0, now), null, a.owner, a.owner));
				all.add(new Planned(a.name, new Kind("Client CEO complaint about candidate quality", Severity.P1,
						"John Smith (CEO) wrote to Sarah Chen: three placements failed within 90 days and the team is "
								+ "frustrated. Executive complaint; recovery plan needed."),
						at(world, zone, 14, 10, 0, now), null, EscalationStatus.OPEN, a.owner, a.owner));
				return;
			}
			case "RetailCo" -> {
				history(world, a, zone, random, now, all, 1, raiser);
				all.add(new Planned(a.name, new Kind("Late submission – Senior UX Designer", Severity.P2,
						"Client (RetailCo – Jennifer Wu, Hiring Manager) is frustrated that we have only submitted 2 "
								+ "candidates for the Senior UX Designer role after 2 weeks; she expected 5–7 by now. "
								+ "Recruiter context: very specific requirements (Retail + Healthcare), rate $75/hr below "
								+ "the ~$90/hr market, 1 candidate declined over the rate. Requested of the AM: manage the "
								+ "expectation, discuss a rate increase, clarify whether the requirements can be relaxed."),
						at(world, zone, 1, 15, 42, now), null, EscalationStatus.OPEN, "sarah.kim", a.owner));
				return;
			}
			default -> {
			}
		}
		int points = world.plan().of(a.name).issues();
		if (points == 10) {
			history(world, a, zone, random, now, all, random.nextInt(2), raiser);
		}
		else if (points == 5) {
			history(world, a, zone, random, now, all, 1 + random.nextInt(2), raiser);
			int count = 1 + random.nextInt(2);
			for (int i = 0; i < count; i++) {
				Kind kind = KINDS.get(random.nextInt(KINDS.size()));
				int day = i == 0 ? 25 + random.nextInt(60) : 20 + random.nextInt(20);
				Instant raised = at(world, zone, day, 9 + random.nextInt(7), 5 * random.nextInt(12), now);
				// in the health window: resolved quickly, within the policy (DESIGN
				// decision 4)
				all.add(new Planned(a.name, kind, raised, resolved(kind, raised, random, now, true), null, raiser,
						a.owner));
			}
		}
		else {
			history(world, a, zone, random, now, all, 2, raiser);
			Kind kind = KINDS.get(random.nextInt(KINDS.size()));
			all.add(new Planned(a.name, kind, at(world, zone, 3 + random.nextInt(15), 10, 30, now), null,
					EscalationStatus.IN_PROGRESS, raiser, a.owner));
		}
	}

	/** {@code count} resolved escalations 100 to 440 days ago. */
	private void history(DemoSetting world, DemoAccount a, ZoneId zone, Random random, Instant now, List<Planned> all,
			int count, String raiser) {
		for (int i = 0; i < count; i++) {
			Kind kind = KINDS.get(random.nextInt(KINDS.size()));
			Instant raised = at(world, zone, 100 + random.nextInt(340), 9 + random.nextInt(7), 5 * random.nextInt(12),
					now);
			all.add(new Planned(a.name, kind, raised, resolved(kind, raised, random, now, false), null, raiser,
					a.owner));
		}
	}

	/**
	 * Mostly within the severity's resolution SLA (spec 03 Appendix B), sometimes half as
	 * long again; never ahead of now.
	 */
	private static Instant resolved(Kind kind, Instant raised, Random random, Instant now, boolean withinSla) {
		long slaMinutes = kind.severity().resolutionSla().toMinutes();
		double share = random.nextInt(7) == 0 ? 1.1 + random.nextDouble() * 0.4 : 0.2 + random.nextDouble() * 0.75;
		share = withinSla ? Math.min(share, 0.9) : share;
		Instant resolved = raised.plus(Duration.ofMinutes((long) (slaMinutes * share)));
		Instant latest = now.minus(Duration.ofHours(2));
		return resolved.isAfter(latest) ? latest : resolved;
	}

	/**
	 * Answered 20 to 150 minutes after it was raised (within every severity's response
	 * time), unless nobody has answered it yet (an OPEN one: RetailCo's waits for
	 * Jordan).
	 */
	private static Instant firstResponse(Planned p, Instant now) {
		if (p.resolvedAt() == null && p.openStatus() == EscalationStatus.OPEN) {
			return null;
		}
		Instant at = p.raisedAt().plus(Duration.ofMinutes(20 + Math.floorMod(p.raisedAt().getEpochSecond() / 60, 130)));
		Instant latest = p.resolvedAt() != null ? p.resolvedAt() : now;
		return at.isAfter(latest) ? latest : at;
	}

	private static Instant at(DemoSetting world, ZoneId zone, int daysAgo, int hour, int minute, Instant now) {
		Instant at = world.today().minusDays(daysAgo).atTime(hour, minute).atZone(zone).toInstant();
		return at.isAfter(now) ? now.minus(Duration.ofMinutes(30)) : at;
	}

}
