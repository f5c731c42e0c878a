package io.intime;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Puts {@link TestClock#INSTANCE} into every test context as the primary {@code Clock},
 * so that the application (through {@code io.intime.shared.Today}), the demo world, the
 * scheduler and the tests read the same time. Registered in
 * {@code META-INF/spring.factories}; being the same for every test class, it keeps the
 * context cache as it is.
 */
class TestClockContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new TestClockCustomizer();
	}

	private static final class TestClockCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			TestClock.register(context);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof TestClockCustomizer;
		}

		@Override
		public int hashCode() {
			return TestClockCustomizer.class.hashCode();
		}

	}

}
