package io.intime.engagement;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The editable fields of an activity. {@code contactIds} are contacts of the activity's
 * account, {@code participantIds} the firm's users who took part; both, and {@code tags},
 * may be null for none. {@code occurredAt} may lie ahead: a planned call is an ordinary
 * activity.
 */
public record ActivityForm(@NotNull(message = "is required: call, email, meeting or note") ActivityType type,
		@NotNull(message = "is required: inbound, outbound or internal") ActivityDirection direction,
		@NotBlank @Size(max = 300) String subject, @Size(max = 20000) String notes,
		@NotNull(message = "is required: when it happened") Instant occurredAt,
		@Min(value = 0, message = "must be between 0 and 1440 minutes") @Max(value = 1440,
				message = "must be between 0 and 1440 minutes") Integer durationMinutes,
		@Size(max = 500) String outcome, Sentiment sentiment,
		@Size(max = 20, message = "may hold at most 20 tags") List<@NotBlank @Size(max = 50) String> tags,
		@Size(max = 100, message = "may name at most 100 contacts") List<@NotNull Long> contactIds,
		@Size(max = 100, message = "may name at most 100 participants") List<@NotNull Long> participantIds) {

	/** The tags, trimmed, without blanks and repeats; never null. */
	public List<String> tagList() {
		return tags == null ? List.of()
				: tags.stream().filter(t -> t != null && !t.isBlank()).map(String::trim).distinct().toList();
	}

	public List<Long> contactIdList() {
		return contactIds == null ? List.of()
				: contactIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}

	public List<Long> participantIdList() {
		return participantIds == null ? List.of()
				: participantIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
	}
}
