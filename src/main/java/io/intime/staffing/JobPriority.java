package io.intime.staffing;

/** How urgently the client needs a job filled. */
public enum JobPriority {

	LOW, MEDIUM, HIGH, URGENT

}
