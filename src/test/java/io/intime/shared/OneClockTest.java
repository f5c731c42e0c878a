package io.intime.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

/**
 * Time has one source: the {@link Clock} bean, read through {@link Today}. No class of
 * the application asks a java.time type for {@code now()} or the system for the wall
 * clock itself, so that a test's clock moves the whole application, and "today" means the
 * same everywhere.
 */
class OneClockTest {

	static final JavaClasses application = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.intime");

	/** {@code now()} of java.time, the system clocks and the wall-clock millis. */
	static final DescribedPredicate<JavaCall<?>> readsTheSystemClock = new DescribedPredicate<>(
			"read the time without the application's clock (java.time now(), Clock.system*(), System.currentTimeMillis())") {
		@Override
		public boolean test(JavaCall<?> call) {
			String owner = call.getTargetOwner().getName();
			String name = call.getName();
			return owner.startsWith("java.time.") && name.equals("now")
					|| owner.equals("java.time.Clock") && name.startsWith("system")
					|| owner.equals("java.lang.System") && name.equals("currentTimeMillis")
					|| owner.equals("java.util.Date") && call.getName().equals("<init>")
							&& call.getTarget().getRawParameterTypes().isEmpty();
		}
	};

	static final ArchRule oneClock = noClasses().that()
		.doNotBelongToAnyOf(Today.class, TimeConfiguration.class)
		.should()
		.callMethodWhere(readsTheSystemClock)
		.orShould()
		.callConstructorWhere(readsTheSystemClock)
		.because("time comes from the Clock bean through io.intime.shared.Today");

	@Test
	void noApplicationClassReadsTheSystemClockOutsideToday() {
		oneClock.check(application);
	}

	@Test
	void theRuleFindsAClassThatAsksForTodayItself() {
		EvaluationResult result = oneClock.evaluate(new ClassFileImporter().importClasses(AsksTheSystem.class));
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains("LocalDate.now()"));
	}

	static class AsksTheSystem {

		LocalDate today() {
			return LocalDate.now();
		}

	}

}
