package io.intime.accounts;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * One line of a contract's rate card: the hourly bill rate range agreed for a role, in
 * the contract's currency ({@code unit} is always {@code HOUR}).
 */
public record ContractRateView(String role, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal minRate,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal maxRate, String currency, String unit) {
}
