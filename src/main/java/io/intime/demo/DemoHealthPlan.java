package io.intime.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The health each demo account is meant to show, as points per component of the default
 * health model (spec 03 Appendix C). The fact modules' demo data (jobs and placements,
 * invoices, NPS responses and activities, escalations, opportunities) is generated so
 * that scoring the facts gives these points; the health score itself is always computed
 * from the facts, never copied from here.
 * <p>
 * The portfolio mix follows the spec: spec 02's 42 accounts are 29 Green, 11 Yellow and 2
 * Red (DataSystems Inc. and Redline Logistics); spec 01's 24 strategic accounts are 16
 * healthy, 6 at risk (TechStart Inc, GlobalCo, InnovateCorp, DataSystems, CloudServices,
 * EnterpriseHQ) and 2 critical (ABC Technologies, MegaCorp). Where a drawing's total is
 * not reachable with the rubric's steps (ABC "32", DataSystems Inc. "42") the rubric wins
 * (DESIGN decision 1).
 * <p>
 * How the facts give the points (the default model):
 * <ul>
 * <li>hiring velocity: 25 = at least 11 open jobs and more than 5 hires a month (hires
 * are placements started in the last 90 days, not fallen off, divided by 3); 20 = at
 * least 5 open and at least 3 a month; 15 = at least 2 open and at least 1 a month; 10 =
 * at least one open job; 0 = no open job ("no active hiring", whatever the hires
 * before).</li>
 * <li>payment promptness: average days from issue to payment over the invoices of the
 * last 365 days (an unpaid invoice past its due date counts with its age so far): under
 * 15 = 20, 15–30 = 15, 31–45 = 10, 46–60 = 5, over 60 or a written-off invoice = 0.</li>
 * <li>NPS: average 0–10 score of the responses of the last 180 days: 9+ = 20, 7+ = 15, 5+
 * = 10, 3+ = 5, below 3 = 0.</li>
 * <li>executive engagement: executive touchpoints (calls and meetings with an EXECUTIVE
 * contact or with the account's executive sponsor taking part) in the last 90 days: 3+ =
 * 15, 1–2 = 10; none but two or more contacts engaged in 90 days = 5; otherwise 0 (single
 * point of contact).</li>
 * <li>expansion pipeline: an open opportunity over $100K = 10, any open opportunity = 5,
 * none = 0.</li>
 * <li>issue frequency: no escalation in the last 90 days and none open = 10; 1–2 in 90
 * days, none open = 5; 3+ or any open = 0.</li>
 * </ul>
 */
final class DemoHealthPlan {

	/** Points per component; the order of the rubric. */
	record Points(int hiring, int payment, int nps, int executive, int expansion, int issues) {

		int total() {
			return hiring + payment + nps + executive + expansion + issues;
		}
	}

	private static final List<Points> GREEN = List.of(new Points(25, 20, 20, 15, 10, 10),
			new Points(25, 15, 15, 15, 10, 10), new Points(20, 20, 15, 15, 5, 10), new Points(20, 15, 20, 10, 10, 5),
			new Points(25, 15, 15, 10, 5, 10), new Points(20, 20, 20, 10, 10, 10));

	private static final List<Points> YELLOW = List.of(new Points(15, 15, 15, 10, 5, 5),
			new Points(20, 15, 10, 10, 0, 5), new Points(15, 10, 15, 5, 5, 5), new Points(20, 15, 15, 10, 5, 10),
			new Points(10, 15, 10, 10, 5, 5));

	/** The accounts whose story fixes their points. */
	private static final Map<String, Points> STORIES = Map.ofEntries(
			// spec 01
			Map.entry("ABC Technologies", new Points(20, 0, 10, 10, 0, 0)),
			Map.entry("MegaCorp", new Points(15, 5, 10, 10, 0, 5)),
			Map.entry("TechStart Inc", new Points(20, 15, 15, 10, 5, 5)),
			Map.entry("GlobalCo", new Points(20, 15, 15, 5, 5, 10)),
			Map.entry("InnovateCorp", new Points(20, 15, 15, 10, 10, 5)),
			Map.entry("DataSystems", new Points(20, 20, 15, 10, 5, 5)),
			Map.entry("CloudServices", new Points(15, 15, 10, 10, 5, 5)),
			Map.entry("EnterpriseHQ", new Points(20, 15, 15, 5, 5, 10)),
			// spec 02
			Map.entry("DataSystems Inc.", new Points(0, 15, 5, 10, 0, 5)),
			Map.entry("Redline Logistics", new Points(10, 10, 5, 5, 0, 5)),
			Map.entry("TechCorp", new Points(25, 10, 15, 15, 10, 10)),
			Map.entry("MegaBank", new Points(25, 20, 20, 15, 10, 5)),
			Map.entry("GrowthStartup", new Points(20, 15, 10, 10, 5, 10)),
			Map.entry("RetailCo", new Points(20, 15, 15, 10, 10, 0)),
			Map.entry("InsureCo", new Points(25, 15, 20, 10, 10, 10)),
			Map.entry("HealthTech", new Points(25, 20, 15, 15, 10, 10)),
			Map.entry("FinanceHub", new Points(25, 15, 15, 15, 10, 10)));

	/** Spec 02's other Yellow accounts (with GrowthStartup and RetailCo: 11). */
	private static final List<String> YELLOW_ACCOUNTS = List.of("Nordlicht Logistik GmbH", "Brightwave Media",
			"Summit Outdoor Gear", "UrbanNest Realty", "Bluebird Travel", "Quartz Software", "Pixel Forge Studios",
			"Lighthouse Nonprofit Alliance", "Orchard Hill Wines");

	private final Map<String, Points> plans = new HashMap<>();

	/** The plan of every account of the catalog, by account name. */
	static DemoHealthPlan of(List<DemoAccount> accounts) {
		DemoHealthPlan plan = new DemoHealthPlan();
		int green = 0;
		int yellow = 0;
		for (DemoAccount account : accounts) {
			Points points = STORIES.get(account.name);
			if (points == null && YELLOW_ACCOUNTS.contains(account.name)) {
				points = YELLOW.get(yellow++ % YELLOW.size());
			}
			if (points == null) {
				points = GREEN.get(green++ % GREEN.size());
			}
			plan.plans.put(account.name, points);
		}
		return plan;
	}

	/**
	 * The points planned for the account of this name; never null for an account of the
	 * catalog.
	 */
	Points of(String accountName) {
		Points points = plans.get(accountName);
		if (points == null) {
			throw new IllegalArgumentException("No health plan for " + accountName);
		}
		return points;
	}

}
