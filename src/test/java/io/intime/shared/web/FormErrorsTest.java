package io.intime.shared.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.intime.shared.FieldError;
import org.junit.jupiter.api.Test;

import org.springframework.beans.MutablePropertyValues;
import org.springframework.validation.DataBinder;

import static org.assertj.core.api.Assertions.assertThat;

class FormErrorsTest {

	public static class Form {

		private BigDecimal amount;

		private Integer count;

		public BigDecimal getAmount() {
			return amount;
		}

		public void setAmount(BigDecimal amount) {
			this.amount = amount;
		}

		public Integer getCount() {
			return count;
		}

		public void setCount(Integer count) {
			this.count = count;
		}

	}

	private static DataBinder bind(Map<String, String> values) {
		DataBinder binder = new DataBinder(new Form(), "form");
		binder.bind(new MutablePropertyValues(values));
		return binder;
	}

	@Test
	void typeErrorsOfBindingNameTheValueAndTheExpectedShapeWithThePagesExample() {
		DataBinder binder = bind(Map.of("amount", "12OO", "count", "lots"));

		FormErrors errors = FormErrors.of(binder.getBindingResult(), "85420");

		assertThat(errors.get("amount")).isEqualTo("'12OO' is not an amount (e.g. 85420 or 85420.50)");
		assertThat(errors.get("count")).isEqualTo("'lots' is not a whole number");
		assertThat(FormErrors.of(bind(Map.of("amount", "x")).getBindingResult()).get("amount"))
			.isEqualTo("'x' is not an amount (e.g. 125000 or 125000.50)");
	}

	@Test
	void facadeMessagesOfNestedFieldsAreShownBesideThePagesFlatFields() {
		FormErrors errors = FormErrors.none()
			.renaming(Map.of("amount.amount", "amount", "amount.currency", "currency"))
			.addAll(List.of(new FieldError("amount.amount", "must be more than 0"),
					new FieldError("amount.currency", "'XYZ' is not a currency we invoice in"),
					new FieldError("dueDate", "must be on or after the issue date")));

		assertThat(errors.all()).containsExactly(Map.entry("amount", "must be more than 0"),
				Map.entry("currency", "'XYZ' is not a currency we invoice in"),
				Map.entry("dueDate", "must be on or after the issue date"));
	}

	@Test
	void theFirstMessageOfAFieldWinsAndMessagesOfHiddenFieldsAreKeptForTheSummary() {
		FormErrors errors = FormErrors
			.of(List.of(new FieldError("name", "must not be blank"), new FieldError("name", "is too long"),
					new FieldError("serviceLines[1].annualValue", "must be 0 or more"),
					new FieldError("ownerId", "is deactivated")));

		assertThat(errors.get("name")).isEqualTo("must not be blank");
		assertThat(errors.count()).isEqualTo(3);
		assertThat(errors.outside("name", "serviceLines")).containsOnlyKeys("ownerId");
	}

	@Test
	void aFieldsMessageHasAnIdItsInputCanPointAt() {
		FormErrors errors = FormErrors.none();

		assertThat(errors.id("serviceLines[1].annualValue")).isEqualTo("error-serviceLines-1--annualValue");
		assertThat(errors.id("amount")).isEqualTo("error-amount");
	}

}
