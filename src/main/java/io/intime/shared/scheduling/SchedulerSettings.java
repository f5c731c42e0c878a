package io.intime.shared.scheduling;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the scheduler runs ({@code intime.scheduler.*}, see README: Configuration).
 *
 * @param enabled whether this node executes tasks at all (it can still schedule them)
 * @param threads executions run at the same time on this node
 * @param pollingInterval how often this node looks for due executions scheduled by other
 * nodes
 * @param heartbeatInterval how often a node marks its running executions alive
 * @param missedHeartbeatsLimit heartbeats missed before another node takes a running
 * execution over
 * @param shutdownMaxWait how long a stopping node lets running executions finish
 */
@ConfigurationProperties("intime.scheduler")
public record SchedulerSettings(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads,
		@DefaultValue("10s") Duration pollingInterval, @DefaultValue("1m") Duration heartbeatInterval,
		@DefaultValue("6") int missedHeartbeatsLimit, @DefaultValue("30s") Duration shutdownMaxWait) {
}
