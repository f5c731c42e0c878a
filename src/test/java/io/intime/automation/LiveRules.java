package io.intime.automation;

import org.springframework.context.ApplicationContext;

/**
 * Lets the rules act on their own for the length of one test: the shared test contexts
 * run with {@code intime.automation.live} off so that no test's records start runs behind
 * another's back, and the browser tests that show a rule reacting to what a person did on
 * a page turn it on around that person's clicks only.
 */
public final class LiveRules implements AutoCloseable {

	private final AutomationSwitch automation;

	private final boolean was;

	private LiveRules(AutomationSwitch automation) {
		this.automation = automation;
		this.was = automation.live();
		automation.live(true);
	}

	public static LiveRules on(ApplicationContext context) {
		return new LiveRules(context.getBean(AutomationSwitch.class));
	}

	@Override
	public void close() {
		automation.live(was);
	}

}
