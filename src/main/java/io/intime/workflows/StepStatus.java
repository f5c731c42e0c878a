package io.intime.workflows;

/**
 * Where a step of a run is: waiting for the steps before it, active (someone must act, or
 * the system is running it), done, skipped (a branch not taken), failed (an automated
 * step after its last attempt), declined (an e-signature a signer declined).
 */
public enum StepStatus {

	PENDING, ACTIVE, DONE, SKIPPED, FAILED, DECLINED

}
