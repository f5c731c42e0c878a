package io.intime.health.scoring;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import io.intime.billing.BillingFacts;
import io.intime.billing.PaymentFacts;
import io.intime.engagement.EngagementFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.EscalationFacts;
import io.intime.escalations.IssueFacts;
import io.intime.health.model.HealthModel;
import io.intime.health.model.Measure;
import io.intime.revenue.PipelineFacts;
import io.intime.revenue.RevenueFacts;
import io.intime.shared.database.AccountScope;
import io.intime.staffing.HiringFacts;
import io.intime.staffing.StaffingFacts;

import org.springframework.stereotype.Component;

/**
 * Gathers the facts a model reads from the fact modules, for many accounts at once: one
 * set-based statement per measure the model uses, whatever the number of accounts.
 */
@Component
public class FactsReader {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FactsReader.class);

	private final StaffingFacts staffing;

	private final BillingFacts billing;

	private final EngagementFacts engagement;

	private final EscalationFacts escalations;

	private final RevenueFacts revenue;

	FactsReader(StaffingFacts staffing, BillingFacts billing, EngagementFacts engagement, EscalationFacts escalations,
			RevenueFacts revenue) {
		this.staffing = staffing;
		this.billing = billing;
		this.engagement = engagement;
		this.escalations = escalations;
		this.revenue = revenue;
	}

	/**
	 * The facts of the given accounts as of a day; {@code scope} selects the same
	 * accounts in SQL (a list of ids or an id range). Windows come from the first
	 * component of each measure.
	 */
	public Map<Long, AccountFacts> read(HealthModel model, LocalDate asOf, Collection<Long> accountIds,
			AccountScope scope) {
		Map<Measure, Integer> windows = new EnumMap<>(Measure.class);
		model.components().forEach(c -> windows.putIfAbsent(c.measure(), c.windowDays()));
		long t0 = System.nanoTime();
		// time-to-fill has its own window; without hiring velocity in the model its
		// window
		// is the hires' too
		boolean hiringRead = windows.containsKey(Measure.HIRING_VELOCITY) || windows.containsKey(Measure.TIME_TO_FILL);
		int hireWindow = windows.getOrDefault(Measure.HIRING_VELOCITY, windows.getOrDefault(Measure.TIME_TO_FILL, 90));
		Map<Long, HiringFacts> hiring = hiringRead
				? staffing.hiring(asOf, hireWindow, windows.getOrDefault(Measure.TIME_TO_FILL, hireWindow), scope)
				: Collections.emptyMap();
		long t1 = System.nanoTime();
		Map<Long, PaymentFacts> payment = windows.containsKey(Measure.PAYMENT_PROMPTNESS)
				? billing.payment(asOf, windows.get(Measure.PAYMENT_PROMPTNESS), scope) : Collections.emptyMap();
		long t2 = System.nanoTime();
		// NPS drops and touchpoints feed the alerts too, so they are read whatever the
		// model holds.
		Map<Long, NpsFacts> nps = engagement.nps(asOf, windows.getOrDefault(Measure.NPS, 180), scope);
		long t3 = System.nanoTime();
		int touchpointWindow = windows.getOrDefault(Measure.EXECUTIVE_ENGAGEMENT, 90);
		Map<Long, ExecutiveFacts> executive = engagement.executive(asOf, touchpointWindow,
				windows.getOrDefault(Measure.MEETING_FREQUENCY, touchpointWindow), scope);
		long t4 = System.nanoTime();
		Map<Long, PipelineFacts> pipeline = windows.containsKey(Measure.EXPANSION_PIPELINE)
				? revenue.pipeline(asOf, scope) : Collections.emptyMap();
		long t5 = System.nanoTime();
		Map<Long, IssueFacts> issues = escalations.issues(asOf, windows.getOrDefault(Measure.ISSUE_FREQUENCY, 90),
				scope);
		long t6 = System.nanoTime();
		if (log.isDebugEnabled() && accountIds.size() > 100) {
			log.debug(
					"facts of {} accounts: hiring {} ms, payment {} ms, nps {} ms, executive {} ms, pipeline {} ms, issues {} ms",
					accountIds.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
					(t4 - t3) / 1_000_000, (t5 - t4) / 1_000_000, (t6 - t5) / 1_000_000);
		}
		Map<Long, AccountFacts> facts = new HashMap<>(accountIds.size() * 2);
		for (Long id : accountIds) {
			facts.put(id, new AccountFacts(id, asOf, hiring.get(id), payment.get(id), nps.get(id), executive.get(id),
					pipeline.get(id), issues.get(id)));
		}
		return facts;
	}

}
