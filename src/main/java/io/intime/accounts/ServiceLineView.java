package io.intime.accounts;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A service line as pages and the API show it; the value is in the contract's currency.
 */
public record ServiceLineView(Long id, String name,
		@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal annualValue) {
}
