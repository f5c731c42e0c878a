package io.intime.staffing;

import java.time.LocalDate;

/** A placement as a feed of recent client activity lists it. */
public record RecentPlacement(long id, long accountId, String candidateName, String jobTitle, LocalDate startDate) {
}
