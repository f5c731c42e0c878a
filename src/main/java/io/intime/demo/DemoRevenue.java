package io.intime.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;

import io.intime.identity.CurrentUser;
import io.intime.revenue.OpportunityForm;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityStage;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import io.intime.shared.web.MoneyInput;
import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

/**
 * The demo world's expansion pipeline, entered by each account's manager. Today's open
 * opportunities give the planned expansion points ({@link DemoHealthPlan}: an open
 * opportunity over $100K is 10, any open one 5, none 0); before today each account has a
 * plausible history of won and lost expansions, and accounts without an open one today
 * had one that was lost in the last months, so that their trend leads down to 0.
 * <p>
 * The stories: InnovateCorp's +$500K expansion awaiting executive approval (spec 01);
 * spec 02's pipeline board: TechCorp's DevOps expansion for more engineers ($300K,
 * proposal sent), RetailCo's Marketing Department ($150K), HealthTech's new Austin office
 * ($200K), InsureCo's Data Science team ($250K), MegaBank's Data Science team from
 * today's QBR ($180K); FinanceHub's Q1 roles from Lisa Martinez's email; nothing open at
 * DataSystems Inc. and ABC Technologies.
 */
@Component
class DemoRevenue implements DemoFacts {

	private static final long SEED = 20261130L;

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("MMM d",
			java.util.Locale.US);

	/**
	 * Opportunities the stories name: title, value in USD, stage, source, next step,
	 * identified days ago.
	 */
	record Story(String title, long usd, OpportunityStage stage, String source, String nextStep, int daysAgo) {
	}

	static final Map<String, Story> STORIES = Map.of("InnovateCorp",
			new Story("Clinical data platform expansion (+$500K)", 500_000, OpportunityStage.NEGOTIATION,
					"Executive sponsor", "Prepare the expansion proposal for executive approval", 21),
			"TechCorp",
			new Story("DevOps expansion – more engineers", 300_000, OpportunityStage.PROPOSAL, "Hiring manager request",
					"Follow up on the proposal sent %s (due %s)", 38),
			"RetailCo",
			new Story("Marketing Department", 150_000, OpportunityStage.IDENTIFIED, "Mentioned in last call",
					"Send proposal", 9),
			"HealthTech",
			new Story("New Austin office", 200_000, OpportunityStage.IDENTIFIED, "LinkedIn news (office opening)",
					"Email contact", 14),
			"InsureCo",
			new Story("Data Science team", 250_000, OpportunityStage.QUALIFIED, "Champion: CTO (confirmed need)",
					"Draft SOW", 30),
			"MegaBank",
			new Story("Data Science team (5-7 roles)", 180_000, OpportunityStage.NEGOTIATION, "QBR", "Formal contract",
					0),
			"FinanceHub", new Story("Q1 hiring: 8-10 contract roles (Java, DevOps, Data)", 260_000,
					OpportunityStage.IDENTIFIED, "Email from Lisa Martinez", "Q1 planning meeting Dec 2 or 3", 1));

	private static final String[] LARGE = { "Second engineering hub", "Data & analytics team build-out",
			"Contract-to-hire program", "Cloud migration contractors", "Managed QA services",
			"New regional office staffing", "Platform modernization squad" };

	private static final String[] SMALL = { "Summer intern program", "Two additional QA contractors",
			"Payroll & compliance add-on", "Seasonal support staff", "Backfill for parental leaves",
			"Single data engineer" };

	private static final String[] SOURCES = { "QBR", "Hiring manager request", "Mentioned in last call",
			"LinkedIn news", "Executive sponsor", "Account review" };

	private static final String[] NEXT = { "Send proposal", "Schedule scoping call",
			"Confirm budget with economic buyer", "Draft SOW", "Share recruiter profiles" };

	private final OpportunityManagement opportunities;

	private final CurrencyRates rates;

	private final EntityManager entityManager;

	DemoRevenue(OpportunityManagement opportunities, CurrencyRates rates, EntityManager entityManager) {
		this.opportunities = opportunities;
		this.rates = rates;
		this.entityManager = entityManager;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public void create(DemoSetting world) {
		Random random = new Random(SEED);
		LocalDate today = world.today();
		for (DemoAccount account : world.accounts()) {
			long accountId = world.idOf(account.name);
			CurrentUser owner = world.actor().apply(account.owner);
			int points = world.plan().of(account.name).expansion();
			LocalDate start = today.minusMonths(account.monthsAgo);
			// History: an expansion won about a year ago where the relationship is old
			// enough.
			if (account.monthsAgo >= 15 && random.nextInt(3) > 0) {
				LocalDate identified = today.minusDays(330 + random.nextInt(90));
				create(accountId, owner, pick(LARGE, random), usdIn(account, 60_000 + random.nextInt(14) * 10_000),
						OpportunityStage.WON, pick(SOURCES, random), null, identified,
						identified.plusDays(45 + random.nextInt(60)));
			}
			if (points == 0) {
				// Once in the pipeline, lost in the last months: the trend leads down to
				// none open.
				LocalDate identified = max(start, today.minusDays(240 + random.nextInt(60)));
				create(accountId, owner,
						account.name.equals("ABC Technologies") ? "Platform engineering team extension"
								: pick(LARGE, random),
						usdIn(account, 120_000 + random.nextInt(10) * 10_000), OpportunityStage.LOST,
						pick(SOURCES, random), null, identified, today.minusDays(35 + random.nextInt(40)));
				continue;
			}
			Story story = STORIES.get(account.name);
			if (story != null) {
				// Spec 02: "Proposal sent: Nov 25 Follow-up: Due Dec 2", relative to
				// today.
				String next = story.nextStep().formatted(DAY.format(today.minusDays(5)), DAY.format(today.plusDays(2)));
				create(accountId, owner, story.title(), usdIn(account, story.usd()), story.stage(), story.source(),
						next, today.minusDays(story.daysAgo()), null);
			}
			else if (points == 10) {
				OpportunityStage stage = OpportunityStage.values()[random.nextInt(4)];
				create(accountId, owner, pick(LARGE, random), usdIn(account, 120_000 + random.nextInt(29) * 10_000),
						stage, pick(SOURCES, random), pick(NEXT, random),
						max(start, today.minusDays(10 + random.nextInt(110))), null);
			}
			else {
				create(accountId, owner, pick(SMALL, random), usdIn(account, 20_000 + random.nextInt(15) * 5_000),
						OpportunityStage.values()[random.nextInt(2)], pick(SOURCES, random), pick(NEXT, random),
						max(start, today.minusDays(10 + random.nextInt(80))), null);
			}
			// A smaller one lost along the way for some.
			if (random.nextInt(4) == 0 && account.monthsAgo >= 8) {
				LocalDate identified = today.minusDays(150 + random.nextInt(60));
				create(accountId, owner, pick(SMALL, random), usdIn(account, 25_000 + random.nextInt(10) * 5_000),
						OpportunityStage.LOST, pick(SOURCES, random), null, identified,
						identified.plusDays(30 + random.nextInt(40)));
			}
			entityManager.flush();
			entityManager.clear();
		}
	}

	private void create(long accountId, CurrentUser owner, String title, Money value, OpportunityStage stage,
			String source, String nextStep, LocalDate identified, LocalDate closed) {
		opportunities
			.create(accountId,
					new OpportunityForm(title, stage, MoneyInput.of(value), source, nextStep, identified, closed,
							owner.id(),
							stage == OpportunityStage.LOST
									? LOST_REASONS[Math.floorMod(title.hashCode(), LOST_REASONS.length)] : null),
					owner);
	}

	/**
	 * Why the demo's lost opportunities were lost (chosen from the title, so that the
	 * random facts of the demo stay as they are).
	 */
	private static final String[] LOST_REASONS = { "Went with another supplier", "Budget cut for the year",
			"Hiring freeze at the client", "Our rates were above their budget" };

	/**
	 * A value worth {@code usd} US dollars, in the account's currency, rounded to the
	 * thousand.
	 */
	private Money usdIn(DemoAccount account, long usd) {
		Money converted = rates.convert(new Money(BigDecimal.valueOf(usd), "USD"), account.currency);
		return new Money(converted.amount()
			.divide(BigDecimal.valueOf(1000), 0, RoundingMode.HALF_UP)
			.multiply(BigDecimal.valueOf(1000)), account.currency);
	}

	private static String pick(String[] values, Random random) {
		return values[random.nextInt(values.length)];
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
