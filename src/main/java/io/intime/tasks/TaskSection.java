package io.intime.tasks;

import io.intime.accounts.AccountSection;

import org.springframework.stereotype.Component;

/** Account 360's Tasks tab. */
@Component
class TaskSection implements AccountSection {

	@Override
	public String id() {
		return "tasks";
	}

	@Override
	public String label() {
		return "Tasks";
	}

	@Override
	public int order() {
		return 55;
	}

}
