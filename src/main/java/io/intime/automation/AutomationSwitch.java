package io.intime.automation;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the rules act on their own: the daily scan on the scheduler and the listeners
 * that notice conditions as they happen ({@code intime.automation.live}, on by default).
 * Off, rules still fire when an admin runs the scan; the test contexts turn it off so
 * that one test's records start no runs behind another test's back.
 */
@Component
class AutomationSwitch {

	private volatile boolean live;

	AutomationSwitch(@Value("${intime.automation.live:true}") boolean live) {
		this.live = live;
	}

	boolean live() {
		return live;
	}

	/** For tests of the listeners, which turn it on for their own accounts' events. */
	void live(boolean live) {
		this.live = live;
	}

}
