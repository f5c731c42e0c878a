package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.IntStream;

import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.accounts.Tier;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.identity.UserForm;
import io.intime.identity.UserSummary;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import io.intime.shared.Today;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large, deterministic portfolio for benchmarks: N accounts with about 3 contacts and 2
 * contracts (with service lines) each, owned by 50 generated account managers
 * ({@code am-bench-001} … {@code am-bench-050}; strategic ones sponsored by
 * {@code exec-bench}). Account number i is a pure function of the seed and i, so the same
 * seed gives the same names and ARR every time; dates are relative to today.
 * <p>
 * Loaded with set-based inserts ({@code insert … select * from unnest(arrays)}, 5,000
 * accounts per statement and transaction), bypassing the facades: no audit entries nor
 * domain events are written for these rows. ARR and tier are computed exactly as the
 * accounts module does (ACTIVE service lines; tier from ARR in USD). Rows are marked
 * {@code created_by = 'synthetic'}.
 * <p>
 * On start it tops the portfolio up to {@code intime.synthetic.accounts} synthetic
 * accounts (0, the default, does nothing), after the demo world; never under the
 * {@code prod} profile. See {@code bench/README.md}.
 */
@Component
public class SyntheticPortfolio {

	private static final Logger log = LoggerFactory.getLogger(SyntheticPortfolio.class);
	static final String CREATED_BY = "synthetic";
	static final int OWNERS = 50;
	static final String EXECUTIVE = "exec-bench";

	private static final int CHUNK = 5000;

	private static final String[] ROOTS = { "Apex", "Blue Harbor", "Cedar", "Summitview", "Ironwood", "Northgate",
			"Silver Peak", "Riverstone", "Bright", "Crescent", "Evergreen", "Falcon", "Granite", "Harbor", "Keystone",
			"Lakeside", "Maple", "Nova", "Oakridge", "Pinecrest", "Quantum", "Redwood", "Sterling", "Trident", "Unity",
			"Vanguard", "Westfield", "Zenith", "Atlas", "Beacon", "Cobalt", "Driftwood", "Elm Street", "Frontier",
			"Golden Gate", "Highland", "Insight", "Juniper", "Kestrel", "Liberty", "Meridian", "Noble", "Orchard",
			"Pioneer", "Radiant", "Sapphire", "Tidewater", "Upland", "Vertex", "Willow", "Aurora", "Bluebird",
			"Coastal", "Delta", "Eagle", "Fairview", "Greenfield", "Horizon", "Ivy", "Lighthouse", "Mosaic",
			"Northstar", "Pacific", "Sequoia" };

	private static final String[] WORDS = { "Health", "Logistics", "Bank", "Data", "Software", "Energy", "Foods",
			"Insurance", "Retail", "Analytics", "Media", "Robotics", "Systems", "Capital", "Labs", "Networks", "Pharma",
			"Freight", "Telecom", "Security", "Cloud", "Manufacturing", "Motors", "Biotech", "Hospitality", "Education",
			"Realty", "Aerospace", "Consulting", "Payments", "Devices", "Materials", "Outdoor", "Diagnostics", "Marine",
			"Solar", "Transit", "Credit", "Legal", "Games", "Wines", "Fitness", "Travel", "Construction",
			"Semiconductors", "Apparel", "Chemicals", "Utilities" };

	private static final String[] SUFFIXES = { "Inc.", "Group", "Partners", "Co.", "Holdings", "LLC", "Corporation",
			"Solutions", "Services", "International", "Industries", "Technologies", "", "", "", "" };

	private static final String[][] US_CITIES = { { "New York, NY", "America/New_York" },
			{ "Chicago, IL", "America/Chicago" }, { "Austin, TX", "America/Chicago" },
			{ "San Francisco, CA", "America/Los_Angeles" }, { "Seattle, WA", "America/Los_Angeles" },
			{ "Boston, MA", "America/New_York" }, { "Denver, CO", "America/Denver" },
			{ "Atlanta, GA", "America/New_York" }, { "Dallas, TX", "America/Chicago" },
			{ "Phoenix, AZ", "America/Phoenix" }, { "Miami, FL", "America/New_York" },
			{ "Minneapolis, MN", "America/Chicago" }, { "Charlotte, NC", "America/New_York" },
			{ "Los Angeles, CA", "America/Los_Angeles" }, { "Nashville, TN", "America/Chicago" },
			{ "Columbus, OH", "America/New_York" } };

	private static final String[][] EUR_CITIES = { { "Berlin, Germany", "Europe/Berlin" },
			{ "Paris, France", "Europe/Paris" }, { "Amsterdam, Netherlands", "Europe/Amsterdam" },
			{ "Madrid, Spain", "Europe/Madrid" }, { "Milan, Italy", "Europe/Rome" } };

	private static final String[][] GBP_CITIES = { { "London, United Kingdom", "Europe/London" },
			{ "Manchester, United Kingdom", "Europe/London" }, { "Edinburgh, United Kingdom", "Europe/London" } };

	private static final String[] FIRST = { "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "James",
			"Isabella", "Benjamin", "Mia", "Lucas", "Charlotte", "Henry", "Amelia", "Alexander", "Harper", "Daniel",
			"Evelyn", "Matthew", "Abigail", "Samuel", "Emily", "David", "Ella", "Joseph", "Grace", "Carter", "Chloe",
			"Owen", "Priya", "Wei", "Aisha", "Mateo", "Yuki", "Fatima", "Diego", "Ananya", "Kwame", "Ingrid" };

	private static final String[] LAST = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
			"Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas",
			"Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
			"Ramirez", "Lewis", "Robinson", "Patel", "Nguyen", "Kim", "Chen", "Mueller", "Rossi", "Dubois", "Okafor",
			"Tanaka", "Larsen" };

	private static final String[] INDUSTRIES = { "Technology / SaaS", "Financial Services", "Healthcare", "Retail",
			"Manufacturing", "Logistics", "Energy", "Insurance", "Media & Entertainment", "Telecommunications",
			"Biotech / Life Sciences", "Professional Services", "Education", "Hospitality", "Construction",
			"Government" };

	private static final String[] LINE_NAMES = { "Contract staffing – Engineering", "Contract staffing – IT",
			"Direct-hire placements", "Contract-to-hire", "Dedicated recruiting team", "Managed QA services",
			"Executive search", "Payroll & compliance services" };

	private static final String[] TITLES = { "CEO", "VP of People", "Engineering Manager", "Controller",
			"Talent Acquisition Lead" };

	private static final StakeholderRole[] ROLES = { StakeholderRole.EXECUTIVE, StakeholderRole.ECONOMIC_BUYER,
			StakeholderRole.HIRING_MANAGER, StakeholderRole.FINANCE, StakeholderRole.CHAMPION };

	private static final Influence[] INFLUENCE = { Influence.HIGH, Influence.HIGH, Influence.MEDIUM, Influence.LOW,
			Influence.MEDIUM };

	private final JdbcClient jdbc;

	private final UserDirectory users;

	private final CurrencyRates rates;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private final long seed;

	private final String password;

	private final Today time;

	SyntheticPortfolio(JdbcClient jdbc, UserDirectory users, CurrencyRates rates,
			PlatformTransactionManager transactionManager, Environment environment,
			@Value("${intime.synthetic.seed:20251130}") long seed,
			@Value("${intime.demo-password:demo}") String password, Today time) {
		this.jdbc = jdbc;
		this.users = users;
		this.rates = rates;
		this.transaction = new TransactionTemplate(transactionManager);
		this.environment = environment;
		this.seed = seed;
		this.password = password;
		this.time = time;
	}

	/** After the demo world (which only starts on an empty database). */
	@EventListener(ApplicationReadyEvent.class)
	@Order(10)
	public void onStart() {
		int wanted = environment.getProperty("intime.synthetic.accounts", Integer.class, 0);
		if (wanted <= 0) {
			return;
		}
		if (environment.acceptsProfiles(Profiles.of("prod"))) {
			log.warn("intime.synthetic.accounts is ignored under the prod profile");
			return;
		}
		load(wanted);
	}

	/** What one {@link #load} added. */
	public record Loaded(int accounts, int contacts, int contracts, int serviceLines, int total, long millis) {
	}

	/**
	 * Tops the synthetic portfolio up to {@code target} accounts: adds accounts
	 * {@code existing+1 … target}, so loading twice adds nothing and a larger target adds
	 * the next ones.
	 */
	public Loaded load(int target) {
		long start = System.nanoTime();
		int existing = synthetic();
		if (existing >= target) {
			log.info("Synthetic portfolio: {} accounts already loaded (wanted {})", existing, target);
			return new Loaded(0, 0, 0, 0, existing, 0);
		}
		Map<Integer, Long> owners = ensureUsers();
		LocalDate today = time.organizationToday();
		int[] counts = new int[4];
		for (int from = existing + 1; from <= target; from += CHUNK) {
			int first = from;
			int last = Math.min(target, from + CHUNK - 1);
			// Each account is a pure function of (seed, index): planning in parallel
			// changes nothing.
			List<Planned> chunk = IntStream.rangeClosed(first, last)
				.parallel()
				.mapToObj(i -> plan(seed, i, today))
				.toList();
			int[] added = transaction.execute(status -> insert(chunk, owners));
			for (int k = 0; k < counts.length; k++) {
				counts[k] += added[k];
			}
		}
		jdbc.sql("analyze account, contact, contract, service_line").update();
		Loaded loaded = new Loaded(counts[0], counts[1], counts[2], counts[3], target,
				(System.nanoTime() - start) / 1_000_000);
		log.info(
				"Synthetic portfolio: added {} accounts, {} contacts, {} contracts, {} service lines in {} ms;"
						+ " {} synthetic accounts owned by am-bench-001 … am-bench-{}",
				loaded.accounts(), loaded.contacts(), loaded.contracts(), loaded.serviceLines(), loaded.millis(),
				target, String.format("%03d", OWNERS));
		return loaded;
	}

	int synthetic() {
		return jdbc.sql("select count(*) from account where created_by = :by")
			.param("by", CREATED_BY)
			.query(Integer.class)
			.single();
	}

	/**
	 * The bench users (password {@code intime.demo-password}); owner number → user id, 0
	 * → the executive.
	 */
	private Map<Integer, Long> ensureUsers() {
		List<UserForm> forms = new ArrayList<>();
		forms.add(new UserForm(EXECUTIVE, "Bench Executive", EXECUTIVE + "@bench.intime.com",
				"Executive sponsor (benchmark)", Role.EXECUTIVE, "America/New_York", true, password));
		for (int i = 1; i <= OWNERS; i++) {
			String username = ownerName(i);
			forms.add(new UserForm(username, "Bench AM " + String.format("%03d", i), username + "@bench.intime.com",
					"Account Manager (benchmark)", Role.ACCOUNT_MANAGER, "America/New_York", true, password));
		}
		List<UserSummary> created = users.ensureAll(forms);
		Map<Integer, Long> ids = new HashMap<>();
		for (int i = 0; i < created.size(); i++) {
			ids.put(i, created.get(i).id());
		}
		return ids;
	}

	static String ownerName(int number) {
		return String.format("am-bench-%03d", number);
	}

	// ---------------------------------------------------------------- the plan (pure)

	record Planned(int index, String name, String industry, int employees, String hq, String timeZone, String region,
			String currency, AccountStatus status, boolean strategic, LocalDate relationshipStart, int owner,
			List<PlannedContact> contacts, List<PlannedContract> contracts) {

		/** ARR in the billing currency: the ACTIVE contracts' service lines. */
		BigDecimal arr() {
			return contracts.stream()
				.filter(c -> c.status() == ContractStatus.ACTIVE)
				.flatMap(c -> c.lines().stream())
				.map(PlannedLine::value)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
		}
	}

	record PlannedContact(String name, String title, String email, String phone, StakeholderRole role,
			Influence influence) {
	}

	record PlannedContract(ContractType type, String number, LocalDate start, LocalDate end, ContractStatus status,
			String paymentTerms, List<PlannedLine> lines) {
	}

	record PlannedLine(String name, BigDecimal value) {
	}

	/** Account number {@code index} (1-based) of the portfolio with this seed. */
	static Planned plan(long seed, int index, LocalDate today) {
		Random r = new Random(seed * 0x9E3779B97F4A7C15L + index);
		String suffix = SUFFIXES[r.nextInt(SUFFIXES.length)];
		String name = ROOTS[r.nextInt(ROOTS.length)] + " " + WORDS[r.nextInt(WORDS.length)]
				+ (suffix.isEmpty() ? "" : " " + suffix);
		double place = r.nextDouble();
		String currency = place < 0.88 ? "USD" : place < 0.95 ? "EUR" : "GBP";
		String[][] cities = "USD".equals(currency) ? US_CITIES : "EUR".equals(currency) ? EUR_CITIES : GBP_CITIES;
		String[] city = cities[r.nextInt(cities.length)];
		double size = r.nextDouble();
		long arr;
		if (size < 0.62) {
			arr = 15_000 + r.nextInt(135) * 1000L;
		}
		else if (size < 0.92) {
			arr = 150_000 + r.nextInt(350) * 1000L;
		}
		else {
			double d = r.nextDouble();
			arr = 500_000 + Math.round(d * d * 3000) * 1000L;
		}
		double lifecycle = r.nextDouble();
		AccountStatus status = lifecycle < 0.90 ? AccountStatus.ACTIVE : lifecycle < 0.94 ? AccountStatus.PAUSED
				: lifecycle < 0.98 ? AccountStatus.CHURNED : AccountStatus.PROSPECT;
		int employees = (int) Math.min(250_000, 20 + arr / 100 + r.nextInt(2000));
		int owner = 1 + r.nextInt(OWNERS);
		String terms = new String[] { "Net 30", "Net 30", "Net 45", "Net 60" }[r.nextInt(4)];
		String domain = (name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")) + index
				+ ("USD".equals(currency) ? ".com" : "EUR".equals(currency) ? ".eu" : ".co.uk");
		String key = pad(index, 7);

		List<PlannedContract> contracts = new ArrayList<>();
		LocalDate relationshipStart = null;
		int number = 0;
		if (status == AccountStatus.ACTIVE || status == AccountStatus.PAUSED) {
			LocalDate end = today.plusDays(1 + r.nextInt(365));
			LocalDate start = end.minusYears(1).plusDays(1);
			relationshipStart = start.minusDays(r.nextInt(6 * 365));
			int shape = r.nextInt(10);
			if (shape < 5) {
				long sow = Math.round(arr * 0.3 / 1000) * 1000;
				contracts.add(contract(ContractType.MSA, key, ++number, start, end, ContractStatus.ACTIVE, terms,
						lines(r, arr - sow)));
				contracts.add(contract(ContractType.SOW, key, ++number, start.plusMonths(1), end, ContractStatus.ACTIVE,
						terms, List.of(new PlannedLine("Project team", BigDecimal.valueOf(sow)))));
			}
			else if (shape < 9) {
				contracts.add(contract(ContractType.MSA, key, ++number, start, end, ContractStatus.ACTIVE, terms,
						lines(r, arr)));
				LocalDate priorStart = start.minusYears(1).isBefore(relationshipStart) ? relationshipStart
						: start.minusYears(1);
				if (!priorStart.isBefore(start)) {
					priorStart = start.minusYears(1);
					relationshipStart = priorStart;
				}
				contracts.add(contract(ContractType.MSA, key, ++number, priorStart, start.minusDays(1),
						ContractStatus.RENEWED, terms, lines(r, Math.round(arr * 0.9 / 1000) * 1000)));
			}
			else {
				contracts.add(contract(ContractType.MSA, key, ++number, start, end, ContractStatus.ACTIVE, terms,
						lines(r, arr)));
				contracts.add(contract(ContractType.SOW, key, ++number, start.minusMonths(6), start.minusMonths(1),
						ContractStatus.EXPIRED, terms,
						List.of(new PlannedLine("Finished project", BigDecimal.valueOf(arr / 10)))));
			}
		}
		else if (status == AccountStatus.CHURNED) {
			LocalDate end = today.minusDays(30 + r.nextInt(400));
			LocalDate start = end.minusYears(1).plusDays(1);
			relationshipStart = start.minusDays(r.nextInt(3 * 365));
			contracts.add(contract(ContractType.MSA, key, ++number, start, end, ContractStatus.EXPIRED, terms,
					lines(r, arr)));
			contracts.add(contract(ContractType.SOW, key, ++number, start.plusMonths(2), end, ContractStatus.TERMINATED,
					terms, List.of(new PlannedLine("Stopped project",
							BigDecimal.valueOf(Math.round(arr * 0.2 / 1000) * 1000)))));
		}
		else {
			LocalDate start = today.plusDays(15 + r.nextInt(60));
			contracts.add(contract(ContractType.MSA, key, ++number, start, start.plusYears(1).minusDays(1),
					ContractStatus.DRAFT, terms, lines(r, arr)));
		}

		int contactCount = 2 + r.nextInt(3);
		List<PlannedContact> contacts = new ArrayList<>();
		Set<String> emails = new HashSet<>();
		for (int c = 0; c < contactCount; c++) {
			String person = FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)];
			String local = person.toLowerCase(Locale.ROOT).replace(' ', '.');
			String email = local + "@" + domain;
			if (!emails.add(email)) {
				email = local + c + "@" + domain;
				emails.add(email);
			}
			contacts.add(new PlannedContact(person, TITLES[c], email, "+1 555-01" + pad(r.nextInt(100), 2), ROLES[c],
					INFLUENCE[c]));
		}
		boolean strategic = arr >= 1_500_000 && status != AccountStatus.CHURNED && r.nextBoolean();
		return new Planned(index, name, INDUSTRIES[r.nextInt(INDUSTRIES.length)], employees, city[0], city[1],
				"USD".equals(currency) ? "North America" : "EMEA", currency, status, strategic, relationshipStart,
				owner, contacts, contracts);
	}

	/** Zero-padded, without String.format (which dominated the planning time). */
	private static String pad(int number, int width) {
		String digits = Integer.toString(number);
		return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
	}

	private static PlannedContract contract(ContractType type, String key, int number, LocalDate start, LocalDate end,
			ContractStatus status, String terms, List<PlannedLine> lines) {
		return new PlannedContract(type, "SYN-" + key + "-" + number, start, end, status, terms, lines);
	}

	/** One to three service lines adding up to {@code total}. */
	private static List<PlannedLine> lines(Random r, long total) {
		int count = 1 + r.nextInt(3);
		List<PlannedLine> lines = new ArrayList<>();
		long rest = total;
		int first = r.nextInt(LINE_NAMES.length);
		for (int i = 0; i < count; i++) {
			long value = i == count - 1 ? rest : Math.round(rest * (0.5 + r.nextDouble() * 0.3) / 1000) * 1000;
			rest -= value;
			lines.add(new PlannedLine(LINE_NAMES[(first + i) % LINE_NAMES.length], BigDecimal.valueOf(value)));
		}
		return lines;
	}

	// ---------------------------------------------------------------- the inserts

	private int[] insert(List<Planned> chunk, Map<Integer, Long> users) {
		int n = chunk.size();
		List<Long> accountIds = reserve("account", n);
		List<Long> keys = jdbc.sql("select nextval('account_key_seq') from generate_series(1, :n)")
			.param("n", n)
			.query(Long.class)
			.list();
		int contractCount = chunk.stream().mapToInt(p -> p.contracts().size()).sum();
		List<Long> contractIds = reserve("contract", contractCount);

		Columns accounts = new Columns("account", "id bigint", "account_key text", "name text", "industry text",
				"employee_count int", "hq_location text", "time_zone text", "status text", "tier text",
				"strategic boolean", "relationship_start date", "owner_id bigint", "executive_sponsor_id bigint",
				"billing_currency text", "region text", "arr_amount numeric", "created_by text", "updated_by text");
		Columns contacts = new Columns("contact", "account_id bigint", "name text", "title text", "email text",
				"phone text", "time_zone text", "stakeholder_role text", "influence text", "active boolean",
				"created_by text", "updated_by text");
		Columns contracts = new Columns("contract", "id bigint", "account_id bigint", "type text",
				"contract_number text", "start_date date", "end_date date", "status text", "payment_terms text",
				"currency text", "created_by text", "updated_by text");
		Columns lines = new Columns("service_line", "contract_id bigint", "position int", "name text",
				"annual_value numeric");

		int nextContract = 0;
		for (int i = 0; i < n; i++) {
			Planned p = chunk.get(i);
			long id = accountIds.get(i);
			long keyNumber = keys.get(i);
			BigDecimal arr = p.arr();
			Tier tier = Tier.forArrUsd(rates.convert(new Money(arr, p.currency()), "USD").amount());
			accounts.add(id, keyNumber < 1000 ? String.format("ACC-%03d", keyNumber) : "ACC-" + keyNumber, p.name(),
					p.industry(), p.employees(), p.hq(), p.timeZone(), p.status(), tier, p.strategic(),
					p.relationshipStart(), users.get(p.owner()), p.strategic() ? users.get(0) : null, p.currency(),
					p.region(), arr, CREATED_BY, CREATED_BY);
			for (PlannedContact c : p.contacts()) {
				contacts.add(id, c.name(), c.title(), c.email(), c.phone(), p.timeZone(), c.role(), c.influence(), true,
						CREATED_BY, CREATED_BY);
			}
			for (PlannedContract c : p.contracts()) {
				long contractId = contractIds.get(nextContract++);
				contracts.add(contractId, id, c.type(), c.number(), c.start(), c.end(), c.status(), c.paymentTerms(),
						p.currency(), CREATED_BY, CREATED_BY);
				for (int position = 0; position < c.lines().size(); position++) {
					PlannedLine line = c.lines().get(position);
					lines.add(contractId, position, line.name(), line.value());
				}
			}
		}
		accounts.insert(jdbc);
		contacts.insert(jdbc);
		contracts.insert(jdbc);
		lines.insert(jdbc);
		return new int[] { accounts.size(), contacts.size(), contracts.size(), lines.size() };
	}

	private List<Long> reserve(String table, int count) {
		return jdbc.sql("select nextval(pg_get_serial_sequence('" + table + "', 'id')) from generate_series(1, :n)")
			.param("n", count)
			.query(Long.class)
			.list();
	}

	/**
	 * Rows for one table, kept column by column and inserted in one statement:
	 * {@code insert into t (a, b) select * from unnest(cast(:c0 as bigint[]), cast(:c1 as text[]))}.
	 * Values travel as text arrays and are cast by PostgreSQL.
	 */
	private static final class Columns {

		private final String table;

		private final String[] names;

		private final String[] types;

		private final List<List<String>> values = new ArrayList<>();

		Columns(String table, String... columns) {
			this.table = table;
			this.names = new String[columns.length];
			this.types = new String[columns.length];
			for (int i = 0; i < columns.length; i++) {
				String[] parts = columns[i].split(" ");
				names[i] = parts[0];
				types[i] = parts[1];
				values.add(new ArrayList<>());
			}
		}

		void add(Object... row) {
			for (int i = 0; i < row.length; i++) {
				Object value = row[i];
				values.get(i)
					.add(value == null ? null : value instanceof BigDecimal d ? d.toPlainString()
							: value instanceof Enum<?> e ? e.name() : value.toString());
			}
		}

		int size() {
			return values.get(0).size();
		}

		void insert(JdbcClient jdbc) {
			if (size() == 0) {
				return;
			}
			StringJoiner arrays = new StringJoiner(", ");
			for (int i = 0; i < names.length; i++) {
				arrays.add("cast(:c" + i + " as " + types[i] + "[])");
			}
			JdbcClient.StatementSpec statement = jdbc.sql("insert into " + table + " (" + String.join(", ", names)
					+ ") select * from unnest(" + arrays + ")");
			for (int i = 0; i < names.length; i++) {
				statement = statement.param("c" + i, new SqlArrayValue("text", values.get(i).toArray()));
			}
			statement.update();
		}

	}

}
