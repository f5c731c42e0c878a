package io.intime.staffing;

import java.math.BigDecimal;
import java.util.List;

import io.intime.identity.Role;
import io.intime.shared.Stamp;

/**
 * A recruiter as pages and the API show them, with their workload now and their record
 * over the last 180 days.
 *
 * @param activeJobs OPEN jobs assigned to them now
 * @param utilisationPercent activeJobs as a percentage of maxActiveJobs (may exceed 100
 * when capacity was lowered)
 * @param placements180 placements they made that started in the last 180 days
 * @param falloffs180 of those, the ones that fell off
 * @param successRatePercent placements180 that did not fall off, in percent; null without
 * placements
 * @param averageDaysToFill days from opened to filled over their jobs filled in the last
 * 180 days; null without any
 */
public record RecruiterView(long id, long userId, String username, String name, String title, Role role,
		List<String> specialties, List<String> industries, int maxActiveJobs, boolean active, int activeJobs,
		int utilisationPercent, int placements180, int falloffs180, Integer successRatePercent,
		BigDecimal averageDaysToFill, Stamp stamp) {
}
