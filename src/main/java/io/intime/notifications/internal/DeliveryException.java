package io.intime.notifications.internal;

/** A delivery attempt that failed: the receiving side refused it or was not reachable. */
class DeliveryException extends Exception {

	DeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

	DeliveryException(String message) {
		super(message);
	}

}
