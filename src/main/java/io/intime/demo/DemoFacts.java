package io.intime.demo;

/**
 * One fact module's part of the demo world (jobs and placements, invoices, NPS responses
 * and activities, escalations, opportunities). {@link DemoWorld} calls every
 * implementation, in {@link #order()}, after the accounts, contacts and contracts exist
 * and inside the same transaction. An implementation creates its records through its
 * module's facade, so that the audit trail and the events tell how they came to be, and
 * makes them reproduce the spec's stories and the points of {@link DemoHealthPlan} when
 * scored as of {@link DemoSetting#today()}; before today it leaves a plausible history of
 * about 15 months so that the health trend has something to show.
 */
interface DemoFacts {

	/**
	 * Lower runs first (staffing 10, billing 20, engagement 30, escalations 40, revenue
	 * 50).
	 */
	int order();

	/** Creates this module's demo records. */
	void create(DemoSetting world);

}
