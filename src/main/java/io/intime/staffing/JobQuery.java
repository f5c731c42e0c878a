package io.intime.staffing;

/**
 * Filters of a job search; each may be null. {@code q} matches the title or department.
 */
public record JobQuery(Long accountId, JobStatus status, Long recruiterId, String q) {
}
