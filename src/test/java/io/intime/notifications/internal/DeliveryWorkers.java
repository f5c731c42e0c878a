package io.intime.notifications.internal;

import org.springframework.context.ApplicationContext;

/**
 * A node's delivery worker for tests outside this package (the worker is internal), e.g.
 * {@code SeveralNodesIntegrationTest}.
 */
public final class DeliveryWorkers {

	private DeliveryWorkers() {
	}

	/** Runs the node's worker once, as its scheduler task does; returns what it sent. */
	public static int sendDue(ApplicationContext node) {
		return node.getBean(DeliveryWorker.class).sendDue();
	}

}
