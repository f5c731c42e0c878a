package io.intime.shared.web;

import java.time.temporal.Temporal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
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
