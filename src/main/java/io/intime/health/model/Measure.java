package io.intime.health.model;

/**
 * What a component of a health model measures, and so which facts it reads and what its
 * band bounds mean. The measures are code (how a fact becomes a number); everything about
 * how the numbers become points — maximum, window, bands and thresholds — is data in the
 * model.
 * <p>
 * Each measure has a first input ({@code x}, bounded by a band's {@code min}/{@code max})
 * and may have a second ({@code y}, bounded by {@code min2}/{@code max2}).
 */
public enum Measure {

	/**
	 * x = jobs open today, y = hires (placements started, not fallen off) in the window.
	 */
	HIRING_VELOCITY("Open jobs", "Hires in the window", true, true, false),
	/** x = average days from issue to payment over the window's invoices (whole days). */
	PAYMENT_PROMPTNESS("Average days to pay", null, false, true, true),
	/** x = average NPS response (0–10) over the window. */
	NPS("Average NPS response (0–10)", null, true, true, true),
	/** x = executive touchpoints in the window, y = contacts engaged in the window. */
	EXECUTIVE_ENGAGEMENT("Executive touchpoints", "Contacts engaged", true, true, true),
	/** x = largest open expansion opportunity in US dollars, y = open opportunities. */
	EXPANSION_PIPELINE("Largest open opportunity (USD)", "Open opportunities", true, false, false),
	/**
	 * x = escalations raised in the window, y = escalations open or resolved outside
	 * their SLA policy's resolution time (not "resolved quickly", DESIGN decision 4).
	 */
	ISSUE_FREQUENCY("Escalations in the window", "Open or resolved outside SLA", false, true, false),
	/**
	 * x = calls and meetings with the client's contacts that took place in the window
	 * (spec 01's engagement: meeting frequency).
	 */
	MEETING_FREQUENCY("Client calls and meetings", null, true, true, true),
	/**
	 * x = average days from opened to filled over the jobs filled in the window, whole
	 * days (spec 01's outcomes: time-to-fill against the SLA).
	 */
	TIME_TO_FILL("Average days to fill", null, false, true, true);

	private final String input;

	private final String secondInput;

	private final boolean higherIsBetter;

	private final boolean windowed;

	private final boolean canBeMissing;

	Measure(String input, String secondInput, boolean higherIsBetter, boolean windowed, boolean canBeMissing) {
		this.input = input;
		this.secondInput = secondInput;
		this.higherIsBetter = higherIsBetter;
		this.windowed = windowed;
		this.canBeMissing = canBeMissing;
	}

	/** Name of the first input. */
	public String input() {
		return input;
	}

	/** Name of the second input, or null when the measure has one. */
	public String secondInput() {
		return secondInput;
	}

	/**
	 * Whether more of the inputs is better (true) or fewer (false): the direction an
	 * improvement takes.
	 */
	public boolean higherIsBetter() {
		return higherIsBetter;
	}

	/** Whether the component's window (days back from the day scored) applies. */
	public boolean windowed() {
		return windowed;
	}

	/**
	 * Whether the input can be unknown (no invoice, no NPS response, no activity on
	 * record).
	 */
	public boolean canBeMissing() {
		return canBeMissing;
	}

}
