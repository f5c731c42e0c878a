package io.intime.engagement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.shared.Audited;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A call, email, meeting or note with a client account: who took part on either side and
 * whether it was an executive touchpoint (decided when it is saved, from who the
 * account's executives and sponsor were then).
 */
@Entity
@Table(name = "activity")
class Activity extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	@Enumerated(EnumType.STRING)
	private ActivityType type;

	@Enumerated(EnumType.STRING)
	private ActivityDirection direction;

	private String subject;

	private String notes;

	@Column(name = "occurred_at")
	private Instant occurredAt;

	@Column(name = "duration_minutes")
	private Integer durationMinutes;

	private String outcome;

	@Enumerated(EnumType.STRING)
	private Sentiment sentiment;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "tags", columnDefinition = "text[]")
	private List<String> tags = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "contact_ids", columnDefinition = "bigint[]")
	private List<Long> contactIds = new ArrayList<>();

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(name = "participant_ids", columnDefinition = "bigint[]")
	private List<Long> participantIds = new ArrayList<>();

	@Column(name = "executive_touchpoint")
	private boolean executiveTouchpoint;

	@Column(name = "call_type")
	private String callType;

	@Column(name = "call_outcome")
	private String callOutcome;

	@Column(name = "message_id")
	private String messageId;

	@Column(name = "in_reply_to")
	private String inReplyTo;

	@Column(name = "review_status")
	private String reviewStatus;

	@Column(name = "from_address")
	private String fromAddress;

	protected Activity() {
	}

	Activity(long accountId, ActivityForm form, boolean executiveTouchpoint, String actor, Instant at) {
		this.accountId = accountId;
		apply(form, executiveTouchpoint);
		created(actor, at);
	}

	void apply(ActivityForm form, boolean executiveTouchpoint) {
		this.type = form.type();
		this.direction = form.direction();
		this.subject = form.subject().trim();
		this.notes = blankToNull(form.notes());
		this.occurredAt = form.occurredAt();
		this.durationMinutes = form.durationMinutes();
		this.outcome = blankToNull(form.outcome());
		this.sentiment = form.sentiment();
		this.tags = new ArrayList<>(form.tagList());
		this.contactIds = new ArrayList<>(form.contactIdList());
		this.participantIds = new ArrayList<>(form.participantIdList());
		this.executiveTouchpoint = executiveTouchpoint;
	}

	ActivityForm toForm() {
		return new ActivityForm(type, direction, subject, notes, occurredAt, durationMinutes, outcome, sentiment,
				List.copyOf(tags), List.copyOf(contactIds), List.copyOf(participantIds));
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("accountId", accountId);
		state.put("type", type);
		state.put("direction", direction);
		state.put("subject", subject);
		state.put("notes", notes);
		state.put("occurredAt", occurredAt);
		state.put("durationMinutes", durationMinutes);
		state.put("outcome", outcome);
		state.put("sentiment", sentiment);
		state.put("tags", tags.isEmpty() ? null : String.join(", ", tags));
		state.put("contactIds", contactIds.isEmpty() ? null : contactIds.toString());
		state.put("participantIds", participantIds.isEmpty() ? null : participantIds.toString());
		state.put("executiveTouchpoint", executiveTouchpoint);
		return state;
	}

	/**
	 * An email's place in its thread, and for one that arrived, its sender and review.
	 */
	void mail(String messageId, String inReplyTo, String fromAddress, String reviewStatus) {
		this.messageId = messageId;
		this.inReplyTo = inReplyTo;
		this.fromAddress = fromAddress;
		this.reviewStatus = reviewStatus;
	}

	/**
	 * The account manager's review of an email that arrived: its sentiment and outcome.
	 */
	void review(String status, Sentiment sentiment, String outcome) {
		this.reviewStatus = status;
		if (sentiment != null) {
			this.sentiment = sentiment;
		}
		if (outcome != null && !outcome.isBlank()) {
			this.outcome = outcome.trim();
		}
	}

	String messageId() {
		return messageId;
	}

	String reviewStatus() {
		return reviewStatus;
	}

	/** A logged call's kind and ending, from the lists of {@link CallLogging}. */
	void classify(CallType type, CallOutcome outcome) {
		this.callType = type == null ? null : type.name();
		this.callOutcome = outcome == null ? null : outcome.name();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	Long id() {
		return id;
	}

	long accountId() {
		return accountId;
	}

	ActivityType type() {
		return type;
	}

	ActivityDirection direction() {
		return direction;
	}

	String subject() {
		return subject;
	}

	String notes() {
		return notes;
	}

	Instant occurredAt() {
		return occurredAt;
	}

	Integer durationMinutes() {
		return durationMinutes;
	}

	String outcome() {
		return outcome;
	}

	Sentiment sentiment() {
		return sentiment;
	}

	List<String> tags() {
		return tags;
	}

	List<Long> contactIds() {
		return contactIds;
	}

	List<Long> participantIds() {
		return participantIds;
	}

	boolean executiveTouchpoint() {
		return executiveTouchpoint;
	}

}
