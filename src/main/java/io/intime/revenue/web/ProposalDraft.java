package io.intime.revenue.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.revenue.ProposalSection;
import io.intime.revenue.ProposalView;

/**
 * The proposal form as typed, to show it again after a refusal (public: the template
 * calls {@link #rate}).
 */
public record ProposalDraft(String title, Map<ProposalSection, String> sections, List<String[]> rates,
		String discountPercent, String lowRoles, String lowMonths, String highRoles, String highMonths,
		String hoursPerMonth) {

	static ProposalDraft of(ProposalView.Content c) {
		List<String[]> rates = new ArrayList<>();
		c.rates().forEach(r -> rates.add(new String[] { r.role(), r.rate().toPlainString() }));
		return new ProposalDraft(c.title(), c.sections(), rates,
				c.discountPercent().stripTrailingZeros().toPlainString(), "" + c.lowRoles(), "" + c.lowMonths(),
				"" + c.highRoles(), "" + c.highMonths(), "" + c.hoursPerMonth());
	}

	/** The text of a section, empty when there is none. */
	public String section(ProposalSection section) {
		String text = sections == null ? null : sections.get(section);
		return text == null ? "" : text;
	}

	/** Row {@code i}'s role (part 0) or rate (part 1), empty beyond the typed rows. */
	public String rate(int i, int part) {
		return i < rates.size() ? rates.get(i)[part] : "";
	}

}
