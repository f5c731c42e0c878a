package io.intime.automation;

import java.util.List;

import io.intime.accounts.Tier;

/**
 * What an admin gives for a rule. Only the parameter its condition takes is read
 * ({@code days}, {@code threshold} or {@code tiers}); the others may be null.
 *
 * @param condition fixed once the rule exists
 * @param templateId required to start a workflow, ignored for an SMS alert
 * @param ownerKind null for {@link OwnerKind#ACCOUNT_MANAGER}
 * @param ownerUserId required for {@link OwnerKind#USER}
 * @param enabled null for true
 */
public record RuleForm(String name, ConditionKind condition, Integer days, Integer threshold, List<Tier> tiers,
		ActionKind action, Long templateId, OwnerKind ownerKind, Long ownerUserId, Boolean enabled) {

	public RuleForm withDays(Integer days) {
		return new RuleForm(name, condition, days, threshold, tiers, action, templateId, ownerKind, ownerUserId,
				enabled);
	}

	public RuleForm withEnabled(boolean enabled) {
		return new RuleForm(name, condition, days, threshold, tiers, action, templateId, ownerKind, ownerUserId,
				enabled);
	}

}
