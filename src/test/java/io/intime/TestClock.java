package io.intime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The clock of every test context (it replaces the application's {@code Clock} bean, see
 * {@link TestClockContextCustomizerFactory}), and of the tests themselves: they ask it
 * for {@link #today()} and {@link #now()} instead of the system.
 * <p>
 * It ticks (schedulers, timeouts and "just now" keep working), but it starts at a fixed
 * time of day: 12:00 UTC of the latest noon not after the real start. A day boundary
 * therefore never falls inside a run, in any time zone of the machine, and the clock is
 * never ahead of the database's {@code now()}. A test can move it ({@link #setInstant},
 * {@link #advance}) and must then {@link #reset} it, since all test contexts of the JVM
 * share it.
 */
public final class TestClock extends Clock {

	/** The one test clock of the JVM. */
	public static final TestClock INSTANCE = new TestClock();

	private final Instant start;

	private final long startNanos;

	private volatile Instant base;

	private volatile long baseNanos;

	private TestClock() {
		Instant real = Clock.systemUTC().instant();
		Instant noon = real.truncatedTo(ChronoUnit.DAYS).plus(12, ChronoUnit.HOURS);
		this.start = noon.isAfter(real) ? noon.minus(1, ChronoUnit.DAYS) : noon;
		this.startNanos = System.nanoTime();
		reset();
	}

	/**
	 * Makes the test clock the primary {@link Clock} of {@code context} (before it is
	 * refreshed).
	 */
	public static void register(ConfigurableApplicationContext context) {
		RootBeanDefinition clock = new RootBeanDefinition(Clock.class, () -> INSTANCE);
		clock.setPrimary(true);
		((BeanDefinitionRegistry) context.getBeanFactory()).registerBeanDefinition("testClock", clock);
	}

	/** The current test instant. */
	public static Instant now() {
		return INSTANCE.instant();
	}

	/** The organization's day (UTC) on the test clock. */
	public static LocalDate today() {
		return today(ZoneOffset.UTC);
	}

	/** The day in {@code zone} on the test clock. */
	public static LocalDate today(ZoneId zone) {
		return LocalDate.ofInstant(now(), zone);
	}

	/** Moves the clock to {@code instant}; it ticks on from there. */
	public synchronized void setInstant(Instant instant) {
		this.baseNanos = System.nanoTime();
		this.base = instant;
	}

	/** Moves the clock forward (or back, when negative) by {@code amount}. */
	public synchronized void advance(Duration amount) {
		setInstant(instant().plus(amount));
	}

	/**
	 * Back to where it would be had no test moved it: the start of the run plus the time
	 * that has passed.
	 */
	public synchronized void reset() {
		setInstant(start.plusNanos(System.nanoTime() - startNanos));
	}

	@Override
	public Instant instant() {
		return base.plusNanos(System.nanoTime() - baseNanos);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(getZone()) ? this : new Zoned(zone);
	}

	private final class Zoned extends Clock {

		private final ZoneId zone;

		Zoned(ZoneId zone) {
			this.zone = zone;
		}

		@Override
		public Instant instant() {
			return TestClock.this.instant();
		}

		@Override
		public ZoneId getZone() {
			return zone;
		}

		@Override
		public Clock withZone(ZoneId other) {
			return TestClock.this.withZone(other);
		}

	}

}
