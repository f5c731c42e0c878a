package io.intime.shared.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
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
 */
@Component
class SchedulerLifecycle implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SchedulerLifecycle.class);

	private final Scheduler scheduler;

	private final SchedulerSettings settings;

	private volatile boolean started;

	SchedulerLifecycle(Scheduler scheduler, SchedulerSettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	public synchronized void onReady() {
		if (settings.enabled() && !started) {
			scheduler.start();
			started = true;
			log.info("Scheduler started");
		}
	}

	/** Nothing to do on refresh: the scheduler waits for the application to be ready. */
	@Override
	public void start() {
	}

	@Override
	public synchronized void stop() {
		if (started) {
			started = false;
			scheduler.stop();
		}
	}

	@Override
	public boolean isRunning() {
		return started;
	}

	/** Stopped before the web server and everything else that stops with the context. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
