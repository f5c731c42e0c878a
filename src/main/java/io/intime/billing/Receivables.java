package io.intime.billing;

import java.time.LocalDate;
import java.util.List;

import io.intime.shared.Money;
import io.intime.shared.PageResult;

/**
 * Finance's receivables as of {@code asOf} over the accounts the reader may see (and the
 * filters asked for): the unpaid invoices by {@link ReceivablesSection}, each section
 * with its invoice count, its amounts per currency and their sum in the reporting
 * currency (converted at the constant rates), then the same per account.
 *
 * @param aging the four aging buckets of overdue invoices, youngest first
 * @param overdue the sum of the aging buckets
 * @param unpaid every unpaid invoice: overdue, disputed, due this week and due later
 * @param accounts the accounts with an overdue, disputed or due-this-week invoice, most
 * overdue (in the reporting currency) first
 */
public record Receivables(LocalDate asOf, String reportingCurrency, List<Line> aging, Line overdue, Line disputed,
		Line dueThisWeek, Line unpaid, PageResult<AccountLine> accounts) {

	/**
	 * One section: how many invoices, their amounts per currency (by currency code) and
	 * their sum in the reporting currency.
	 *
	 * @param key the section ({@link ReceivablesSection} name, or OVERDUE and UNPAID for
	 * the sums)
	 */
	public record Line(String key, String label, int count, List<Money> amounts, Money reporting) {
	}

	/**
	 * One account's receivables, each amount in the reporting currency;
	 * {@code currencies} names the currencies its invoices are in.
	 */
	public record AccountLine(long accountId, String accountKey, String accountName, Long ownerId, String ownerName,
			Money days0To30, Money days31To60, Money days61To90, Money daysOver90, Money overdue, Money disputed,
			Money dueThisWeek, Money unpaid, int overdueCount, List<String> currencies) {
	}

}
