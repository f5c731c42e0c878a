package io.intime.health.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The facts of one account that the health page's risk factors and recommended actions
 * read (any may be null: not known). Filled from the same facts the score is computed
 * from.
 */
public record HealthSnapshot(long accountId, boolean strategic, String sponsorName, LocalDate today, Integer openJobs,
		Integer hiresLast90, LocalDate lastHireDate, String lastHireTitle, Integer falloffs60,
		BigDecimal averageDaysToPay, Integer maxDaysOverdue, String overdueInvoice, Long overdueInvoiceId,
		Integer latestNpsScore, LocalDate latestNpsDate, String latestNpsComment, Integer accountNps,
		Integer accountNpsPrevious, LocalDate lastExecutiveTouchpoint, Integer executiveTouchpoints90,
		Long unresponsiveContactId, String unresponsiveContactName, Integer unansweredEmails, Integer escalations30,
		Integer escalations90, Integer openEscalations, String lastEscalationTitle, Integer openOpportunities,
		BigDecimal largestOpportunityUsd, String largestOpportunityTitle, List<Person> contacts) {

	/** A contact of the account, for actions that name whom to reach. */
	public record Person(long id, String name, String title, String role, boolean active) {
	}
}
