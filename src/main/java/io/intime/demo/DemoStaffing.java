package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.web.MoneyInput;
import io.intime.staffing.JobForm;
import io.intime.staffing.JobManagement;
import io.intime.staffing.JobPriority;
import io.intime.staffing.JobStatus;
import io.intime.staffing.JobView;
import io.intime.staffing.PlacementForm;
import io.intime.staffing.PlacementManagement;
import io.intime.staffing.PlacementStatus;
import io.intime.staffing.PlacementType;
import io.intime.staffing.RecruiterForm;
import io.intime.staffing.RecruiterManagement;
import io.intime.staffing.RecruiterView;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The demo world's recruiters, jobs and placements, made through the staffing facades.
 * <p>
 * Every recruiting user of the catalog gets a recruiter profile (spec 01's workloads:
 * Michael Torres 8 active jobs of 11, Emily Rodriguez 17 of 20, David Kim 9 of 15). Every
 * account gets about 15 months of hiring: a number of requisition "slots", each running
 * one job after the other (opened, worked for a while, filled or now and then cancelled,
 * the next one opened a few days later), so that on any day about as many jobs are open
 * as the account has slots; filled jobs have one or two placements starting a few days
 * after the fill, and contracts end or run on. Today each slot has exactly one open job,
 * and exactly the planned number of placements started in the last 90 days without
 * falling off, so that the hiring points of {@link DemoHealthPlan} hold as of today (25:
 * 11+ open and 16+ hires; 20: 5+ open and 9+; 15: 2+ open and 3+; 10: one open job; 0:
 * none open).
 * <p>
 * The stories: <b>DataSystems Inc.</b> (spec 02) has had no job open in the last 60 days:
 * its last searches closed on or before today−60, the "Software Engineer" search was
 * cancelled on today−61, and its last hire, a Frontend Developer (Ana Ruiz), started
 * exactly today−60. <b>ABC Technologies</b> (spec 01) has 12 open jobs, 18 six months ago
 * (six requisitions closed without replacement since, many searches cancelled after the
 * client's budget cut), 10 hires in the last 90 days and three placements that fell off
 * in the last two months. <b>RetailCo</b> (spec 02) has Sarah Kim's "Senior UX Designer"
 * search, two weeks old, at $75/hr with two candidates submitted; <b>HealthTech</b> has
 * the contractor John Smith whom Jennifer Walsh placed. Random choices use a fixed seed
 * per account, so the world is the same on every start (dates relative to today).
 */
@Component
class DemoStaffing implements DemoFacts {

	private static final long SEED = 20251210L;

	/** How far back the history goes: about 15 months. */
	private static final int HISTORY_DAYS = 460;

	private static final int HIRE_WINDOW = 90;

	/** Average positions of a filled job (one, sometimes two or three). */
	private static final double POSITIONS = 1.65;

	/**
	 * Recruiter profiles: specialties, industries, capacity and how many open jobs to
	 * give them today.
	 */
	private static final Map<String, Profile> PROFILES = new LinkedHashMap<>();

	static {
		profile("tom.davis", 10, 4, List.of("Engineering leadership", "Technical recruiting", "Executive search"),
				List.of("Technology", "Data & Analytics"));
		profile("michael.torres", 11, 8, List.of("Software engineering", "Cloud & DevOps", "Frontend"),
				List.of("Technology / SaaS", "Fintech", "AI hardware"));
		profile("emily.rodriguez", 20, 17, List.of("Manufacturing engineering", "Life sciences", "IT infrastructure"),
				List.of("Manufacturing", "Biotech", "Cloud infrastructure"));
		profile("david.kim", 15, 9, List.of("Data engineering", "Platform engineering"),
				List.of("Enterprise software", "Cloud infrastructure"));
		profile("sarah.kim", 30, 24, List.of("UX & product design", "Software engineering", "QA"),
				List.of("Retail", "Technology", "Real estate"));
		profile("mike.brennan", 30, 24, List.of("Data science", "Machine learning", "Quantitative analysis"),
				List.of("Banking", "Fintech", "Analytics"));
		profile("priya.sharma", 30, 24, List.of("Software engineering", "Frontend", "Business analysis"),
				List.of("Enterprise software", "Education", "Credit unions"));
		profile("amanda.torres", 30, 24, List.of("Marketing", "Creative & content", "Brand design"),
				List.of("Media & entertainment", "Gaming", "Consumer goods"));
		profile("jennifer.walsh", 30, 24, List.of("Healthcare IT", "Clinical informatics", "Compliance"),
				List.of("Healthcare", "Insurance", "Biotech"));
	}

	/**
	 * Recruiters who take the searches of accounts without a team recruiter (history
	 * only).
	 */
	private static final List<String> POOL = List.of("michael.torres", "emily.rodriguez", "david.kim", "sarah.kim",
			"mike.brennan", "priya.sharma", "amanda.torres", "jennifer.walsh");

	private static final String[] FIRST = { "Ana", "Liam", "Sofia", "Mateo", "Chloe", "Ethan", "Isabella", "Noah",
			"Priya", "Marcus", "Hana", "Diego", "Olivia", "Kai", "Amara", "Lucas", "Mei", "Jonah", "Zara", "Elijah",
			"Nadia", "Theo", "Layla", "Owen", "Ines", "Rafael", "Keira", "Samuel", "Yara", "Caleb", "Leila", "Aaron",
			"Maren", "Tobias", "Anika", "Julian", "Rosa", "Declan", "Farah", "Miles" };

	private static final String[] LAST = { "Ruiz", "Patel", "Nguyen", "Okafor", "Schneider", "Kowalski", "Haddad",
			"Brooks", "Lindgren", "Tanaka", "Moreau", "Adeyemi", "Carvalho", "Sato", "Brennan", "Delgado", "Fischer",
			"Mbeki", "Quinn", "Romero", "Singh", "Varga", "Whitaker", "Yilmaz", "Zhou", "Abbott", "Bianchi", "Costa",
			"Dunn", "Ekstrom", "Ferreira", "Gallagher", "Holm", "Ibarra", "Jansen", "Kerr", "Lowe", "Marsh" };

	/** Roles by the kind of client: title, department, typical bill rate per hour. */
	private static final Map<String, List<Role3>> ROLES = Map
		.of("tech", List.of(new Role3("Software Engineer", "Engineering", 95),
				new Role3("Senior Software Engineer", "Engineering", 118),
				new Role3("Frontend Developer", "Engineering", 92), new Role3("Backend Engineer", "Engineering", 100),
				new Role3("DevOps Engineer", "Platform", 110), new Role3("Site Reliability Engineer", "Platform", 115),
				new Role3("Data Engineer", "Data", 108), new Role3("QA Automation Engineer", "Engineering", 78),
				new Role3("Product Designer", "Product", 88), new Role3("Cloud Architect", "Platform", 135),
				new Role3("Data Analyst", "Data", 72), new Role3("Scrum Master", "Engineering", 85),
				new Role3("Full Stack Developer", "Engineering", 98), new Role3("Mobile Developer", "Engineering", 96)),
				"health",
				List.of(new Role3("Clinical Data Analyst", "Clinical Operations", 78),
						new Role3("EHR Analyst", "IT", 88), new Role3("Nurse Informaticist", "Clinical Operations", 92),
						new Role3("Healthcare Business Analyst", "Operations", 80),
						new Role3("Regulatory Affairs Specialist", "Regulatory", 96),
						new Role3("Software Engineer", "Engineering", 98), new Role3("Data Engineer", "Data", 106),
						new Role3("Quality Assurance Analyst", "Quality", 70),
						new Role3("Lab Systems Specialist", "Lab Operations", 84)),
				"finance",
				List.of(new Role3("Quantitative Analyst", "Risk", 130),
						new Role3("Compliance Analyst", "Legal & Compliance", 82),
						new Role3("Risk Analyst", "Risk", 90), new Role3("Java Developer", "Engineering", 105),
						new Role3("Data Scientist", "Data", 120), new Role3("Financial Analyst", "Finance", 76),
						new Role3("Cybersecurity Engineer", "IT", 118), new Role3("Business Analyst", "Operations", 84),
						new Role3("Marketing Manager", "Marketing", 80),
						new Role3("Paralegal", "Legal & Compliance", 62)),
				"industrial",
				List.of(new Role3("Controls Engineer", "Engineering", 98),
						new Role3("Plant Automation Engineer", "Operations", 104),
						new Role3("Quality Engineer", "Quality", 82),
						new Role3("Mechanical Engineer", "Engineering", 92),
						new Role3("Embedded Software Engineer", "Engineering", 112),
						new Role3("Project Manager", "PMO", 95), new Role3("Supply Chain Analyst", "Operations", 70),
						new Role3("Field Service Technician", "Field Operations", 58),
						new Role3("ERP Analyst", "IT", 90)),
				"business",
				List.of(new Role3("Marketing Manager", "Marketing", 82),
						new Role3("Content Strategist", "Marketing", 70),
						new Role3("UX Designer", "Digital Experience", 85),
						new Role3("E-commerce Analyst", "Digital", 72), new Role3("Graphic Designer", "Creative", 65),
						new Role3("Video Editor", "Creative", 68), new Role3("Web Developer", "Digital", 88),
						new Role3("Operations Coordinator", "Operations", 52),
						new Role3("Financial Analyst", "Finance", 74), new Role3("IT Support Specialist", "IT", 55)),
				"logistics",
				List.of(new Role3("Logistics Coordinator", "Operations", 55),
						new Role3("Supply Chain Analyst", "Planning", 72),
						new Role3("Fleet Systems Engineer", "IT", 96), new Role3("Warehouse Systems Analyst", "IT", 84),
						new Role3("Transportation Planner", "Planning", 68), new Role3("Data Analyst", "Data", 74),
						new Role3("Software Engineer", "Engineering", 96),
						new Role3("Operations Manager", "Operations", 80)));

	private static final Logger log = LoggerFactory.getLogger(DemoStaffing.class);

	private final RecruiterManagement recruiters;

	private final JobManagement jobs;

	private final PlacementManagement placements;

	private final EntityManager entityManager;

	DemoStaffing(RecruiterManagement recruiters, JobManagement jobs, PlacementManagement placements,
			EntityManager entityManager) {
		this.recruiters = recruiters;
		this.jobs = jobs;
		this.placements = placements;
		this.entityManager = entityManager;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public void create(DemoSetting world) {
		long started = System.nanoTime();
		Map<String, Long> recruiterIds = createRecruiters(world);
		Map<String, Integer> openAssigned = new HashMap<>();
		int jobCount = 0;
		int placementCount = 0;
		for (DemoAccount account : world.accounts()) {
			Random random = new Random(SEED ^ account.name.hashCode());
			List<JobPlan> plan = new Planner(account, world.plan().of(account.name).hiring(), world.today(), random)
				.plan();
			assignRecruiters(account, plan, world, recruiterIds, openAssigned, random);
			save(account, plan, world, recruiterIds);
			jobCount += plan.size();
			placementCount += plan.stream().mapToInt(j -> j.placements.size()).sum();
			// The facades flush as they go; a small persistence context keeps each flush
			// cheap.
			entityManager.flush();
			entityManager.clear();
		}
		log.info("Demo staffing: {} recruiters, {} jobs, {} placements in {} ms", recruiterIds.size(), jobCount,
				placementCount, (System.nanoTime() - started) / 1_000_000);
	}

	// ------------------------------------------------------------------ recruiters

	private Map<String, Long> createRecruiters(DemoSetting world) {
		CurrentUser manager = world.actor().apply("tom.davis");
		Map<String, Long> ids = new HashMap<>();
		for (DemoCatalog.DemoUser user : DemoCatalog.users()) {
			if (user.role() != Role.RECRUITER && user.role() != Role.RECRUITING_MANAGER) {
				continue;
			}
			Profile profile = PROFILES.getOrDefault(user.username(),
					new Profile(20, 15, List.of("Technical recruiting"), List.of("Technology")));
			RecruiterView created = recruiters.create(new RecruiterForm(world.people().get(user.username()).id(),
					profile.specialties(), profile.industries(), profile.capacity(), true), manager);
			ids.put(user.username(), created.id());
		}
		return ids;
	}

	/**
	 * Open jobs go to the account's team recruiters in turn, up to each one's workload of
	 * today (never past capacity; the rest stay unassigned, as recruiters only work the
	 * accounts whose team they are on); closed jobs to a team recruiter, or to someone
	 * from the pool.
	 */
	private static void assignRecruiters(DemoAccount account, List<JobPlan> plan, DemoSetting world,
			Map<String, Long> recruiterIds, Map<String, Integer> openAssigned, Random random) {
		List<String> team = account.team.stream()
			.map(DemoAccount.Member::username)
			.filter(recruiterIds::containsKey)
			.toList();
		int turn = 0;
		for (JobPlan job : plan) {
			if (job.recruiter != null) {
				if (job.status == JobStatus.OPEN) {
					openAssigned.merge(job.recruiter, 1, Integer::sum);
				}
				continue;
			}
			if (job.status == JobStatus.OPEN) {
				for (int i = 0; i < team.size(); i++) {
					String candidate = team.get((turn + i) % team.size());
					int assigned = openAssigned.getOrDefault(candidate, 0);
					if (assigned < PROFILES.get(candidate).openToday()) {
						job.recruiter = candidate;
						openAssigned.put(candidate, assigned + 1);
						turn = turn + i + 1;
						break;
					}
				}
			}
			else {
				job.recruiter = team.isEmpty() ? POOL.get(random.nextInt(POOL.size())) : team.get(turn++ % team.size());
			}
		}
		for (JobPlan job : plan) {
			for (PlacementPlan p : job.placements) {
				if (p.recruiter == null) {
					p.recruiter = job.recruiter != null ? job.recruiter : POOL.get(random.nextInt(POOL.size()));
				}
				// Spec 01: Michael Torres has a perfect record (no falloffs).
				while (p.status == PlacementStatus.FALLOFF && p.recruiter.equals("michael.torres")) {
					p.recruiter = POOL.get(random.nextInt(POOL.size()));
				}
			}
		}
	}

	// ------------------------------------------------------------------ saving through
	// the facades

	private void save(DemoAccount account, List<JobPlan> plan, DemoSetting world, Map<String, Long> recruiterIds) {
		long accountId = world.idOf(account.name);
		// Spec 03: account managers only view jobs, so the team's recruiter records them
		// all.
		CurrentUser actor = world.actor().apply(actorOf(account, recruiterIds));
		plan.sort(Comparator.comparing((JobPlan j) -> j.opened).thenComparing(j -> j.title));
		int noted = 0;
		for (JobPlan job : plan) {
			MoneyInput rate = new MoneyInput(job.rate, account.currency);
			JobView saved = jobs.create(accountId,
					new JobForm(job.title, job.department, job.status, job.priority, job.opened,
							job.status == JobStatus.FILLED ? job.closed : null,
							job.status == JobStatus.CANCELLED ? job.closed : null, rate,
							job.recruiter == null ? null : recruiterIds.get(job.recruiter), job.submissions),
					actor);
			job.placements.sort(Comparator.comparing((PlacementPlan p) -> p.start));
			for (PlacementPlan p : job.placements) {
				placements.create(saved.id(), new PlacementForm(p.candidate, recruiterIds.get(p.recruiter), p.type,
						p.start, p.end, p.status, p.falloff, noteOf(job, p, ++noted)), actor);
			}
		}
	}

	/**
	 * What the recruiter noted on every third placement of an account that is still on:
	 * the success stories a QBR picks from.
	 */
	private static String noteOf(JobPlan job, PlacementPlan p, int index) {
		if (job.status != JobStatus.FILLED || job.closed == null || p.status != PlacementStatus.ACTIVE
				|| index % 3 != 1) {
			return null;
		}
		long days = java.time.temporal.ChronoUnit.DAYS.between(job.opened, job.closed);
		return "Filled in " + days + " days. " + p.candidate
				+ " was a passive candidate found through our network; the hiring manager asked for two more like them.";
	}

	/**
	 * A recruiter on the account's team records its jobs; without one, the admin does
	 * (spec 03: not the account manager).
	 */
	private static String actorOf(DemoAccount account, Map<String, Long> recruiterIds) {
		return account.team.stream()
			.map(DemoAccount.Member::username)
			.filter(recruiterIds::containsKey)
			.findFirst()
			.orElse("admin");
	}

	// ------------------------------------------------------------------ the plan of one
	// account

	/** One account's jobs and placements over the history, before anything is saved. */
	private static final class Planner {

		private final DemoAccount account;

		private final int points;

		private final LocalDate today;

		private final Random random;

		private final List<Role3> roles;

		private final List<JobPlan> jobs = new ArrayList<>();

		Planner(DemoAccount account, int points, LocalDate today, Random random) {
			this.account = account;
			this.points = points;
			this.today = today;
			this.random = random;
			this.roles = ROLES.get(sector(account.industry));
		}

		List<JobPlan> plan() {
			switch (account.name) {
				case "DataSystems Inc." -> dataSystemsInc();
				case "ABC Technologies" -> abcTechnologies();
				default -> regular();
			}
			return jobs;
		}

		private void regular() {
			int open;
			int hires;
			switch (points) {
				case 25 -> {
					open = 11 + random.nextInt(5);
					hires = 16 + random.nextInt(4);
				}
				case 20 -> {
					open = 5 + random.nextInt(5);
					hires = 9 + random.nextInt(4);
				}
				case 15 -> {
					open = 2 + random.nextInt(3);
					hires = 3 + random.nextInt(3);
				}
				case 10 -> {
					open = 1;
					hires = random.nextInt(3);
				}
				default -> {
					open = 0;
					hires = 0;
				}
			}
			if (account.name.equals("MegaBank")) {
				// Spec 02's QBR: 18 successful placements in the quarter.
				open = 14;
				hires = 18;
			}
			double cancelRate = 0.1;
			for (int slot = 0; slot < Math.max(open, 1); slot++) {
				LocalDate retire = open == 0 ? today.minusDays(45 + random.nextInt(120)) : null;
				runSlot(cycle(Math.max(open, 1), Math.max(hires, 1), cancelRate), retire, null, d -> cancelRate);
			}
			placeCandidates();
			fallOff(0.025, null);
			exactHires(hires);
			if (account.name.equals("RetailCo")) {
				retailCoUxSearch();
			}
			if (account.name.equals("HealthTech")) {
				healthTechJohnSmith();
			}
		}

		/**
		 * Spec 01: 12 open jobs today, 18 six months ago; six requisitions closed since
		 * without a successor; after the budget cut many searches end cancelled; 10 hires
		 * in 90 days and three falloffs in the last two months.
		 */
		private void abcTechnologies() {
			LocalDate sixMonthsAgo = today.minusMonths(6);
			int[] retireDaysAgo = { 170, 140, 115, 90, 65, 40 };
			java.util.function.Function<LocalDate, Double> cancelRate = closed -> closed.isAfter(today.minusDays(200))
					? 0.4 : 0.12;
			int cycle = cycle(15, 14, 0.25);
			for (int slot = 0; slot < 18; slot++) {
				LocalDate retire = slot < 12 ? null : today.minusDays(retireDaysAgo[slot - 12]);
				runSlot(cycle, retire, sixMonthsAgo, cancelRate);
			}
			placeCandidates();
			fallOff(0.02, today.minusDays(60));
			exactHires(10);
			int[] falloffDaysAgo = { 52, 33, 12 };
			for (int days : falloffDaysAgo) {
				LocalDate falloff = today.minusDays(days);
				LocalDate start = falloff.minusDays(20 + random.nextInt(40));
				JobPlan job = pick(j -> j.status != JobStatus.CANCELLED && !j.opened.isAfter(start.minusDays(10))
						&& (j.status == JobStatus.OPEN
								|| !j.closed.isBefore(start.minusDays(21)) && !j.closed.isAfter(start)));
				PlacementPlan p = placement(job, start);
				if (p.start.isAfter(falloff.minusDays(7))) {
					p.start = falloff.minusDays(7 + random.nextInt(20));
				}
				p.type = PlacementType.CONTRACT;
				p.status = PlacementStatus.FALLOFF;
				p.falloff = falloff;
				p.end = falloff;
				job.placements.add(p);
			}
		}

		/**
		 * Spec 02: hiring stopped. The last searches closed on or before today−60 (the
		 * Software Engineer search cancelled on today−61); the last hire, a Frontend
		 * Developer, started exactly today−60.
		 */
		private void dataSystemsInc() {
			LocalDate cancelled = today.minusDays(61);
			LocalDate filled = today.minusDays(67);
			int cycle = cycle(3, 6, 0.1);
			runSlot(cycle, cancelled, null, d -> 0.1);
			runSlot(cycle, filled, null, d -> 0.1);
			runSlot(cycle, today.minusDays(95), null, d -> 0.1);
			placeCandidates();
			fallOff(0.02, null);
			JobPlan softwareEngineer = lastClosedOn(cancelled);
			softwareEngineer.title = "Software Engineer";
			softwareEngineer.department = "Engineering";
			softwareEngineer.priority = JobPriority.HIGH;
			softwareEngineer.status = JobStatus.CANCELLED;
			softwareEngineer.placements.clear();
			softwareEngineer.submissions = 3;
			JobPlan frontend = lastClosedOn(filled);
			frontend.title = "Frontend Developer";
			frontend.department = "Engineering";
			frontend.status = JobStatus.FILLED;
			frontend.recruiter = "priya.sharma";
			frontend.placements.clear();
			PlacementPlan ana = placement(frontend, today.minusDays(60));
			ana.candidate = "Ana Ruiz";
			ana.type = PlacementType.CONTRACT;
			ana.end = today.minusDays(60).plusMonths(9);
			ana.status = PlacementStatus.ACTIVE;
			ana.recruiter = "priya.sharma";
			frontend.placements.add(ana);
			// Nothing else started since the last hire: earlier starts move before it.
			for (JobPlan job : jobs) {
				for (PlacementPlan p : job.placements) {
					if (p != ana && !p.start.isBefore(today.minusDays(60))) {
						p.start = max(job.opened, today.minusDays(62 + random.nextInt(6)));
						finish(p);
					}
				}
			}
		}

		/**
		 * RetailCo's Senior UX Designer search (spec 02): Sarah Kim, $75/hr, 2 submitted,
		 * two weeks in.
		 */
		private void retailCoUxSearch() {
			JobPlan ux = jobs.stream()
				.filter(j -> j.status == JobStatus.OPEN)
				.max(Comparator.comparing(j -> j.opened))
				.orElseThrow();
			ux.title = "Senior UX Designer";
			ux.department = "Digital Experience";
			ux.priority = JobPriority.HIGH;
			ux.opened = today.minusDays(14);
			ux.rate = new BigDecimal("75.00");
			ux.submissions = 2;
			ux.recruiter = "sarah.kim";
			// A search opened two weeks ago has no placement yet; the hires it had go to
			// an older search.
			JobPlan older = jobs.stream().filter(j -> j != ux && j.status == JobStatus.OPEN).findFirst().orElse(null);
			for (PlacementPlan p : ux.placements) {
				if (older != null) {
					older.placements.add(p);
				}
			}
			ux.placements.clear();
		}

		/** HealthTech's contractor John Smith, placed by Jennifer Walsh (spec 02). */
		private void healthTechJohnSmith() {
			jobs.stream()
				.flatMap(j -> j.placements.stream())
				.filter(p -> p.status == PlacementStatus.ACTIVE && p.start.isBefore(today.minusDays(30)))
				.max(Comparator.comparing(p -> p.start))
				.ifPresent(p -> {
					p.candidate = "John Smith";
					p.type = PlacementType.CONTRACT;
					p.recruiter = "jennifer.walsh";
					p.end = p.start.plusMonths(12);
				});
		}

		/**
		 * The average days from one job's opening to the next one's in a slot, so that
		 * the slots fill about {@code hires} positions every 90 days (filled jobs have
		 * {@link #POSITIONS} positions on average).
		 */
		private static int cycle(int slots, int hires, double cancelRate) {
			return (int) Math.max(20, Math.round((1 - cancelRate) * POSITIONS * slots * HIRE_WINDOW / (double) hires));
		}

		/**
		 * One requisition slot from before the history starts: jobs one after the other
		 * until today (the last one open) or until {@code retire} (the last one closed
		 * that day).
		 * @param covered a day on which the slot must have an open job (no gap), or null
		 */
		private void runSlot(int cycle, LocalDate retire, LocalDate covered,
				java.util.function.Function<LocalDate, Double> cancelRate) {
			LocalDate horizon = today.minusDays(HISTORY_DAYS);
			LocalDate t = horizon.minusDays(random.nextInt(cycle));
			while (true) {
				int days = Math.max(7, (int) Math.round(cycle * (0.5 + random.nextDouble())));
				LocalDate end = t.plusDays(days);
				boolean last = retire != null && !end.isBefore(retire);
				if (last) {
					end = retire;
				}
				Role3 role = roles.get(random.nextInt(roles.size()));
				if (retire == null && end.isAfter(today)) {
					jobs.add(job(role, t, null, JobStatus.OPEN));
					return;
				}
				if (!end.isBefore(horizon)) {
					jobs.add(job(role, t, end,
							random.nextDouble() < cancelRate.apply(end) ? JobStatus.CANCELLED : JobStatus.FILLED));
				}
				if (last) {
					return;
				}
				LocalDate next = end.plusDays(random.nextInt(11));
				if (next.isAfter(today) || retire != null && !next.isBefore(retire)
						|| covered != null && !covered.isBefore(end) && covered.isBefore(next)) {
					// No gap past today, past the slot's last day, or over a day it must
					// cover.
					next = end;
				}
				t = next;
			}
		}

		private JobPlan job(Role3 role, LocalDate opened, LocalDate closed, JobStatus status) {
			JobPlan job = new JobPlan();
			job.title = role.title();
			job.department = role.department();
			job.opened = opened;
			job.closed = closed;
			job.status = status;
			int p = random.nextInt(10);
			job.priority = p < 2 ? JobPriority.LOW
					: p < 6 ? JobPriority.MEDIUM : p < 9 ? JobPriority.HIGH : JobPriority.URGENT;
			job.rate = BigDecimal.valueOf(role.rate() - 8 + random.nextInt(20)).setScale(2);
			long open = ChronoUnit.DAYS.between(opened, closed == null ? today : closed);
			job.submissions = switch (status) {
				case OPEN -> random.nextInt((int) Math.min(12, open / 6 + 2));
				case CANCELLED -> random.nextInt(4);
				default -> 0;
			};
			return job;
		}

		/**
		 * A filled job's last position starts soon after the fill, its other positions (a
		 * third of the jobs have two, one in seven three) earlier; an open job sometimes
		 * has one of its positions filled already.
		 */
		private void placeCandidates() {
			for (JobPlan job : jobs) {
				if (job.status == JobStatus.FILLED) {
					job.placements.add(placement(job, job.closed.plusDays(3 + random.nextInt(12))));
					double more = random.nextDouble();
					int extra = more < 0.15 ? 2 : more < 0.5 ? 1 : 0;
					for (int i = 0; i < extra; i++) {
						job.placements.add(placement(job, between(job.opened.plusDays(5), job.closed.plusDays(10))));
					}
					job.submissions = job.placements.size() * (2 + random.nextInt(3)) + random.nextInt(2);
				}
				else if (job.status == JobStatus.OPEN && random.nextDouble() < 0.25
						&& job.opened.isBefore(today.minusDays(20))) {
					job.placements.add(placement(job, between(job.opened.plusDays(10), today)));
					job.submissions = Math.max(job.submissions, 2 + random.nextInt(4));
				}
			}
		}

		/**
		 * Now and then a placement fails within its first weeks; {@code notAfter}: none
		 * later than this day (null: any).
		 */
		private void fallOff(double rate, LocalDate notAfter) {
			for (JobPlan job : jobs) {
				for (PlacementPlan p : job.placements) {
					if (random.nextDouble() >= rate) {
						continue;
					}
					LocalDate falloff = p.start.plusDays(5 + random.nextInt(75));
					if (!falloff.isAfter(today) && (notAfter == null || falloff.isBefore(notAfter))) {
						p.status = PlacementStatus.FALLOFF;
						p.falloff = falloff;
						p.end = falloff;
					}
				}
			}
		}

		/**
		 * Exactly {@code wanted} placements started in the last 90 days and did not fall
		 * off: extra ones come off jobs with two positions (or a filled job whose only
		 * hire goes is cancelled instead), missing ones are added to searches that were
		 * open then.
		 */
		private void exactHires(int wanted) {
			LocalDate windowStart = today.minusDays(HIRE_WINDOW);
			int guard = 0;
			while (hires(windowStart) > wanted && guard++ < 1000) {
				PlacementPlan drop = null;
				JobPlan from = null;
				for (JobPlan job : jobs) {
					for (PlacementPlan p : job.placements) {
						if (counts(p, windowStart)
								&& (drop == null || job.placements.size() > from.placements.size())) {
							drop = p;
							from = job;
						}
					}
				}
				from.placements.remove(drop);
				if (from.placements.isEmpty() && from.status == JobStatus.FILLED) {
					from.status = JobStatus.CANCELLED;
				}
			}
			guard = 0;
			while (hires(windowStart) < wanted && guard++ < 1000) {
				JobPlan job = jobs.get(random.nextInt(jobs.size()));
				LocalDate from = max(windowStart.plusDays(1), job.opened.plusDays(3));
				LocalDate to = job.status == JobStatus.OPEN ? today
						: job.status == JobStatus.FILLED ? min(today, job.closed.plusDays(14)) : null;
				if (to == null || from.isAfter(to)) {
					continue;
				}
				job.placements.add(placement(job, between(from, to)));
			}
			while (hires(windowStart) < wanted) {
				// No search was open when a hire is needed: a short one, filled within
				// the window.
				JobPlan extra = job(roles.get(random.nextInt(roles.size())), today.minusDays(75), today.minusDays(40),
						JobStatus.FILLED);
				extra.placements.add(placement(extra, today.minusDays(30 + random.nextInt(20))));
				extra.submissions = 3;
				jobs.add(extra);
			}
			if (hires(windowStart) != wanted) {
				throw new IllegalStateException("Demo staffing for " + account.name + ": " + hires(windowStart)
						+ " hires in 90 days instead of " + wanted);
			}
		}

		private int hires(LocalDate windowStart) {
			return (int) jobs.stream().flatMap(j -> j.placements.stream()).filter(p -> counts(p, windowStart)).count();
		}

		private boolean counts(PlacementPlan p, LocalDate windowStart) {
			return p.start.isAfter(windowStart) && !p.start.isAfter(today) && p.falloff == null;
		}

		private PlacementPlan placement(JobPlan job, LocalDate start) {
			PlacementPlan p = new PlacementPlan();
			p.candidate = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
			int t = random.nextInt(20);
			p.type = t < 13 ? PlacementType.CONTRACT
					: t < 17 ? PlacementType.CONTRACT_TO_HIRE : PlacementType.PERMANENT;
			p.start = max(start, job.opened);
			p.months = p.type == PlacementType.CONTRACT ? 3 * (1 + random.nextInt(4)) : 6;
			finish(p);
			return p;
		}

		/**
		 * End date and status from the start: contracts end after their months, a
		 * permanent hire runs on.
		 */
		private void finish(PlacementPlan p) {
			if (p.status == PlacementStatus.FALLOFF) {
				return;
			}
			p.end = p.type == PlacementType.PERMANENT ? null : p.start.plusMonths(p.months);
			p.status = p.end != null && !p.end.isAfter(today) ? PlacementStatus.COMPLETED : PlacementStatus.ACTIVE;
		}

		private JobPlan lastClosedOn(LocalDate day) {
			return jobs.stream()
				.filter(j -> day.equals(j.closed))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No job closed on " + day + " at " + account.name));
		}

		private JobPlan pick(java.util.function.Predicate<JobPlan> condition) {
			List<JobPlan> candidates = jobs.stream().filter(condition).toList();
			if (candidates.isEmpty()) {
				return jobs.stream().filter(j -> j.status == JobStatus.OPEN).findFirst().orElseThrow();
			}
			return candidates.get(random.nextInt(candidates.size()));
		}

		private LocalDate between(LocalDate from, LocalDate to) {
			long span = ChronoUnit.DAYS.between(from, to);
			return span <= 0 ? from : from.plusDays(random.nextInt((int) span + 1));
		}

		private static String sector(String industry) {
			String i = industry == null ? "" : industry.toLowerCase(Locale.ROOT);
			if (i.matches(".*(health|pharma|biotech|life sciences|medical|diagnostics).*")) {
				return "health";
			}
			if (i.matches(".*(bank|financ|insurance|fintech|capital|credit|payments|legal).*")) {
				return "finance";
			}
			if (i.matches(
					".*(manufactur|aerospace|automotive|semiconductor|energy|utilities|construction|marine|industrial).*")) {
				return "industrial";
			}
			if (i.matches(".*(logistics|freight|transport|supply).*")) {
				return "logistics";
			}
			if (i.matches(
					".*(media|gaming|retail|travel|hospitality|nonprofit|food|consumer|education|real estate|fitness|professional).*")) {
				return "business";
			}
			return "tech";
		}

	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static void profile(String username, int capacity, int openToday, List<String> specialties,
			List<String> industries) {
		PROFILES.put(username, new Profile(capacity, openToday, specialties, industries));
	}

	private record Profile(int capacity, int openToday, List<String> specialties, List<String> industries) {
	}

	private record Role3(String title, String department, int rate) {
	}

	private static final class JobPlan {

		String title;

		String department;

		JobPriority priority;

		JobStatus status;

		LocalDate opened;

		/** Filled or cancelled on; null while open. */
		LocalDate closed;

		BigDecimal rate;

		int submissions;

		String recruiter;

		final List<PlacementPlan> placements = new ArrayList<>();

	}

	private static final class PlacementPlan {

		String candidate;

		PlacementType type;

		LocalDate start;

		LocalDate end;

		int months;

		PlacementStatus status = PlacementStatus.ACTIVE;

		LocalDate falloff;

		String recruiter;

	}

}
