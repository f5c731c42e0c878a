package io.intime.staffing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of a recruiter profile. {@code userId} names a user with the role
 * RECRUITER or RECRUITING_MANAGER and cannot change later; {@code maxActiveJobs} is the
 * capacity (the most OPEN jobs they carry at a time); {@code active} null means true.
 */
public record RecruiterForm(@NotNull Long userId,
		@Size(max = 20,
				message = "may list at most 20 entries") List<@Size(max = 100,
						message = "entries may have at most 100 characters") String> specialties,
		@Size(max = 20,
				message = "may list at most 20 entries") List<@Size(max = 100,
						message = "entries may have at most 100 characters") String> industries,
		@NotNull @Min(value = 1, message = "must be at least 1") @Max(value = 200,
				message = "must be at most 200") Integer maxActiveJobs,
		Boolean active) {

	/** Trimmed, without blanks, each entry once (the first spelling wins). */
	static List<String> cleaned(List<String> entries) {
		if (entries == null) {
			return List.of();
		}
		List<String> result = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (String entry : entries) {
			if (entry == null || entry.isBlank()) {
				continue;
			}
			String trimmed = entry.trim();
			if (seen.add(trimmed.toLowerCase(Locale.ROOT))) {
				result.add(trimmed);
			}
		}
		return result;
	}
}
