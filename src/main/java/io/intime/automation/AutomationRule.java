package io.intime.automation;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import io.intime.accounts.Tier;

/**
 * A rule as pages and the API show it: its condition with the parameters that condition
 * takes (the others null), what it does, who owns what it starts, and how often it fired.
 *
 * @param key the stable key of a rule every organization starts with, null for rules
 * admins added
 * @param days for {@link ConditionKind#CONTRACT_ENDING}: how many days before the end
 * @param threshold for {@link ConditionKind#HEALTH_BELOW}: the score it must drop below
 * @param tiers for {@link ConditionKind#QUARTERLY}: the tiers whose accounts it covers
 * @param templateId the template it starts (null for an SMS alert)
 * @param templateName its name, null when none
 * @param templateArchived whether that template is archived (the rule then starts
 * nothing)
 * @param ownerUserId the person for {@link OwnerKind#USER}
 * @param lastFiredAt the latest firing, null before the first
 */
public record AutomationRule(long id, String key, String name, ConditionKind condition, Integer days, Integer threshold,
		List<Tier> tiers, ActionKind action, Long templateId, String templateName, boolean templateArchived,
		OwnerKind ownerKind, Long ownerUserId, String ownerName, boolean enabled, long version, Instant lastFiredAt,
		long firings, Instant updatedAt, String updatedBy) {

	public AutomationRule {
		tiers = tiers == null ? List.of() : List.copyOf(tiers);
	}

	/** The condition in words, e.g. "An active contract ends within 90 days". */
	public String conditionText() {
		return switch (condition) {
			case CONTRACT_ENDING -> "An active contract ends within " + days + (days == 1 ? " day" : " days");
			case HEALTH_BELOW -> "The health score drops below " + threshold;
			case KEY_CONTACT_LEFT ->
				"A key contact leaves (an executive, economic buyer or champion, or of high influence)";
			case QUARTERLY -> "Each quarter, for " + tierText() + " accounts";
			case BILLING_DISPUTE -> "An invoice is disputed";
			case FIRST_CONTRACT_SIGNED -> "A prospect's first contract is signed";
		};
	}

	/** The tiers in words, e.g. "Strategic and Growth". */
	public String tierText() {
		if (tiers.isEmpty()) {
			return "no";
		}
		List<String> labels = tiers.stream().map(Tier::label).toList();
		if (labels.size() == 1) {
			return labels.get(0);
		}
		return labels.subList(0, labels.size() - 1).stream().collect(Collectors.joining(", ")) + " and "
				+ labels.get(labels.size() - 1);
	}

	/** What it does in words, e.g. "Start Annual Renewal". */
	public String actionText() {
		if (action == ActionKind.SMS_ALERT) {
			return "SMS to the account manager";
		}
		return "Start " + (templateName == null ? "a workflow" : templateName);
	}

	/** Who owns the runs it starts, in words. */
	public String ownerText() {
		if (action == ActionKind.SMS_ALERT) {
			return "—";
		}
		return switch (ownerKind) {
			case ACCOUNT_MANAGER -> "The account manager";
			case EXECUTIVE_SPONSOR -> "The executive sponsor";
			case USER -> ownerName == null ? "A person no longer here" : ownerName;
		};
	}

	/** Whether the daily scan looks for its condition. */
	public boolean scanned() {
		return condition.scanned();
	}

	/** The rule as its edit form starts. */
	public RuleForm form() {
		return new RuleForm(name, condition, days, threshold, tiers, action, templateId, ownerKind, ownerUserId,
				enabled);
	}

}
