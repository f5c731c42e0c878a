package io.intime.shared.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.ConfigurablePropertyAccessor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.MutablePropertyValues;
import org.springframework.beans.PropertyValue;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ExtendedServletRequestDataBinder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * {@link InputRules} for everything Spring MVC binds from a request: every data binder is
 * a {@link CheckedBinder}, whichever controller and whichever {@code @InitBinder} editors
 * a module registers.
 * <ul>
 * <li>A page form (a {@code @ModelAttribute}) gets a field error per refused value, so
 * that its controller checks permissions first and then shows the message beside the
 * field: text with a NUL, a date outside 0001–9999, and a nested field the form does not
 * have ({@code amount.amount} where {@code amount} is a number), which Spring would
 * otherwise fail on while binding, before the controller runs.</li>
 * <li>A request parameter or path variable ({@code ?since=-999999999-01-01T00:00:00Z}) is
 * a {@link RejectedInputException} naming it: a 400.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class InputRulesBinding {

	@Bean
	WebMvcRegistrations checkedBinding(ObjectProvider<PageFormat> format) {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
				return new RequestMappingHandlerAdapter() {
					@Override
					protected InitBinderDataBinderFactory createDataBinderFactory(
							List<InvocableHandlerMethod> methods) {
						return new ServletRequestDataBinderFactory(methods, getWebBindingInitializer()) {
							@Override
							protected ServletRequestDataBinder createBinderInstance(Object target, String name,
									NativeWebRequest request) {
								return new CheckedBinder(target, name, field -> format.getObject().field(field));
							}
						};
					}
				};
			}
		};
	}

	/** The code of a money field's refusal, whose message {@link FormErrors} shows. */
	static final String AMOUNT_CODE = "amount";

	/** A binder that applies {@link InputRules} to what it binds and converts. */
	static class CheckedBinder extends ExtendedServletRequestDataBinder {

		private final Function<String, String> labels;

		CheckedBinder(Object target, String name, Function<String, String> labels) {
			super(target, name);
			this.labels = labels;
		}

		@Override
		protected void applyPropertyValues(MutablePropertyValues values) {
			ConfigurablePropertyAccessor accessor = getPropertyAccessor();
			List<FieldError> refused = new ArrayList<>();
			for (PropertyValue value : values.getPropertyValues()) {
				String name = value.getName();
				String problem = InputRules.textProblem(value.getValue());
				if (problem == null && isNested(name) && !accessor.isWritableProperty(name)) {
					problem = "is not a field of this form";
				}
				if (problem != null) {
					values.removePropertyValue(value);
					refused.add(error(name, value.getValue(), problem));
				}
			}
			readAmounts(values, accessor, refused);
			super.applyPropertyValues(values);
			for (PropertyValue value : values.getPropertyValues()) {
				if (accessor.isReadableProperty(value.getName())) {
					String problem = InputRules.dateProblem(accessor.getPropertyValue(value.getName()));
					if (problem != null) {
						refused.add(error(value.getName(), value.getValue(), problem));
					}
				}
			}
			refused.forEach(getInternalBindingResult()::addError);
		}

		/**
		 * Money fields (a decimal beside a {@code currency} field, its own or its form's)
		 * take amounts as people type them ({@link AmountText}): "$150,000" becomes
		 * 150000 for a USD field, "€150,000" is refused there with a message; a blank
		 * currency takes the one the symbol names. Text that is no amount is left for the
		 * conversion to refuse as before.
		 */
		private void readAmounts(MutablePropertyValues values, ConfigurablePropertyAccessor accessor,
				List<FieldError> refused) {
			for (PropertyValue value : values.getPropertyValues()) {
				String name = value.getName();
				String text = value.getValue() instanceof String single ? single
						: value.getValue() instanceof String[] array && array.length == 1 ? array[0] : null;
				if (text == null || text.isBlank() || !accessor.isWritableProperty(name)
						|| accessor.getPropertyType(name) != BigDecimal.class) {
					continue;
				}
				String currencyField = currencyField(name, accessor);
				if (currencyField == null) {
					continue;
				}
				PropertyValue submitted = values.getPropertyValue(currencyField);
				Object currency = submitted != null ? submitted.getValue() : accessor.getPropertyValue(currencyField);
				if (currency instanceof String[] array) {
					currency = array.length == 1 ? array[0] : null;
				}
				String field = name.substring(name.lastIndexOf('.') + 1);
				try {
					AmountText.Read read = AmountText.read(text, currency == null ? null : currency.toString(),
							labels.apply(field));
					values.add(name, read.amount().toPlainString());
					if (read.currency() != null && (currency == null || currency.toString().isBlank())
							&& accessor.isWritableProperty(currencyField)) {
						values.add(currencyField, read.currency());
					}
				}
				catch (AmountText.CurrencyMismatch e) {
					values.removePropertyValue(name);
					refused.add(new FieldError(getObjectName(), name, text, true,
							new String[] { AMOUNT_CODE + "." + name, AMOUNT_CODE }, null, e.getMessage()));
				}
				catch (IllegalArgumentException e) {
					// not an amount: the conversion refuses it with the form's example
				}
			}
		}

		/**
		 * The currency field of a money field: {@code currency} beside it, or of a form
		 * that holds it ({@code serviceLines[1].annualValue} → {@code currency}).
		 */
		private static String currencyField(String name, ConfigurablePropertyAccessor accessor) {
			String prefix = name;
			while (true) {
				int dot = prefix.lastIndexOf('.');
				prefix = dot < 0 ? "" : prefix.substring(0, dot);
				String candidate = prefix.isEmpty() ? "currency" : prefix + ".currency";
				if (accessor.isReadableProperty(candidate) && accessor.getPropertyType(candidate) == String.class) {
					return candidate;
				}
				if (prefix.isEmpty()) {
					return null;
				}
			}
		}

		@Override
		public <T> T convertIfNecessary(Object value, Class<T> requiredType, MethodParameter parameter)
				throws TypeMismatchException {
			refuse(InputRules.textProblem(value));
			T converted = super.convertIfNecessary(value, requiredType, parameter);
			refuse(InputRules.dateProblem(converted));
			return converted;
		}

		private void refuse(String problem) {
			if (problem != null) {
				throw new RejectedInputException(getObjectName(), problem);
			}
		}

		private FieldError error(String field, Object value, String message) {
			Object shown = value instanceof String text ? InputRules.printable(text) : value;
			return new FieldError(getObjectName(), field, shown, false, new String[] { "invalid." + field, "invalid" },
					null, message);
		}

		private static boolean isNested(String name) {
			return name.indexOf('.') >= 0 || name.indexOf('[') >= 0;
		}

	}

}
