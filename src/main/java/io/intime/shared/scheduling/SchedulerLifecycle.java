package io.intime.shared.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Starts the scheduler when the application is ready, after every other start-up listener
 * (the demo world, scoring of new accounts), so that a task made due by the downtime (a
 * night missed) runs on the data the start prepared; stops it first when the context
 * closes, letting running executions finish up to
 * {@code intime.scheduler.shutdown-max-wait}, while the data source is still open. An
 * execution a node could not finish is taken over by another node once its heartbeats
 * stop.
 * <p>
 * A context that is stopped without closing (as the test framework pauses a cached
 * context it does not use at the moment) only pauses the scheduler: it takes no new
 * executions until the context starts again, when it resumes. db-scheduler cannot start
 * again once stopped, so the real stop is kept for the close.
 */
@Component
class SchedulerLifecycle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

	private final Scheduler scheduler;

	private final SchedulerSettings settings;

	private volatile boolean started;

	private volatile boolean paused;

	private volatile boolean closing;

	SchedulerLifecycle(Scheduler scheduler, SchedulerSettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	public synchronized void onReady() {
		// A stop that came while the application was getting ready (SIGTERM right after
		// the start) has closed, or is closing, the pool: starting now would only log
		// errors.
		if (closing) {
			return;
		}
		if (settings.enabled() && !started) {
			scheduler.start();
			started = true;
			log.info("Scheduler started");
		}
	}

	/** Published before the lifecycle beans stop: the stop that follows is for good. */
	@EventListener(ContextClosedEvent.class)
	public void onClose() {
		closing = true;
	}

	/**
	 * Nothing to do on refresh (the scheduler waits for the application to be ready); on
	 * a restart of a stopped context, resumes.
	 */
	@Override
	public synchronized void start() {
		if (paused) {
			paused = false;
			scheduler.resume();
			log.info("Scheduler resumed");
		}
	}

	@Override
	public synchronized void stop() {
		if (!started) {
			return;
		}
		if (closing) {
			started = false;
			paused = false;
			scheduler.stop();
		}
		else if (!paused) {
			paused = true;
			scheduler.pause();
			log.info("Scheduler paused while the application is stopped");
		}
	}

	/**
	 * Running while started and not paused, so that a stopped context starts it again
	 * (and a closing one, even paused, stops it).
	 */
	@Override
	public boolean isRunning() {
		return started && (!paused || closing);
	}

	/** Stopped before the web server and everything else that stops with the context. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
