package io.intime.staffing.web;

import io.intime.accounts.AccountSection;

import org.springframework.stereotype.Component;

/** Account 360's Jobs tab: open and closed jobs, placements and the hiring headline. */
@Component
class JobsSection implements AccountSection {

	static final String ID = "jobs";

	@Override
	public String id() {
		return ID;
	}

	@Override
	public String label() {
		return "Jobs";
	}

	@Override
	public int order() {
		return 10;
	}

}
