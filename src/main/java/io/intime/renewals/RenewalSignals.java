package io.intime.renewals;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.intime.accounts.Tier;
import io.intime.billing.BillingFacts;
import io.intime.billing.PaymentFacts;
import io.intime.engagement.EngagementFacts;
import io.intime.engagement.ExecutiveFacts;
import io.intime.engagement.NpsFacts;
import io.intime.escalations.EscalationFacts;
import io.intime.health.HealthScores;
import io.intime.shared.database.AccountScope;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The raw values of the {@link RenewalFactor}s for a set of accounts on a day, read from
 * the fact modules in one statement each. Missing facts take the neutral value (no NPS
 * response: no trend; never scored: health 70), and an account no executive touched in
 * 180 days counts 180 days.
 */
@Service
public class RenewalSignals {

	static final int TOUCH_WINDOW = 180;

	private final HealthScores health;

	private final EngagementFacts engagement;

	private final EscalationFacts escalations;

	private final BillingFacts billing;

	RenewalSignals(HealthScores health, EngagementFacts engagement, EscalationFacts escalations, BillingFacts billing) {
		this.health = health;
		this.engagement = engagement;
		this.escalations = escalations;
		this.billing = billing;
	}

	/** The factor values per account, in {@link RenewalFactor} order. */
	@Transactional(readOnly = true)
	public Map<Long, double[]> on(LocalDate day, Map<Long, Tier> tiers) {
		Collection<Long> ids = tiers.keySet();
		Map<Long, double[]> values = new HashMap<>();
		if (ids.isEmpty()) {
			return values;
		}
		AccountScope scope = AccountScope.of(ids);
		Map<Long, Integer> now = health.scoresOn(day, scope);
		Map<Long, Integer> before = health.scoresOn(day.minusDays(90), scope);
		Map<Long, ExecutiveFacts> executive = engagement.executive(day, TOUCH_WINDOW, scope);
		Map<Long, NpsFacts> nps = engagement.nps(day, 180, scope);
		Map<Long, Integer> severe = escalations.openSevere(day, scope);
		Map<Long, PaymentFacts> payment = billing.payment(day, 365, scope);
		for (Long id : ids) {
			double score = now.getOrDefault(id, 70);
			double trend = now.containsKey(id) && before.containsKey(id) ? now.get(id) - before.get(id) : 0;
			ExecutiveFacts e = executive.get(id);
			double touch = e == null || e.lastTouchpoint() == null ? TOUCH_WINDOW
					: Math.min(TOUCH_WINDOW, ChronoUnit.DAYS.between(e.lastTouchpoint(), day));
			PaymentFacts p = payment.get(id);
			double days = p == null || p.averageDaysToPay() == null ? 30 : p.averageDaysToPay().doubleValue();
			NpsFacts n = nps.get(id);
			double npsTrend = n == null || n.accountNps() == null || n.accountNpsPrevious() == null ? 0
					: n.accountNps() - n.accountNpsPrevious();
			Tier tier = tiers.get(id);
			double tierValue = tier == Tier.STRATEGIC ? 1 : tier == Tier.STANDARD ? -1 : 0;
			values.put(id, new double[] { score, trend, touch, severe.getOrDefault(id, 0), days, npsTrend, tierValue });
		}
		return values;
	}

}
