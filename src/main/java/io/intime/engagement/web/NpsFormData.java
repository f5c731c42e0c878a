package io.intime.engagement.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import io.intime.engagement.NpsForm;
import io.intime.engagement.SurveyType;

import org.springframework.format.annotation.DateTimeFormat;

/** What the NPS response form posts; converted to the facade's {@link NpsForm}. */
public class NpsFormData {

	private Long contactId;

	private Integer score;

	private String comment;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate respondedOn;

	private SurveyType surveyType;

	private long version;

	static NpsFormData blank(LocalDate today) {
		NpsFormData data = new NpsFormData();
		data.respondedOn = today;
		data.surveyType = SurveyType.TRANSACTIONAL;
		return data;
	}

	static NpsFormData of(NpsForm form, long version) {
		NpsFormData data = new NpsFormData();
		data.contactId = form.contactId();
		data.score = form.score();
		data.comment = form.comment();
		data.respondedOn = form.respondedOn();
		data.surveyType = form.surveyType();
		data.version = version;
		return data;
	}

	NpsForm toForm() {
		return new NpsForm(contactId, score, comment, respondedOn, surveyType);
	}

	Map<String, String> comparable(Function<Long, String> contactName) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("Contact", contactId == null ? "" : contactName.apply(contactId));
		values.put("Score", score == null ? "" : score.toString());
		values.put("Comment", comment);
		values.put("Responded on", respondedOn == null ? "" : respondedOn.toString());
		values.put("Survey", surveyType == null ? "" : surveyType.label());
		return values;
	}

	public Long getContactId() {
		return contactId;
	}

	public void setContactId(Long contactId) {
		this.contactId = contactId;
	}

	public Integer getScore() {
		return score;
	}

	public void setScore(Integer score) {
		this.score = score;
	}

	public String getComment() {
		return comment;
	}

	public void setComment(String comment) {
		this.comment = comment;
	}

	public LocalDate getRespondedOn() {
		return respondedOn;
	}

	public void setRespondedOn(LocalDate respondedOn) {
		this.respondedOn = respondedOn;
	}

	public SurveyType getSurveyType() {
		return surveyType;
	}

	public void setSurveyType(SurveyType surveyType) {
		this.surveyType = surveyType;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
