package io.intime.shared.web;

import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.module.SimpleModule;

/**
 * {@link InputRules} for JSON bodies: a date or instant outside the years 0001–9999 fails
 * while reading, with the path of the field ({@code placements[0].startDate}), as
 * {@link Refused}. (Text is checked on the whole JSON tree by {@link JsonForms}, which
 * also covers the fields a request takes from the tree by hand.)
 */
final class InputRulesModule extends SimpleModule {

	InputRulesModule() {
		super("intime-input-rules");
		addDeserializer(MoneyInput.class, new MoneyInputReader());
		setDeserializerModifier(new ValueDeserializerModifier() {
			@Override
			public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config,
					BeanDescription.Supplier description, ValueDeserializer<?> deserializer) {
				return Temporal.class.isAssignableFrom(description.getBeanClass()) ? new Checked(deserializer)
						: deserializer;
			}
		});
	}

	/**
	 * A value that breaks one of {@link InputRules}; {@link JacksonProblems} reports its
	 * message on its path.
	 */
	static final class Refused extends MismatchedInputException {

		private final String reason;

		Refused(JsonParser parser, String reason, Class<?> type) {
			super(parser, reason, type);
			this.reason = reason;
		}

		String reason() {
			return reason;
		}

	}

	/**
	 * A {@link MoneyInput} whose amount may be typed as people type it
	 * ({@link AmountText}: {@code "$150,000"}, {@code "35,000.00"}) as well as given as a
	 * number or a plain decimal; a currency symbol that is not the currency's is refused
	 * on {@code amount}.
	 */
	private static final class MoneyInputReader extends StdDeserializer<MoneyInput> {

		MoneyInputReader() {
			super(MoneyInput.class);
		}

		@Override
		public MoneyInput deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			JsonNode node = context.readTree(parser);
			if (!node.isObject()) {
				throw MismatchedInputException.from(parser, MoneyInput.class, "expected an object");
			}
			for (String name : node.propertyNames()) {
				if (!name.equals("amount") && !name.equals("currency")) {
					throw UnrecognizedPropertyException
						.from(parser, MoneyInput.class, name, List.of("amount", "currency"))
						.prependPath(MoneyInput.class, name);
				}
			}
			JsonNode currencyNode = node.get("currency");
			String currency = null;
			if (currencyNode != null && !currencyNode.isNull()) {
				if (!currencyNode.isString()) {
					throw MismatchedInputException.from(parser, String.class, "expected text")
						.prependPath(MoneyInput.class, "currency");
				}
				currency = currencyNode.stringValue();
			}
			JsonNode amountNode = node.get("amount");
			BigDecimal amount = null;
			if (amountNode == null || amountNode.isNull()) {
				return new MoneyInput(null, currency);
			}
			if (amountNode.isNumber()) {
				amount = amountNode.decimalValue();
			}
			else if (amountNode.isString()) {
				String text = amountNode.stringValue();
				try {
					AmountText.Read read = AmountText.read(text, currency, "amount");
					amount = read.amount();
					if (currency == null || currency.isBlank()) {
						currency = read.currency();
					}
				}
				catch (AmountText.CurrencyMismatch e) {
					throw new Refused(parser, e.getMessage(), BigDecimal.class).prependPath(MoneyInput.class, "amount");
				}
				catch (IllegalArgumentException e) {
					throw InvalidFormatException.from(parser, "not an amount", text, BigDecimal.class)
						.prependPath(MoneyInput.class, "amount");
				}
			}
			else {
				throw MismatchedInputException.from(parser, BigDecimal.class, "expected an amount")
					.prependPath(MoneyInput.class, "amount");
			}
			return new MoneyInput(amount, currency);
		}

	}

	private static final class Checked extends DelegatingDeserializer {

		Checked(ValueDeserializer<?> delegate) {
			super(delegate);
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
			return new Checked(delegate);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			Object value = super.deserialize(parser, context);
			String problem = InputRules.dateProblem(value);
			if (problem != null) {
				throw new Refused(parser, problem, value.getClass());
			}
			return value;
		}

	}

}
