package io.intime.revenue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.intime.shared.Money;

/**
 * A proposal's projected value (spec 02 step 15): for each case, roles × months × hours a
 * month × the average proposed hourly rate after the discount, with the arithmetic
 * written out so that the client (and the director) can follow it.
 *
 * @param averageRate the average of the proposed rates after the discount, per hour
 */
public record ProjectedValue(Money averageRate, Case conservative, Case optimistic) {

	/** One case: its inputs, its value and the sentence that shows the arithmetic. */
	public record Case(int roles, int months, int hoursPerMonth, Money value, String arithmetic) {
	}

	/**
	 * @param rates the proposed hourly rates (none: the value is 0)
	 * @param discountPercent 0–100, applied to every rate
	 */
	public static ProjectedValue of(List<BigDecimal> rates, BigDecimal discountPercent, int lowRoles, int lowMonths,
			int highRoles, int highMonths, int hoursPerMonth, String currency) {
		BigDecimal average = rates.isEmpty() ? BigDecimal.ZERO
				: rates.stream()
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.divide(BigDecimal.valueOf(rates.size()), 4, RoundingMode.HALF_UP);
		BigDecimal factor = BigDecimal.ONE.subtract((discountPercent == null ? BigDecimal.ZERO : discountPercent)
			.divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
		BigDecimal rate = average.multiply(factor).setScale(2, RoundingMode.HALF_UP);
		Money perHour = new Money(rate, currency);
		return new ProjectedValue(perHour, one(lowRoles, lowMonths, hoursPerMonth, perHour),
				one(highRoles, highMonths, hoursPerMonth, perHour));
	}

	/** An amount as a document shows it: "$72.50", "$65", "$417,600". */
	public static String money(Money money) {
		String shown = money.display();
		int dot = shown.lastIndexOf('.');
		return dot >= 0 && shown.length() - dot == 2 ? shown + "0" : shown;
	}

	private static Case one(int roles, int months, int hours, Money rate) {
		BigDecimal value = rate.amount()
			.multiply(BigDecimal.valueOf((long) roles * months * hours))
			.setScale(2, RoundingMode.HALF_UP);
		Money total = new Money(value, rate.currency());
		String arithmetic = roles + (roles == 1 ? " role" : " roles") + " × " + months
				+ (months == 1 ? " month" : " months") + " × " + hours + " h × " + money(rate) + "/h = " + money(total);
		return new Case(roles, months, hours, total, arithmetic);
	}

}
