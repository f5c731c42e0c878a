package io.intime.demo;

import java.util.ArrayList;
import java.util.List;

import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;

/**
 * One account of the demo world as the stories describe it: who owns it, its ARR and when
 * it renews, its contacts and team. {@link DemoWorld} turns it into facade calls; ARR is
 * split over the service lines of its contracts so that the sum of the ACTIVE lines is
 * exactly {@link #arr}.
 */
final class DemoAccount {

	final String name;

	String industry;

	Integer employees;

	String hq;

	String timeZone = "America/New_York";

	String region = "North America";

	String currency = "USD";

	String domain;

	String owner;

	boolean strategic;

	int monthsAgo = 24;

	long arr;

	/** ARR of the previous (RENEWED) term; null means about 8 % less than today. */
	Long priorArr;

	/** Days from today to the end of the current term (the renewal date). */
	Integer renewsInDays;

	/**
	 * The current term started this many days ago (a recent renewal); overrides
	 * renewsInDays.
	 */
	Integer renewedDaysAgo;

	String paymentTerms;

	/** Part of ARR carried by an ACTIVE SOW under the MSA (0 = MSA only). */
	double sowShare;

	String sowName;

	/** A finished project: an EXPIRED SOW in the previous term. */
	String expiredSow;

	/** A renewal MSA still being negotiated (DRAFT), with this annual value. */
	Long draftRenewal;

	/** A SOW stopped early by the client (TERMINATED). */
	String terminatedSow;

	int lineTemplate;

	final List<Person> contacts = new ArrayList<>();

	final List<Member> team = new ArrayList<>();

	private DemoAccount(String name) {
		this.name = name;
	}

	static DemoAccount account(String name) {
		return new DemoAccount(name);
	}

	DemoAccount industry(String industry) {
		this.industry = industry;
		return this;
	}

	DemoAccount employees(int employees) {
		this.employees = employees;
		return this;
	}

	DemoAccount hq(String hq, String timeZone) {
		this.hq = hq;
		this.timeZone = timeZone;
		return this;
	}

	DemoAccount emea(String currency) {
		this.region = "EMEA";
		this.currency = currency;
		return this;
	}

	DemoAccount domain(String domain) {
		this.domain = domain;
		return this;
	}

	DemoAccount owner(String username) {
		this.owner = username;
		return this;
	}

	DemoAccount strategic() {
		this.strategic = true;
		return this;
	}

	DemoAccount since(int monthsAgo) {
		this.monthsAgo = monthsAgo;
		return this;
	}

	DemoAccount arr(long arr) {
		this.arr = arr;
		return this;
	}

	DemoAccount priorArr(long priorArr) {
		this.priorArr = priorArr;
		return this;
	}

	DemoAccount renewsIn(int days) {
		this.renewsInDays = days;
		return this;
	}

	DemoAccount renewedDaysAgo(int days) {
		this.renewedDaysAgo = days;
		return this;
	}

	DemoAccount terms(String paymentTerms) {
		this.paymentTerms = paymentTerms;
		return this;
	}

	DemoAccount sow(String name, double share) {
		this.sowName = name;
		this.sowShare = share;
		return this;
	}

	DemoAccount expiredSow(String project) {
		this.expiredSow = project;
		return this;
	}

	DemoAccount draftRenewal(long annualValue) {
		this.draftRenewal = annualValue;
		return this;
	}

	DemoAccount terminatedSow(String project) {
		this.terminatedSow = project;
		return this;
	}

	DemoAccount lines(int template) {
		this.lineTemplate = template;
		return this;
	}

	DemoAccount contact(String name, String title, StakeholderRole role, Influence influence) {
		contacts.add(new Person(name, title, null, role, influence, true));
		return this;
	}

	DemoAccount contact(String name, String title, String email, StakeholderRole role, Influence influence) {
		contacts.add(new Person(name, title, email, role, influence, true));
		return this;
	}

	/** A person who has left the client (kept for history, inactive). */
	DemoAccount formerContact(String name, String title, StakeholderRole role, Influence influence) {
		contacts.add(new Person(name, title, null, role, influence, false));
		return this;
	}

	DemoAccount team(String username, String teamRole) {
		team.add(new Member(username, teamRole));
		return this;
	}

	record Person(String name, String title, String email, StakeholderRole role, Influence influence, boolean active) {
	}

	record Member(String username, String teamRole) {
	}

}
