package io.intime.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.intime.billing.InvoiceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DemoBilling's plan works whatever day the demo world is created on: for every day of a
 * year and every account, the invoices' average days to pay (as BillingFacts measures it)
 * lands in the band of the planned payment points, and the TechCorp and ABC stories hold.
 */
class DemoBillingTest {

	@Test
	void everyAccountLandsInItsPaymentBandOnEveryDayOfTheYear() {
		List<DemoAccount> catalog = new ArrayList<>(DemoCatalog.strategicAccounts());
		catalog.addAll(DemoCatalog.accountManagerPortfolio());
		DemoHealthPlan plan = DemoHealthPlan.of(catalog);
		LocalDate first = LocalDate.of(2026, 1, 1);
		for (int day = 0; day < 366; day++) {
			LocalDate today = first.plusDays(day);
			Random random = new Random(day);
			for (DemoAccount account : catalog) {
				int points = plan.of(account.name).payment();
				List<DemoBilling.Planned> invoices = DemoBilling.plan(account, points, today, random);
				BigDecimal average = DemoBilling.average(invoices, today);
				assertThat(points(average)).as(account.name + " on " + today + ": " + average).isEqualTo(points);
				assertThat(invoices).allSatisfy(p -> assertThat(p.due).isAfterOrEqualTo(p.issued));
				if (account.name.equals("TechCorp")) {
					DemoBilling.Planned story = invoices.stream()
						.filter(p -> DemoBilling.TECHCORP_INVOICE.equals(p.number))
						.findFirst()
						.orElseThrow();
					assertThat(story.due).isEqualTo(today.minusDays(45));
					assertThat(invoices).filteredOn(p -> !p.paidBy(today) && p.due.isBefore(today))
						.containsExactly(story);
				}
				if (account.name.equals("ABC Technologies")) {
					assertThat(invoices).filteredOn(p -> !p.paidBy(today) && p.due.isBefore(today.minusDays(45)))
						.extracting(p -> p.unpaid)
						.containsExactlyInAnyOrder(InvoiceStatus.OVERDUE, InvoiceStatus.DISPUTED);
				}
			}
		}
	}

	private static int points(BigDecimal average) {
		double days = average.doubleValue();
		return days < 15 ? 20 : days <= 30 ? 15 : days <= 45 ? 10 : days <= 60 ? 5 : 0;
	}

}
