package io.intime.health.alerts;

/**
 * OPEN until someone acknowledges it; RESOLVED by a person or when its condition clears.
 */
public enum AlertStatus {

	OPEN, ACKNOWLEDGED, RESOLVED

}
