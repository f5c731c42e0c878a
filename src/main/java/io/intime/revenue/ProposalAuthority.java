package io.intime.revenue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.Money;

/**
 * What an account manager may offer on their own (spec 03, Contract Management: "Propose
 * Rate Changes ✅ (requires Director approval)"): rates within the contract's rate card
 * and a discount up to their authority (5% unless configured). Anything beyond is flagged
 * on the proposal, and such a proposal is approved only by a sales director or an
 * executive; an admin may approve only one without flags. Nobody approves a proposal
 * without a review.
 */
public final class ProposalAuthority {

	private ProposalAuthority() {
	}

	/**
	 * A rate line with the rate card's range for its role (null when not on the card).
	 */
	public record Line(String role, BigDecimal rate, BigDecimal cardMin, BigDecimal cardMax) {
	}

	/**
	 * The reasons the proposal needs a director's approval, in the order of its lines;
	 * empty when it is within the account manager's authority.
	 */
	public static List<String> flags(List<Line> lines, BigDecimal discountPercent, BigDecimal authorityPercent,
			String currency) {
		List<String> flags = new ArrayList<>();
		for (Line line : lines) {
			if (line.cardMin() != null && line.rate() != null && line.rate().compareTo(line.cardMin()) < 0) {
				flags.add("needs director approval: " + line.role() + " at "
						+ ProjectedValue.money(new Money(line.rate(), currency)) + "/hr is below the rate card's "
						+ ProjectedValue.money(new Money(line.cardMin(), currency)));
			}
		}
		if (discountPercent != null && discountPercent.compareTo(authorityPercent) > 0) {
			flags.add("needs director approval: a " + discountPercent.stripTrailingZeros().toPlainString()
					+ "% discount is beyond an account manager's "
					+ authorityPercent.stripTrailingZeros().toPlainString() + "%");
		}
		return flags;
	}

	/** Whether the user may approve a proposal with or without flags. */
	public static boolean mayApprove(CurrentUser user, boolean flagged) {
		if (user.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE)) {
			return true;
		}
		return !flagged && user.hasRole(Role.ADMIN);
	}

}
