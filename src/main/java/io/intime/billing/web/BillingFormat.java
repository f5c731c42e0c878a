package io.intime.billing.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.intime.shared.Money;

import org.springframework.stereotype.Component;

/**
 * Invoice amounts as finance reads them, always with cents ("$85,420.00", "€1,200.50"), and
 * totals in several currencies ("$2,000.00 + €300.00"); reachable from templates as
 * {@code @billingFormat}.
 */
@Component("billingFormat")
public class BillingFormat {

    public String money(Money money) {
        if (money == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        BigDecimal amount = money.amount();
        return (amount.signum() < 0 ? "-" : "") + symbol(money.currency()) + format.format(amount.abs());
    }

    /** Amounts in several currencies joined with "+", or "—" for none. */
    public String total(List<Money> amounts) {
        return amounts == null || amounts.isEmpty() ? "—" : amounts.stream().map(this::money).collect(Collectors.joining(" + "));
    }

    private static String symbol(String currency) {
        return switch (currency) {
            case "USD" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY" -> "¥";
            case "INR" -> "₹";
            default -> currency + " ";
        };
    }
}
