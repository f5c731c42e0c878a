package io.intime.billing;

import java.math.BigDecimal;

import io.intime.shared.Money;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/**
 * An amount as a form or a JSON body gives it, {@code {"amount": "85420.00", "currency": "USD"}}:
 * checked field by field (a missing currency means the account's billing currency) before it
 * becomes {@link Money}.
 */
public record MoneyInput(
        @NotNull @DecimalMin(value = "0.01", message = "must be more than 0") @Digits(integer = 12, fraction = 2, message = "must be an amount with at most 12 digits and 2 decimals") BigDecimal amount,
        String currency) {

    public static MoneyInput of(Money money) {
        return new MoneyInput(money.amount(), money.currency());
    }
}
