package io.intime.revenue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a user writes in a proposal: its title, the text of each section, the rate lines
 * (a role and the proposed hourly rate in the proposal's currency), a volume discount in
 * percent, and the projection's inputs (roles and months of the conservative and the
 * optimistic case, billable hours a month). A missing section is empty.
 */
public record ProposalForm(String title, Map<ProposalSection, String> sections, List<Rate> rates,
		BigDecimal discountPercent, Integer lowRoles, Integer lowMonths, Integer highRoles, Integer highMonths,
		Integer hoursPerMonth) {

	/** A role at a proposed hourly rate. */
	public record Rate(String role, BigDecimal rate) {
	}

	public String section(ProposalSection section) {
		String text = sections == null ? null : sections.get(section);
		return text == null ? "" : text;
	}

}
