package io.intime.revenue;

/** What a user may do with the opportunities of one account ({@link RevenueRules}). */
public record OpportunityAccess(boolean view, boolean edit, boolean delete) {
}
