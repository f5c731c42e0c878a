package io.intime.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.ConfigurablePropertyAccessor;
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
	WebMvcRegistrations checkedBinding() {
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
								return new CheckedBinder(target, name);
							}
						};
					}
				};
			}
		};
	}

	/** A binder that applies {@link InputRules} to what it binds and converts. */
	static class CheckedBinder extends ExtendedServletRequestDataBinder {

		CheckedBinder(Object target, String name) {
			super(target, name);
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
