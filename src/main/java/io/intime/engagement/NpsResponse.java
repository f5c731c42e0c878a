package io.intime.engagement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

/**
 * One answer of a client to "how likely are you to recommend us" (0–10), with its
 * comment.
 */
@Entity
@Table(name = "nps_response")
class NpsResponse extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	@Column(name = "contact_id")
	private Long contactId;

	private int score;

	private String comment;

	@Column(name = "responded_on")
	private LocalDate respondedOn;

	@Enumerated(EnumType.STRING)
	@Column(name = "survey_type")
	private SurveyType surveyType;

	protected NpsResponse() {
	}

	NpsResponse(long accountId, NpsForm form, String actor, Instant at) {
		this.accountId = accountId;
		apply(form);
		created(actor, at);
	}

	void apply(NpsForm form) {
		this.contactId = form.contactId();
		this.score = form.score();
		this.comment = form.comment() == null || form.comment().isBlank() ? null : form.comment().trim();
		this.respondedOn = form.respondedOn();
		this.surveyType = form.surveyType();
	}

	NpsForm toForm() {
		return new NpsForm(contactId, score, comment, respondedOn, surveyType);
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("accountId", accountId);
		state.put("contactId", contactId);
		state.put("score", score);
		state.put("comment", comment);
		state.put("respondedOn", respondedOn);
		state.put("surveyType", surveyType);
		return state;
	}

	Long id() {
		return id;
	}

	long accountId() {
		return accountId;
	}

	Long contactId() {
		return contactId;
	}

	int score() {
		return score;
	}

	String comment() {
		return comment;
	}

	LocalDate respondedOn() {
		return respondedOn;
	}

	SurveyType surveyType() {
		return surveyType;
	}

}
