package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.Influence;
import io.intime.accounts.ServiceLineForm;
import io.intime.accounts.StakeholderRole;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserForm;
import io.intime.identity.UserSummary;
import io.intime.shared.Today;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo world of the spec's stories ({@link DemoCatalog}) on the first start
 * with an empty database, when {@code intime.demo=true} (the default; {@code false} in
 * the {@code prod} profile, where it never runs). Everything goes through the accounts
 * and identity facades, acting as the CEO (strategic accounts: only executives flag them)
 * and the admin, so the audit trail and the domain event log tell how the world was
 * built. One transaction: the world is created completely or not at all. All dates are
 * relative to the day it is created.
 */
@Component
public class DemoWorld {

	private static final Logger log = LoggerFactory.getLogger(DemoWorld.class);

	/**
	 * Fixed seed for the generated parts (contacts of accounts the stories do not name).
	 */
	private static final long SEED = 20251130L;

	private static final String[][] LINE_NAMES = {
			{ "Contract staffing – Engineering", "Direct-hire placements", "Dedicated recruiting team" },
			{ "Contract staffing – IT & DevOps", "Contract-to-hire", "Managed QA services" },
			{ "Contract staffing – Data & Analytics", "Direct-hire placements" },
			{ "Contract staffing – Professional services", "Payroll & compliance services" }, { "Contract staffing" },
			{ "Contract staffing", "Direct-hire placements" } };

	private static final double[][] LINE_WEIGHTS = { { 0.6, 0.25, 0.15 }, { 0.55, 0.3, 0.15 }, { 0.7, 0.3 },
			{ 0.85, 0.15 }, { 1.0 }, { 0.8, 0.2 } };

	private static final String[] FIRST_NAMES = { "Olivia", "Ethan", "Maya", "Noah", "Grace", "Lucas", "Hannah", "Omar",
			"Chloe", "Adrian", "Aisha", "Ben", "Claire", "Victor", "Naomi", "Isaac", "Zoe", "Samir", "Leah", "Marco",
			"Fiona", "Kevin", "Elena", "Hugo", "Tessa", "Felix", "Irene", "Wesley", "Yuki", "Paula" };

	private static final String[] LAST_NAMES = { "Bennett", "Ortiz", "Schmidt", "Nakamura", "Fischer", "Hughes",
			"Rossi", "Kowalski", "Foster", "Ramirez", "Sullivan", "Lindqvist", "Mensah", "Murphy", "Castillo", "Novak",
			"Hale", "Iyer", "Dubois", "Chandra", "Meyer", "Grant", "Wallace", "Moreno", "Lund", "Baker", "Ito", "Shah",
			"Fletcher", "Okoro" };

	private static final String[][] GENERATED_ROLES = { { "CEO", "COO", "President", "Managing Director" },
			{ "VP of People", "CFO", "Head of Talent", "VP Operations" },
			{ "Engineering Manager", "Director of IT", "Head of Data", "Operations Manager" },
			{ "Accounts Payable Manager", "Finance Manager", "Controller", "Procurement Lead" },
			{ "Talent Acquisition Lead", "HR Business Partner", "Recruiting Coordinator", "People Operations Lead" } };

	private static final StakeholderRole[] GENERATED_STAKEHOLDERS = { StakeholderRole.EXECUTIVE,
			StakeholderRole.ECONOMIC_BUYER, StakeholderRole.HIRING_MANAGER, StakeholderRole.FINANCE,
			StakeholderRole.CHAMPION };

	private static final Influence[] GENERATED_INFLUENCE = { Influence.HIGH, Influence.HIGH, Influence.MEDIUM,
			Influence.LOW, Influence.MEDIUM };

	private final UserDirectory users;

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final ContractManagement contracts;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private final EntityManager entityManager;

	private final String password;

	private final List<DemoFacts> facts;

	private final Today time;

	DemoWorld(UserDirectory users, AccountManagement accounts, ContactManagement contacts, ContractManagement contracts,
			JdbcClient jdbc, PlatformTransactionManager transactionManager, Environment environment,
			EntityManager entityManager, @Value("${intime.demo-password:demo}") String password, List<DemoFacts> facts,
			Today time) {
		this.users = users;
		this.accounts = accounts;
		this.contacts = contacts;
		this.contracts = contracts;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactionManager);
		this.environment = environment;
		this.entityManager = entityManager;
		this.password = password;
		this.facts = facts.stream().sorted(java.util.Comparator.comparingInt(DemoFacts::order)).toList();
		this.time = time;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	public void onStart() {
		if (!environment.getProperty("intime.demo", Boolean.class, true)) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			log.warn("intime.demo=true is ignored under the prod profile: no demo world with a well-known password");
			return;
		}
		if (jdbc.sql("select exists(select 1 from account)").query(Boolean.class).single()) {
			log.debug("The database holds accounts; no demo world created");
			return;
		}
		try {
			createWorld(time.organizationToday());
		}
		catch (RuntimeException e) {
			// The application is useful without its demo data; say so and carry on.
			log.error("The demo world could not be created (nothing of it was saved)", e);
		}
	}

	/** What was created, for the log line and tests. */
	record Created(int users, int accounts, int strategic, BigDecimal strategicArrUsd, int contacts, int contracts,
			long millis) {
	}

	/** Creates the whole world in one transaction; {@code today} anchors every date. */
	Created createWorld(LocalDate today) {
		long start = System.nanoTime();
		Created created = transaction.execute(status -> new Builder(today).build());
		Created timed = new Created(created.users(), created.accounts(), created.strategic(), created.strategicArrUsd(),
				created.contacts(), created.contracts(), (System.nanoTime() - start) / 1_000_000);
		log.info(
				"Demo world created: {} users, {} accounts ({} strategic, combined ARR ${}M), {} contacts, {} contracts in {} ms"
						+ " — log in as am / {}",
				timed.users(), timed.accounts(), timed.strategic(),
				timed.strategicArrUsd().movePointLeft(6).stripTrailingZeros().toPlainString(), timed.contacts(),
				timed.contracts(), timed.millis(), "demo".equals(password) ? "demo" : "(INTIME_DEMO_PASSWORD)");
		return timed;
	}

	/** One run of building the world: keeps the counters and the seeded random source. */
	private final class Builder {

		private final LocalDate today;

		private final Random random = new Random(SEED);

		private final Map<String, UserSummary> people = new HashMap<>();

		private final Map<String, Long> accountIds = new HashMap<>();

		private final Map<String, List<ContactView>> createdContacts = new HashMap<>();

		private int contractSequence = 0;

		private int phoneSequence = 0;

		private int contactCount = 0;

		private int contractCount = 0;

		Builder(LocalDate today) {
			this.today = today;
		}

		Created build() {
			users
				.ensureAll(DemoCatalog.users()
					.stream()
					.map(user -> new UserForm(user.username(), user.fullName(), user.email(), user.title(), user.role(),
							user.timeZone(), true, password))
					.toList())
				.forEach(user -> people.put(user.username(), user));
			users.seedReportsTo(people.values()
				.stream()
				.filter(user -> user.role() == Role.ACCOUNT_MANAGER)
				.map(UserSummary::id)
				.toList(), people.get("director").id());
			CurrentUser ceo = actor("ceo");
			CurrentUser admin = actor("admin");
			List<DemoAccount> strategic = DemoCatalog.strategicAccounts();
			List<DemoAccount> portfolio = DemoCatalog.accountManagerPortfolio();
			long strategicArr = 0;
			for (DemoAccount account : strategic) {
				create(account, ceo, ceo);
				strategicArr += account.arr;
			}
			// The portfolio's contracts were executed by the sales director (admins do
			// not sign for the firm).
			CurrentUser director = actor("director");
			for (DemoAccount account : portfolio) {
				create(account, admin, director);
			}
			// Contacts have been known since the relationship started, except a chief
			// executive appointed this quarter (spec 01: "EnterpriseHQ - New CEO
			// appointed"), added 20 days ago.
			entityManager.flush();
			entityManager.clear();
			jdbc.sql(
					"""
							update contact c
							   set created_at = case when c.title like '%appointed this quarter%' then :recent
							                         else coalesce(a.relationship_start, :today)::timestamp at time zone 'UTC' end
							  from account a where a.id = c.account_id""")
				.param("recent", java.sql.Timestamp.from(today.minusDays(20).atTime(9, 0).toInstant(ZoneOffset.UTC)))
				.param("today", today)
				.update();
			List<DemoAccount> all = new ArrayList<>(strategic);
			all.addAll(portfolio);
			DemoSetting setting = new DemoSetting(today, List.copyOf(all), Map.copyOf(accountIds),
					Map.copyOf(createdContacts), Map.copyOf(people), DemoHealthPlan.of(all), this::actor);
			for (DemoFacts part : facts) {
				part.create(setting);
				entityManager.flush();
				entityManager.clear();
			}
			return new Created(people.size(), strategic.size() + portfolio.size(), strategic.size(),
					BigDecimal.valueOf(strategicArr), contactCount, contractCount, 0);
		}

		private CurrentUser actor(String username) {
			UserSummary user = people.get(username);
			return new CurrentUser(user.id(), user.username(), user.fullName(), user.role(),
					ZoneId.of(user.timeZone()));
		}

		private void create(DemoAccount a, CurrentUser actor, CurrentUser signer) {
			AccountDetails account = accounts.create(new AccountForm(a.name, a.industry, a.employees, a.hq, a.timeZone,
					AccountStatus.ACTIVE, null, a.strategic, today.minusMonths(a.monthsAgo), people.get(a.owner).id(),
					a.strategic ? people.get("ceo").id() : null, a.currency, a.region), actor);
			accountIds.put(a.name, account.id());
			List<ContactView> created = new ArrayList<>();
			for (ContactForm contact : contactsOf(a)) {
				created.add(contacts.create(account.id(), contact, actor));
				contactCount++;
			}
			createdContacts.put(a.name, List.copyOf(created));
			for (ContractForm contract : contractsOf(a)) {
				io.intime.accounts.ContractView made = contracts.create(account.id(), contract, signer);
				if (contract.type() == io.intime.accounts.ContractType.MSA
						&& contract.status() == io.intime.accounts.ContractStatus.ACTIVE) {
					contracts.seedRateCard(made.id(), rateCard(a.currency));
				}
				contractCount++;
			}
			for (DemoAccount.Member member : a.team) {
				accounts.addTeamMember(account.id(), people.get(member.username()).id(), member.teamRole(), actor);
			}
			// Everything is written (the facades flush); a small persistence context
			// keeps
			// Hibernate's dirty checking from growing with every account.
			entityManager.flush();
			entityManager.clear();
		}

		private List<ContactForm> contactsOf(DemoAccount a) {
			String domain = a.domain != null ? a.domain : domainOf(a);
			List<ContactForm> forms = new ArrayList<>();
			Set<String> emails = new HashSet<>();
			for (DemoAccount.Person p : a.contacts) {
				String email = p.email() != null ? p.email() : emailOf(p.name(), domain);
				emails.add(email);
				forms.add(new ContactForm(p.name(), p.title(), email, phone(a), a.timeZone, p.role(), p.influence(),
						p.active()));
			}
			int wanted = a.strategic ? 3 + random.nextInt(3) : 2 + random.nextInt(3);
			for (int slot = forms.size(); slot < wanted; slot++) {
				String name;
				String email;
				do {
					name = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)] + " "
							+ LAST_NAMES[random.nextInt(LAST_NAMES.length)];
					email = emailOf(name, domain);
				}
				while (!emails.add(email));
				String[] titles = GENERATED_ROLES[slot];
				forms.add(new ContactForm(name, titles[random.nextInt(titles.length)], email, phone(a), a.timeZone,
						GENERATED_STAKEHOLDERS[slot], GENERATED_INFLUENCE[slot], true));
			}
			return forms;
		}

		/**
		 * The current term (ACTIVE MSA, often with an ACTIVE SOW) whose lines add up to
		 * ARR, and the history the account's age allows: the previous term (RENEWED), a
		 * finished project (EXPIRED SOW), a stalled renewal (DRAFT) or a stopped project
		 * (TERMINATED).
		 */
		private List<ContractForm> contractsOf(DemoAccount a) {
			LocalDate relationshipStart = today.minusMonths(a.monthsAgo);
			LocalDate currentStart;
			LocalDate currentEnd;
			if (a.renewedDaysAgo != null) {
				currentStart = today.minusDays(a.renewedDaysAgo);
				currentEnd = currentStart.plusYears(1).minusDays(1);
			}
			else {
				currentEnd = today.plusDays(a.renewsInDays);
				currentStart = currentEnd.minusYears(1).plusDays(1);
				if (currentStart.isBefore(relationshipStart)) {
					currentStart = relationshipStart;
				}
			}
			String terms = a.paymentTerms != null ? a.paymentTerms : "Net 30";
			List<ContractForm> forms = new ArrayList<>();
			if (currentStart.isAfter(relationshipStart)) {
				LocalDate priorStart = relationshipStart.isBefore(currentStart.minusYears(2))
						? currentStart.minusYears(2) : relationshipStart;
				long prior = a.priorArr != null ? a.priorArr : roundTo(a.arr / 1.08, a.arr);
				forms.add(contract(ContractType.MSA, priorStart, currentStart.minusDays(1), ContractStatus.RENEWED,
						terms, a.currency, lines(a.lineTemplate, prior)));
				LocalDate sowStart = max(priorStart, currentStart.minusMonths(9));
				if (a.expiredSow != null && sowStart.isBefore(currentStart.minusMonths(4))) {
					forms.add(contract(ContractType.SOW, sowStart, currentStart.minusMonths(3).minusDays(1),
							ContractStatus.EXPIRED, terms, a.currency, List.of(new ServiceLineForm(a.expiredSow,
									BigDecimal.valueOf(roundTo(a.arr * 0.12, a.arr))))));
				}
			}
			long sow = a.sowShare > 0 ? roundTo(a.arr * a.sowShare, a.arr) : 0;
			forms.add(contract(ContractType.MSA, currentStart, currentEnd, ContractStatus.ACTIVE, terms, a.currency,
					lines(a.lineTemplate, a.arr - sow)));
			if (sow > 0) {
				LocalDate sowStart = currentStart.plusMonths(2).isBefore(today) ? currentStart.plusMonths(2)
						: currentStart;
				forms.add(contract(ContractType.SOW, sowStart, currentEnd, ContractStatus.ACTIVE, terms, a.currency,
						List.of(new ServiceLineForm(a.sowName, BigDecimal.valueOf(sow)))));
			}
			if (a.draftRenewal != null) {
				forms.add(contract(ContractType.MSA, currentEnd.plusDays(1), currentEnd.plusYears(1),
						ContractStatus.DRAFT, terms, a.currency, lines(a.lineTemplate, a.draftRenewal)));
			}
			if (a.terminatedSow != null) {
				forms.add(contract(ContractType.SOW, today.minusDays(120), today.plusDays(60),
						ContractStatus.TERMINATED, terms, a.currency, List.of(new ServiceLineForm(a.terminatedSow,
								BigDecimal.valueOf(roundTo(a.arr * 0.15, a.arr))))));
			}
			return forms;
		}

		private ContractForm contract(ContractType type, LocalDate start, LocalDate end, ContractStatus status,
				String terms, String currency, List<ServiceLineForm> lines) {
			String number = String.format("%s-%d-%04d", type, start.getYear(), ++contractSequence);
			return new ContractForm(type, number, start, end, status, terms, currency, lines);
		}

		/**
		 * Splits {@code total} over the template's lines; rounded, the last line takes
		 * the rest.
		 */
		private List<ServiceLineForm> lines(int template, long total) {
			String[] names = LINE_NAMES[template];
			double[] weights = LINE_WEIGHTS[template];
			List<ServiceLineForm> lines = new ArrayList<>();
			long rest = total;
			for (int i = 0; i < names.length; i++) {
				long value = i == names.length - 1 ? rest : roundTo(total * weights[i], total);
				rest -= value;
				lines.add(new ServiceLineForm(names[i], BigDecimal.valueOf(value)));
			}
			return lines;
		}

		private String phone(DemoAccount a) {
			int n = phoneSequence++ % 100;
			if ("EUR".equals(a.currency)) {
				return String.format("+49 40 5550 %03d", n);
			}
			if ("GBP".equals(a.currency)) {
				return String.format("+44 20 7946 0%03d", n);
			}
			return String.format("+1 (%03d) 555-01%02d", 201 + (a.name.hashCode() & 0x1ff), n);
		}

	}

	/**
	 * The rate card of an active MSA: IT roles the firm staffs everywhere and the
	 * marketing roles of spec 02's RetailCo proposal ($65–75 a Graphic Designer …), in
	 * the contract's currency at roughly the same level.
	 */
	static List<io.intime.accounts.ContractRateForm> rateCard(String currency) {
		double scale = "EUR".equals(currency) ? 0.9 : "GBP".equals(currency) ? 0.8 : 1.0;
		Object[][] card = { { "Software Engineer", 85, 120 }, { "DevOps Engineer", 95, 130 },
				{ "Data Scientist", 100, 140 }, { "QA Engineer", 60, 85 }, { "Graphic Designer", 65, 75 },
				{ "Digital Marketing Specialist", 70, 85 }, { "Content Writer", 55, 70 },
				{ "Social Media Manager", 75, 90 } };
		List<io.intime.accounts.ContractRateForm> lines = new ArrayList<>();
		for (Object[] role : card) {
			lines.add(new io.intime.accounts.ContractRateForm((String) role[0],
					BigDecimal.valueOf(Math.round((Integer) role[1] * scale)),
					BigDecimal.valueOf(Math.round((Integer) role[2] * scale))));
		}
		return lines;
	}

	private static long roundTo(double amount, long scaleOf) {
		long unit = scaleOf >= 100_000 ? 1000 : 500;
		return Math.round(amount / unit) * unit;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	static String domainOf(DemoAccount a) {
		String base = a.name.toLowerCase(Locale.ROOT)
			.replaceAll("\\b(inc|ltd|gmbh|llc)\\b\\.?", "")
			.replaceAll("[^a-z0-9]", "");
		return base + ".com";
	}

	static String emailOf(String name, String domain) {
		String local = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z ]", "").trim().replaceAll("\\s+", ".");
		return local + "@" + domain;
	}

}
