package io.intime.executive;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.intime.accounts.HealthBand;
import io.intime.shared.Money;
import io.intime.shared.MoneyFormat;

/**
 * Which strategic accounts need the executive, and why (spec 01 step 1, "Executive
 * actions needed"). Explicit rules over the facts, each giving its reason as a sentence:
 * <p>
 * <b>Urgent</b>: flagged critical by an executive; Red health; an open escalation on an
 * account that is not Green (churn risk); the contract ends within 30 days and is not
 * Green or its renewal is stalled (a renewal contract still a draft).
 * <p>
 * <b>Attention</b>: the contract ends within 30 days otherwise; the NPS fell by
 * {@value #NPS_DROP} points or more (last 90 days against the 90 before); no executive
 * call or meeting in {@value #TOUCHPOINT_DAYS} days; an expansion in negotiation awaits
 * the firm's approval; a QBR within {@value #QBR_PREP_DAYS} days needs preparing;
 * {@value #FALLOFFS} or more placements fell off in 60 days; a new executive contact
 * joined in the last 90 days and no executive has met the client since.
 * <p>
 * Each account appears once, urgent or attention, with every reason; urgent ones first,
 * larger ARR first.
 */
public final class ExecutiveActions {

	static final int NPS_DROP = 10;

	static final int TOUCHPOINT_DAYS = 90;

	static final int QBR_PREP_DAYS = 14;

	static final int RENEWAL_DAYS = 30;

	static final int FALLOFFS = 2;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d", Locale.US);

	private ExecutiveActions() {
	}

	public static List<ExecutiveAction> of(List<AccountSignals> portfolio) {
		List<ExecutiveAction> actions = new ArrayList<>();
		for (AccountSignals s : portfolio) {
			List<String> urgent = new ArrayList<>();
			List<String> attention = new ArrayList<>();
			HealthBand band = s.band();
			if (s.account().criticalSince() != null) {
				urgent.add("Flagged critical"
						+ (s.account().criticalReason() == null ? "" : ": " + s.account().criticalReason()));
			}
			if (band == HealthBand.RED) {
				urgent.add("Critical health (" + s.account().healthScore() + "/100)");
			}
			if (s.openEscalations() > 0 && band != HealthBand.GREEN) {
				urgent.add(s.openEscalations() == 1 ? "Open escalation, churn risk"
						: s.openEscalations() + " open escalations, churn risk");
			}
			Long days = s.daysToRenewal();
			if (days != null && days >= 0 && days <= RENEWAL_DAYS) {
				String renewal = "Contract renewal in " + days + (days == 1 ? " day" : " days")
						+ (s.account().renewalStalled() ? ", negotiation stalled" : "");
				if (band != HealthBand.GREEN || s.account().renewalStalled()) {
					urgent.add(renewal);
				}
				else {
					attention.add(renewal);
				}
			}
			Integer now = s.npsNow();
			Integer before = s.npsBefore();
			if (now != null && before != null && before - now >= NPS_DROP) {
				attention.add("NPS dropped from " + before + " to " + now);
			}
			Integer since = s.daysSinceTouch();
			if (since == null) {
				attention.add("No executive touchpoint on record");
			}
			else if (since >= TOUCHPOINT_DAYS) {
				attention.add("No executive touchpoint in " + since + " days (overdue)");
			}
			if (s.pipeline() != null && s.pipeline().negotiating() > 0) {
				attention.add("Expansion discussion pending executive approval" + (s.pipeline().negotiatingUsd() == null
						? "" : " (" + MoneyFormat.compact(new Money(s.pipeline().negotiatingUsd(), "USD")) + ")"));
			}
			if (s.nextQbr() != null) {
				attention.add("QBR scheduled " + DAY.format(s.nextQbr().atOffset(ZoneOffset.UTC)) + " (prep needed)");
			}
			if (s.falloffs() >= FALLOFFS) {
				attention.add(s.falloffs() + " placements failed, quality concerns");
			}
			if (s.account().newExecutive() != null && (s.lastExecutiveTouch() == null || s.lastExecutiveTouch()
				.isBefore(s.account().newExecutiveAdded().atOffset(ZoneOffset.UTC).toLocalDate()))) {
				attention.add("New executive " + s.account().newExecutive() + ", relationship reset needed");
			}
			if (!urgent.isEmpty() || !attention.isEmpty()) {
				List<String> reasons = new ArrayList<>(urgent);
				reasons.addAll(attention);
				actions.add(new ExecutiveAction(s.account().id(), s.account().name(), s.account().arrUsd(),
						!urgent.isEmpty(), List.copyOf(reasons), s.lastExecutiveTouch(), since));
			}
		}
		actions.sort(Comparator.comparing((ExecutiveAction a) -> !a.urgent())
			.thenComparing((ExecutiveAction a) -> a.arr().amount(), Comparator.reverseOrder())
			.thenComparing(ExecutiveAction::accountName));
		return actions;
	}

}
