package io.intime.staffing;

/**
 * What a user may do with the jobs and placements of one account (spec 03's matrix as
 * this product applies it): pages show only the actions that will succeed; the facades
 * enforce the same.
 *
 * @param edit create and change jobs and placements, and record submissions (executives,
 * sales directors, admins, and recruiters and recruiting managers on the account's team;
 * never account managers, who only view)
 * @param delete remove jobs and placements (executives, sales directors, admins and the
 * account's recruiting manager)
 */
public record StaffingAccess(boolean edit, boolean delete) {
}
