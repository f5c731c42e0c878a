package io.intime.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An expansion proposal as pages and the API show it: where it stands, its current
 * version's content with the rate card beside each rate, what needs a director's
 * approval, the projected value, and every saved version.
 *
 * @param approvedVersion the version that was approved (null: none, or a later edit needs
 * approval again)
 * @param version the proposal's optimistic version, for the write's check
 */
public record ProposalView(long id, long opportunityId, long accountId, String accountName, String opportunityTitle,
		String currency, ProposalStatus status, int currentVersion, Integer approvedVersion, Long reviewerId,
		String reviewerName, String reviewComment, String reviewedBy, Instant reviewedAt, Integer sentVersion,
		Instant sentAt, String sentBy, boolean hasPdf, Content content, List<String> flags, ProjectedValue projection,
		List<VersionInfo> versions, long version) {

	/** A saved version's content. */
	public record Content(int number, String title, Map<ProposalSection, String> sections, List<RateLine> rates,
			BigDecimal discountPercent, int lowRoles, int lowMonths, int highRoles, int highMonths, int hoursPerMonth,
			String author, String authorName, Instant at) {

		public String section(ProposalSection section) {
			String text = sections.get(section);
			return text == null ? "" : text;
		}
	}

	/** A proposed rate with the rate card's range for the role (null when not on it). */
	public record RateLine(String role, BigDecimal rate, BigDecimal cardMin, BigDecimal cardMax) {

		public boolean belowCard() {
			return cardMin != null && rate.compareTo(cardMin) < 0;
		}
	}

	/** One saved version: its number, author and time. */
	public record VersionInfo(int number, String authorName, Instant at) {
	}

	/** Whether it needs a sales director's (or an executive's) approval. */
	public boolean needsDirector() {
		return !flags.isEmpty();
	}

	/** Whether its current version is approved and may be sent. */
	public boolean sendable() {
		return status == ProposalStatus.APPROVED && approvedVersion != null && approvedVersion == currentVersion;
	}

}
