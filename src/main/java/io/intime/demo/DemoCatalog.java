package io.intime.demo;

import java.util.ArrayList;
import java.util.List;

import io.intime.identity.Role;

import static io.intime.accounts.Influence.HIGH;
import static io.intime.accounts.Influence.LOW;
import static io.intime.accounts.Influence.MEDIUM;
import static io.intime.accounts.StakeholderRole.CHAMPION;
import static io.intime.accounts.StakeholderRole.ECONOMIC_BUYER;
import static io.intime.accounts.StakeholderRole.EXECUTIVE;
import static io.intime.accounts.StakeholderRole.FINANCE;
import static io.intime.accounts.StakeholderRole.HIRING_MANAGER;
import static io.intime.demo.DemoAccount.account;

/**
 * The people and accounts of the demo world, from the spec's two stories.
 * <p>
 * <b>Spec 01</b> (the CEO's 24 strategic accounts, combined ARR $28.5M): ABC Technologies
 * (ACC-001, $500K, renews in 120 days, critical), MegaCorp (renews in 30 days, renewal
 * MSA stalled as a DRAFT), the six "attention needed" accounts and sixteen healthy ones.
 * The ARR figures follow the portfolio summary: critical 2 accounts $2.2M, at risk 6
 * accounts $7.1M, healthy 16 accounts $19.2M; 5 accounts renew within 90 days for $6.8M;
 * 3 renewed recently for $3.5M. Renewal offsets follow the renewal table with ABC's
 * "March 31 (120 days)" as the anchor: TechStart Jan 31 = 61 days, GlobalCo Feb 15 = 76,
 * InnovateCorp Feb 28 = 89, DataSystems Mar 15 = 104.
 * <p>
 * <b>Spec 02</b> (the account manager {@code am}, 42 accounts): TechCorp, DataSystems
 * Inc. (Growth, $280K), MegaBank, RetailCo, FinanceHub, HealthTech, GrowthStartup,
 * InsureCo and 34 more; 9 Growth and 33 Standard accounts, two billed in EUR and GBP.
 * <p>
 * <b>Renamed where the stories collide</b> (DESIGN decision 4): spec 02's recruiter
 * "Sarah" is Sarah Kim (the user {@code sarah.chen} is spec 01's account manager); spec
 * 02's "Mike" is Mike Brennan, its "Priya" Priya Sharma, its "Jennifer" (the recruiter
 * who placed John Smith at HealthTech) Jennifer Walsh. Spec 02's "DataSystems" is
 * "DataSystems Inc.", a different client from spec 01's "DataSystems". Client contacts
 * keep their names: MegaBank's Sarah Chen (VP Talent), DataSystems Inc.'s John Smith (VP
 * Ops) and RetailCo's Jennifer Wu are people at other companies than our Sarah Chen,
 * ABC's John Smith and DataSystems' Jennifer Wu, and a contact is never a user.
 */
final class DemoCatalog {

	private DemoCatalog() {
	}

	record DemoUser(String username, String fullName, Role role, String title, String timeZone) {

		String email() {
			return username + "@intime.com";
		}
	}

	static List<DemoUser> users() {
		return List.of(
				new DemoUser("ceo", "Alex Morgan", Role.EXECUTIVE, "Chief Executive Officer", "America/Los_Angeles"),
				new DemoUser("am", "Jordan Reyes", Role.ACCOUNT_MANAGER, "Senior Account Manager", "America/New_York"),
				new DemoUser("sarah.chen", "Sarah Chen", Role.ACCOUNT_MANAGER, "Strategic Account Manager",
						"America/Los_Angeles"),
				new DemoUser("daniel.okafor", "Daniel Okafor", Role.ACCOUNT_MANAGER, "Strategic Account Manager",
						"America/Chicago"),
				new DemoUser("rachel.nguyen", "Rachel Nguyen", Role.ACCOUNT_MANAGER, "Strategic Account Manager",
						"America/New_York"),
				new DemoUser("director", "Dana Whitfield", Role.SALES_DIRECTOR, "Sales Director", "America/New_York"),
				new DemoUser("tom.davis", "Tom Davis", Role.RECRUITING_MANAGER, "Recruiting Manager",
						"America/Los_Angeles"),
				new DemoUser("michael.torres", "Michael Torres", Role.RECRUITER, "Senior Recruiter",
						"America/Los_Angeles"),
				new DemoUser("emily.rodriguez", "Emily Rodriguez", Role.RECRUITER, "Senior Recruiter",
						"America/Chicago"),
				new DemoUser("david.kim", "David Kim", Role.RECRUITER, "Recruiter", "America/Los_Angeles"),
				new DemoUser("sarah.kim", "Sarah Kim", Role.RECRUITER, "Recruiter", "America/New_York"),
				new DemoUser("mike.brennan", "Mike Brennan", Role.RECRUITER, "Senior Recruiter, Data Science",
						"America/New_York"),
				new DemoUser("priya.sharma", "Priya Sharma", Role.RECRUITER, "Recruiter", "America/New_York"),
				new DemoUser("amanda.torres", "Amanda Torres", Role.RECRUITER, "Senior Recruiter, Marketing & Creative",
						"America/Chicago"),
				new DemoUser("jennifer.walsh", "Jennifer Walsh", Role.RECRUITER, "Recruiter", "America/New_York"),
				new DemoUser("finance", "Robin Hayes", Role.FINANCE, "Finance Lead", "America/New_York"),
				new DemoUser("legal", "Grace Liu", Role.LEGAL, "Contracts Counsel", "America/New_York"),
				new DemoUser("admin", "Taylor Brooks", Role.ADMIN, "System Administrator", "America/New_York"));
	}

	static final String LA = "America/Los_Angeles";
	static final String NY = "America/New_York";
	static final String CHI = "America/Chicago";
	static final String DEN = "America/Denver";

	/** Spec 01: the CEO's strategic accounts, ABC Technologies first (ACC-001). */
	static List<DemoAccount> strategicAccounts() {
		List<DemoAccount> all = new ArrayList<>();
		all.add(account("ABC Technologies").industry("Technology / SaaS")
			.employees(5000)
			.hq("San Francisco, CA", LA)
			.domain("abctech.com")
			.owner("sarah.chen")
			.strategic()
			.since(46)
			.arr(500_000)
			.priorArr(590_000)
			.renewsIn(120)
			.terms("Net 45")
			.lines(0)
			.expiredSow("Q3 hiring surge – platform engineers")
			.contact("John Smith", "CEO", "john.smith@abctech.com", EXECUTIVE, HIGH)
			.contact("Karen Liu", "VP of People", ECONOMIC_BUYER, HIGH)
			.contact("Raj Malhotra", "VP Engineering", HIRING_MANAGER, HIGH)
			.contact("Megan Doyle", "Accounts Payable Lead", FINANCE, LOW)
			.team("tom.davis", "Recruiting Manager"));
		all.add(account("MegaCorp").industry("Manufacturing / Industrial")
			.employees(28000)
			.hq("Detroit, MI", "America/Detroit")
			.owner("daniel.okafor")
			.strategic()
			.since(74)
			.arr(1_700_000)
			.renewsIn(30)
			.terms("Net 60")
			.lines(1)
			.sow("Plant automation engineers", 0.3)
			.draftRenewal(1_550_000)
			.contact("Gary Whitfield", "CIO", EXECUTIVE, HIGH)
			.contact("Patricia Dunn", "Chief Procurement Officer", ECONOMIC_BUYER, HIGH)
			.contact("Lena Park", "Director of Talent Acquisition", CHAMPION, MEDIUM)
			.contact("Tony Russo", "Plant Engineering Manager", HIRING_MANAGER, MEDIUM)
			.team("emily.rodriguez", "Recruiter"));
		all.add(account("TechStart Inc").industry("Technology / Fintech")
			.employees(1800)
			.hq("Austin, TX", CHI)
			.domain("techstart.com")
			.owner("sarah.chen")
			.strategic()
			.since(50)
			.arr(1_200_000)
			.renewsIn(61)
			.terms("Net 30")
			.lines(1)
			.contact("Ava Thompson", "CEO", EXECUTIVE, HIGH)
			.contact("Ben Carter", "VP Engineering", CHAMPION, HIGH)
			.contact("Sofia Alvarez", "Talent Lead", HIRING_MANAGER, MEDIUM)
			.team("michael.torres", "Recruiter"));
		all.add(account("GlobalCo").industry("Logistics / Supply Chain")
			.employees(12000)
			.hq("Chicago, IL", CHI)
			.owner("rachel.nguyen")
			.strategic()
			.since(58)
			.arr(900_000)
			.renewsIn(76)
			.terms("Net 45")
			.lines(3)
			.contact("William Grant", "COO", EXECUTIVE, HIGH)
			.contact("Mei Tanaka", "VP Global Talent", ECONOMIC_BUYER, HIGH)
			.contact("Carlos Mendes", "Director of IT", HIRING_MANAGER, MEDIUM));
		all.add(account("InnovateCorp").industry("Biotech / Life Sciences")
			.employees(3200)
			.hq("Boston, MA", NY)
			.owner("sarah.chen")
			.strategic()
			.since(40)
			.arr(1_500_000)
			.renewsIn(89)
			.terms("Net 45")
			.lines(2)
			.sow("Clinical data platform team", 0.25)
			.contact("Helen Ward", "Chief Scientific Officer", EXECUTIVE, HIGH)
			.contact("Eric Larsen", "CFO", ECONOMIC_BUYER, HIGH)
			.contact("James O'Neill", "VP Talent", CHAMPION, HIGH)
			.contact("Nadia Haddad", "Director of Lab Operations", HIRING_MANAGER, MEDIUM)
			.team("emily.rodriguez", "Recruiter"));
		all.add(account("DataSystems").industry("Data & Analytics / Enterprise Software")
			.employees(6500)
			.hq("Seattle, WA", LA)
			.domain("datasystems.com")
			.owner("sarah.chen")
			.strategic()
			.since(62)
			.arr(1_700_000)
			.renewsIn(104)
			.terms("Net 45")
			.lines(0)
			.sow("DevOps team build-out", 0.3)
			.contact("Jennifer Wu", "CTO", "jennifer.wu@datasystems.com", EXECUTIVE, HIGH)
			.contact("Mark Johnson", "VP HR", "mark.johnson@datasystems.com", ECONOMIC_BUYER, HIGH)
			.contact("Alan Cho", "Director of Platform Engineering", HIRING_MANAGER, MEDIUM)
			.contact("Rebecca Stone", "Talent Acquisition Manager", CHAMPION, MEDIUM)
			.team("tom.davis", "Recruiting Manager")
			.team("david.kim", "Recruiter"));
		all.add(account("CloudServices").industry("Cloud Infrastructure")
			.employees(4000)
			.hq("Denver, CO", DEN)
			.owner("daniel.okafor")
			.strategic()
			.since(36)
			.arr(1_000_000)
			.renewsIn(200)
			.terms("Net 30")
			.lines(1)
			.contact("Diane Cole", "CEO", EXECUTIVE, HIGH)
			.contact("Kevin Marsh", "VP Engineering", HIRING_MANAGER, HIGH)
			.contact("Luis Ortega", "Procurement Director", ECONOMIC_BUYER, MEDIUM)
			.team("emily.rodriguez", "Recruiter")
			.team("david.kim", "Recruiter"));
		all.add(account("EnterpriseHQ").industry("Enterprise Software")
			.employees(9000)
			.hq("New York, NY", NY)
			.owner("rachel.nguyen")
			.strategic()
			.since(44)
			.arr(800_000)
			.renewsIn(240)
			.terms("Net 45")
			.lines(0)
			.contact("Robert Klein", "CEO (appointed this quarter)", EXECUTIVE, HIGH)
			.formerContact("Thomas Reed", "Former CEO", EXECUTIVE, HIGH)
			.contact("Angela Wright", "CHRO", ECONOMIC_BUYER, HIGH)
			.contact("Steven Park", "VP IT", HIRING_MANAGER, MEDIUM));
		all.add(account("Pinnacle Health Systems").industry("Healthcare / Hospital Networks")
			.employees(22000)
			.hq("Nashville, TN", CHI)
			.owner("daniel.okafor")
			.strategic()
			.since(55)
			.arr(1_500_000)
			.renewsIn(45)
			.terms("Net 60")
			.lines(3)
			.sow("EHR rollout contractors", 0.2));
		all.add(account("Summit Financial Group").industry("Financial Services / Banking")
			.employees(14000)
			.hq("Charlotte, NC", NY)
			.owner("rachel.nguyen")
			.strategic()
			.since(60)
			.arr(1_400_000)
			.renewedDaysAgo(20)
			.terms("Net 45")
			.lines(0));
		all.add(account("Atlas Aerospace").industry("Aerospace & Defense")
			.employees(16000)
			.hq("El Segundo, CA", LA)
			.owner("sarah.chen")
			.strategic()
			.since(70)
			.arr(1_200_000)
			.renewedDaysAgo(35)
			.terms("Net 60")
			.lines(1));
		all.add(account("Horizon Retail Group").industry("Retail / Omnichannel")
			.employees(30000)
			.hq("Minneapolis, MN", CHI)
			.owner("daniel.okafor")
			.strategic()
			.since(48)
			.arr(900_000)
			.renewedDaysAgo(50)
			.terms("Net 45")
			.lines(3));
		all.add(account("Meridian Pharma").industry("Pharmaceuticals")
			.employees(8000)
			.hq("Princeton, NJ", NY)
			.owner("sarah.chen")
			.strategic()
			.since(52)
			.arr(1_600_000)
			.renewsIn(150)
			.terms("Net 60")
			.lines(2)
			.sow("Regulatory affairs contractors", 0.2)
			.expiredSow("Clinical trial data migration"));
		all.add(account("Northwind Energy").industry("Energy / Utilities")
			.employees(11000)
			.hq("Houston, TX", CHI)
			.owner("daniel.okafor")
			.strategic()
			.since(66)
			.arr(1_300_000)
			.renewsIn(180)
			.terms("Net 45")
			.lines(3));
		all.add(account("BlueRiver Insurance").industry("Insurance")
			.employees(7000)
			.hq("Hartford, CT", NY)
			.owner("rachel.nguyen")
			.strategic()
			.since(57)
			.arr(1_100_000)
			.renewsIn(135)
			.terms("Net 45")
			.lines(0));
		all.add(account("Quantum Dynamics").industry("Technology / AI Hardware")
			.employees(2600)
			.hq("San Jose, CA", LA)
			.owner("sarah.chen")
			.strategic()
			.since(30)
			.arr(1_400_000)
			.renewsIn(275)
			.terms("Net 30")
			.lines(1)
			.team("michael.torres", "Recruiter"));
		all.add(account("Keystone Logistics").industry("Logistics / Freight")
			.employees(5400)
			.hq("Pittsburgh, PA", NY)
			.owner("daniel.okafor")
			.strategic()
			.since(42)
			.arr(900_000)
			.renewsIn(160)
			.terms("Net 45")
			.lines(3));
		all.add(account("Silverline Telecom").industry("Telecommunications")
			.employees(9500)
			.hq("Dallas, TX", CHI)
			.owner("daniel.okafor")
			.strategic()
			.since(64)
			.arr(1_000_000)
			.renewsIn(220)
			.terms("Net 45")
			.lines(1)
			.expiredSow("5G field engineering ramp-up"));
		all.add(account("Orion Media Group").industry("Media & Entertainment")
			.employees(3500)
			.hq("Los Angeles, CA", LA)
			.owner("rachel.nguyen")
			.strategic()
			.since(28)
			.arr(750_000)
			.renewsIn(300)
			.terms("Net 30")
			.lines(3)
			.team("amanda.torres", "Recruiter"));
		all.add(account("Evergreen Foods").industry("Consumer Goods / Food & Beverage")
			.employees(6200)
			.hq("Portland, OR", LA)
			.owner("rachel.nguyen")
			.strategic()
			.since(38)
			.arr(850_000)
			.renewsIn(190)
			.terms("Net 45")
			.lines(2));
		all.add(account("Cascade Semiconductors").industry("Semiconductors")
			.employees(4800)
			.hq("Phoenix, AZ", "America/Phoenix")
			.owner("rachel.nguyen")
			.strategic()
			.since(47)
			.arr(1_250_000)
			.renewsIn(250)
			.terms("Net 45")
			.lines(1)
			.sow("Fab process engineers", 0.3));
		all.add(account("Redwood Capital Partners").industry("Financial Services / Asset Management")
			.employees(1500)
			.hq("New York, NY", NY)
			.owner("sarah.chen")
			.strategic()
			.since(34)
			.arr(1_150_000)
			.renewsIn(230)
			.terms("Net 30")
			.lines(2));
		all.add(account("Ironclad Security").industry("Cybersecurity / Government")
			.employees(2200)
			.hq("Arlington, VA", NY)
			.owner("rachel.nguyen")
			.strategic()
			.since(26)
			.arr(950_000)
			.renewsIn(145)
			.terms("Net 30")
			.lines(1));
		all.add(account("Lumen Automotive").industry("Automotive / EV")
			.employees(19000)
			.hq("Greenville, SC", NY)
			.owner("daniel.okafor")
			.strategic()
			.since(80)
			.arr(1_950_000)
			.renewsIn(285)
			.terms("Net 60")
			.lines(0)
			.sow("Battery systems engineers", 0.35));
		return all;
	}

	/** Spec 02: the 42 accounts of the account manager {@code am} (Jordan Reyes). */
	static List<DemoAccount> accountManagerPortfolio() {
		List<DemoAccount> all = new ArrayList<>();
		all.add(account("TechCorp").industry("Technology / Software")
			.employees(1200)
			.hq("Austin, TX", CHI)
			.since(52)
			.arr(420_000)
			.renewsIn(150)
			.terms("Net 30")
			.lines(1)
			.sow("QA automation team", 0.2)
			.contact("Michael Chen", "CFO", "michael.chen@techcorp.com", FINANCE, HIGH)
			.contact("Rita Gomez", "CTO", EXECUTIVE, HIGH)
			.contact("Laura Bennett", "VP Engineering", HIRING_MANAGER, HIGH)
			.contact("Owen Price", "Accounts Payable Manager", FINANCE, LOW)
			.team("sarah.kim", "Recruiter"));
		all.add(account("DataSystems Inc.").industry("Enterprise Software")
			.employees(850)
			.hq("Columbus, OH", NY)
			.domain("datasystemsinc.com")
			.since(30)
			.arr(280_000)
			.renewsIn(200)
			.terms("Net 30")
			.lines(0)
			.terminatedSow("Software Engineer search")
			.contact("Jane Doe", "Director of Talent Acquisition (primary contact)", "jane.doe@datasystemsinc.com",
					CHAMPION, HIGH)
			.contact("John Smith", "VP Operations", "john.smith@datasystemsinc.com", EXECUTIVE, HIGH)
			.contact("Marcus Hale", "Controller", FINANCE, LOW)
			.team("priya.sharma", "Recruiter"));
		all.add(account("MegaBank").industry("Banking")
			.employees(15000)
			.hq("New York, NY", NY)
			.since(40)
			.arr(480_000)
			.renewsIn(240)
			.terms("Net 45")
			.lines(0)
			.sow("Legal & compliance contractors", 0.2)
			.contact("Sarah Chen", "VP Talent", "sarah.chen@megabank.com", ECONOMIC_BUYER, HIGH)
			.contact("Mark Johnson", "CTO", "mark.johnson@megabank.com", EXECUTIVE, HIGH)
			.contact("Victor Lindqvist", "VP of Data", HIRING_MANAGER, MEDIUM)
			.contact("Fatima Rahman", "Engineering Hiring Manager", HIRING_MANAGER, MEDIUM)
			.team("mike.brennan", "Recruiter"));
		all.add(account("RetailCo").industry("Retail / E-commerce")
			.employees(6000)
			.hq("Chicago, IL", CHI)
			.since(18)
			.arr(340_000)
			.renewsIn(182)
			.terms("Net 30")
			.lines(1)
			.contact("Jennifer Wu", "Hiring Manager, Digital Experience", "jennifer.wu@retailco.com", HIRING_MANAGER,
					MEDIUM)
			.contact("Chloe Foster", "CMO", EXECUTIVE, HIGH)
			.contact("Ryan Murphy", "VP of IT", ECONOMIC_BUYER, HIGH)
			.team("sarah.kim", "Recruiter"));
		all.add(account("FinanceHub").industry("Financial Technology")
			.employees(1200)
			.hq("Charlotte, NC", NY)
			.since(28)
			.arr(310_000)
			.renewsIn(120)
			.terms("Net 30")
			.lines(2)
			.contact("Lisa Martinez", "VP of Engineering", "lisa.martinez@financehub.com", CHAMPION, HIGH)
			.contact("Hugo Dubois", "CFO", ECONOMIC_BUYER, HIGH)
			.contact("Tara Iyer", "Talent Acquisition Manager", HIRING_MANAGER, MEDIUM)
			.team("mike.brennan", "Recruiter"));
		all.add(account("HealthTech").industry("Healthcare Technology")
			.employees(2000)
			.hq("Raleigh, NC", NY)
			.since(34)
			.arr(220_000)
			.renewsIn(95)
			.terms("Net 30")
			.lines(0)
			.contact("David Lee", "Director of Engineering", "david.lee@healthtech.com", HIRING_MANAGER, HIGH)
			.contact("Nora Castillo", "COO", EXECUTIVE, HIGH)
			.contact("Paul Novak", "Procurement Manager", FINANCE, LOW)
			.team("jennifer.walsh", "Recruiter"));
		all.add(account("InsureCo").industry("Insurance")
			.employees(4500)
			.hq("Des Moines, IA", CHI)
			.since(44)
			.arr(260_000)
			.renewsIn(210)
			.terms("Net 45")
			.lines(1)
			.expiredSow("Claims system modernization")
			.contact("Samuel Osei", "CTO", CHAMPION, HIGH)
			.contact("Elena Moreno", "Head of Talent", ECONOMIC_BUYER, HIGH)
			.contact("Derek Sullivan", "IT Hiring Manager", HIRING_MANAGER, MEDIUM));
		all.add(account("Nordlicht Logistik GmbH").industry("Logistics")
			.employees(1600)
			.hq("Hamburg, Germany", "Europe/Berlin")
			.emea("EUR")
			.domain("nordlicht-logistik.de")
			.since(26)
			.arr(180_000)
			.renewsIn(130)
			.terms("Net 30")
			.lines(3)
			.contact("Katrin Vogel", "Managing Director", EXECUTIVE, HIGH)
			.contact("Jonas Becker", "Head of IT", HIRING_MANAGER, MEDIUM)
			.contact("Miriam Hoffmann", "Finance Manager", FINANCE, LOW));
		all.add(account("Pioneer Energy Services").industry("Energy")
			.employees(3100)
			.hq("Houston, TX", CHI)
			.since(38)
			.arr(165_000)
			.renewsIn(60)
			.terms("Net 45")
			.lines(3));
		all.add(account("GrowthStartup").industry("Technology / Startup")
			.employees(180)
			.hq("San Francisco, CA", LA)
			.since(14)
			.arr(95_000)
			.renewsIn(300)
			.terms("Net 30")
			.lines(2)
			.contact("Ines Shah", "Head of People", "ines.shah@growthstartup.io", ECONOMIC_BUYER, HIGH)
			.contact("Felix Ito", "Engineering Manager", HIRING_MANAGER, MEDIUM));
		all.add(account("Harbourside Retail Ltd").industry("Retail")
			.employees(2800)
			.hq("London, United Kingdom", "Europe/London")
			.emea("GBP")
			.domain("harbourside.co.uk")
			.since(20)
			.arr(95_000)
			.renewsIn(125)
			.terms("Net 30")
			.lines(3)
			.contact("Oliver Hughes", "Chief Digital Officer", EXECUTIVE, HIGH)
			.contact("Amelia Clarke", "Head of Talent", ECONOMIC_BUYER, HIGH)
			.contact("Harry Whitmore", "Engineering Manager", HIRING_MANAGER, MEDIUM));
		all.add(account("Brightwave Media").industry("Media & Entertainment")
			.employees(900)
			.hq("Los Angeles, CA", LA)
			.since(15)
			.arr(140_000)
			.renewsIn(270)
			.terms("Net 30")
			.lines(3)
			.team("amanda.torres", "Recruiter"));
		// The rest of the portfolio: small and mid-sized clients, mostly Standard tier.
		Object[][] rest = { { "BrightPath Education", "Education", 650, "Boston, MA", NY, 31, 70, 45 },
				{ "Coastal Credit Union", "Financial Services", 420, "San Diego, CA", LA, 22, 50, 130 },
				{ "Summit Outdoor Gear", "Retail", 380, "Salt Lake City, UT", DEN, 19, 45, 210 },
				{ "NovaBio Labs", "Biotech", 240, "Cambridge, MA", NY, 27, 95, 75 },
				{ "Redline Logistics", "Logistics", 900, "Memphis, TN", CHI, 45, 120, 160 },
				{ "Greenfield Foods", "Food & Beverage", 1100, "Omaha, NE", CHI, 60, 80, 25 },
				{ "UrbanNest Realty", "Real Estate", 150, "Miami, FL", NY, 12, 35, 350 },
				{ "ClearView Analytics", "Data & Analytics", 300, "Atlanta, GA", NY, 33, 90, 100 },
				{ "Peak Performance Fitness", "Health & Fitness", 500, "Denver, CO", DEN, 24, 40, 240 },
				{ "Bluebird Travel", "Travel & Hospitality", 700, "Orlando, FL", NY, 40, 60, 185 },
				{ "Sterling Legal Group", "Legal Services", 260, "Philadelphia, PA", NY, 56, 75, 55 },
				{ "Maple Street Bank", "Banking", 800, "Cleveland, OH", NY, 64, 110, 115 },
				{ "Quartz Software", "Software", 210, "Boulder, CO", DEN, 17, 60, 260 },
				{ "Harborview Medical Group", "Healthcare", 1400, "Baltimore, MD", NY, 38, 125, 85 },
				{ "Trident Marine Systems", "Manufacturing", 620, "Norfolk, VA", NY, 29, 55, 150 },
				{ "SunPeak Renewables", "Energy", 340, "Albuquerque, NM", DEN, 21, 65, 290 },
				{ "Metro Transit Solutions", "Transportation", 950, "Newark, NJ", NY, 48, 85, 35 },
				{ "Falcon Cybersecurity", "Cybersecurity", 180, "Reston, VA", NY, 15, 100, 270 },
				{ "Willow Insurance Agency", "Insurance", 90, "Indianapolis, IN", "America/Indiana/Indianapolis", 36,
						30, 140 },
				{ "Cornerstone Builders", "Construction", 1300, "Kansas City, MO", CHI, 52, 90, 205 },
				{ "Pixel Forge Studios", "Gaming", 260, "Seattle, WA", LA, 13, 55, 330 },
				{ "Riverbend Health Partners", "Healthcare", 2100, "Louisville, KY", NY, 43, 115, 65 },
				{ "Kite Payments", "Fintech", 230, "New York, NY", NY, 20, 95, 225 },
				{ "Lighthouse Nonprofit Alliance", "Nonprofit", 120, "Washington, DC", NY, 26, 25, 175 },
				{ "Orchard Hill Wines", "Food & Beverage", 160, "Napa, CA", LA, 34, 35, 95 },
				{ "Vector Telecom", "Telecommunications", 1700, "St. Louis, MO", CHI, 58, 120, 250 },
				{ "Ember Hospitality Group", "Hospitality", 2400, "Las Vegas, NV", LA, 39, 75, 120 },
				{ "Northstar Consulting", "Professional Services", 450, "Minneapolis, MN", CHI, 47, 70, 310 },
				{ "Sequoia Pet Care", "Retail", 330, "Sacramento, CA", LA, 23, 45, 80 },
				{ "Helix Diagnostics", "Healthcare", 520, "San Diego, CA", LA, 30, 100, 195 } };
		String[] recruiters = { "sarah.kim", "priya.sharma", "mike.brennan", "jennifer.walsh", "david.kim",
				"amanda.torres" };
		for (int i = 0; i < rest.length; i++) {
			Object[] row = rest[i];
			DemoAccount a = account((String) row[0]).industry((String) row[1])
				.employees((Integer) row[2])
				.hq((String) row[3], (String) row[4])
				.since((Integer) row[5])
				.arr((Integer) row[6] * 1000L)
				.renewsIn((Integer) row[7])
				.terms(i % 5 == 4 ? "Net 45" : "Net 30")
				.lines(4 + i % 2);
			if (i % 7 == 3) {
				a.expiredSow("Seasonal hiring project");
			}
			if (i % 4 == 1) {
				a.team(recruiters[(i / 4) % recruiters.length], "Recruiter");
			}
			all.add(a);
		}
		all.forEach(a -> a.owner("am"));
		return all;
	}

}
