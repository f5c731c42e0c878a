package io.intime.escalations;

import io.intime.accounts.AccountSection;

import org.springframework.stereotype.Component;

/** Account 360's Escalations tab. */
@Component
class EscalationSection implements AccountSection {

	@Override
	public String id() {
		return "escalations";
	}

	@Override
	public String label() {
		return "Escalations";
	}

	@Override
	public int order() {
		return 50;
	}

}
