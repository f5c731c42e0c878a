package io.intime.shared.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A {@link MoneyInput} whose amount is required and at least (or, not {@code inclusive},
 * more than) {@code value}; a violation is reported on the amount
 * ({@code amount.amount}), as the amount's own annotations would be.
 */
@Documented
@Constraint(validatedBy = MinimumAmount.Check.class)
@Target({ ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface MinimumAmount {

	/** The lower bound, as a decimal ("0", "0.01"). */
	String value();

	boolean inclusive() default true;

	String message() default "must be {value} or more";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks the bound and that an amount is there. */
	class Check implements ConstraintValidator<MinimumAmount, MoneyInput> {

		private BigDecimal minimum;

		private boolean inclusive;

		@Override
		public void initialize(MinimumAmount annotation) {
			this.minimum = new BigDecimal(annotation.value());
			this.inclusive = annotation.inclusive();
		}

		@Override
		public boolean isValid(MoneyInput input, ConstraintValidatorContext context) {
			if (input == null) {
				return true;
			}
			String message = null;
			if (input.amount() == null) {
				message = "is required";
			}
			else {
				int comparison = input.amount().compareTo(minimum);
				if (comparison < 0 || comparison == 0 && !inclusive) {
					message = context.getDefaultConstraintMessageTemplate();
				}
			}
			if (message == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(message).addPropertyNode("amount").addConstraintViolation();
			return false;
		}

	}

}
