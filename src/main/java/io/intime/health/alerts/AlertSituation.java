package io.intime.health.alerts;

import java.time.LocalDate;

import io.intime.accounts.HealthBand;

/**
 * What the alert rules look at for one account after its score was computed. Any fact may
 * be null (not known); a rule whose fact is unknown does not fire.
 *
 * @param previousBand the band before this computation, null for a first score
 * @param band the band now
 */
public record AlertSituation(long accountId, boolean strategic, HealthBand previousBand, HealthBand band, int score,
		Integer accountNps, Integer accountNpsPrevious, Integer daysSinceExecutiveTouchpoint,
		LocalDate lastExecutiveTouchpoint, Integer daysSinceLastHire, LocalDate lastHireDate, String lastHireTitle,
		Integer maxDaysOverdue, String mostOverdueInvoice, Long mostOverdueInvoiceId, Integer escalations30d) {
}
