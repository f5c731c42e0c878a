package io.intime.revenue.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.revenue.OpportunityForm;
import io.intime.revenue.OpportunityStage;
import io.intime.shared.web.MoneyInput;

import org.springframework.format.annotation.DateTimeFormat;

/** What the opportunity form posts, with the value's two parts as flat fields. */
public class OpportunityFormData {

	private String title;

	private OpportunityStage stage;

	private BigDecimal value;

	private String currency;

	private String source;

	private String nextStep;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate identifiedOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate closedOn;

	private Long ownerId;

	private String lostReason;

	private Long championId;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate nextStepDue;

	private long version;

	static OpportunityFormData of(OpportunityForm form, long version) {
		OpportunityFormData data = new OpportunityFormData();
		data.title = form.title();
		data.stage = form.stage();
		data.value = form.value() == null ? null : form.value().amount();
		data.currency = form.value() == null ? null : form.value().currency();
		data.source = form.source();
		data.nextStep = form.nextStep();
		data.identifiedOn = form.identifiedOn();
		data.closedOn = form.closedOn();
		data.ownerId = form.ownerId();
		data.lostReason = form.lostReason();
		data.championId = form.championId();
		data.nextStepDue = form.nextStepDue();
		data.version = version;
		return data;
	}

	OpportunityForm toForm() {
		return new OpportunityForm(title == null ? "" : title, stage, new MoneyInput(value, currency), source, nextStep,
				identifiedOn, closedOn, ownerId, lostReason, championId, nextStepDue);
	}

	Map<String, Object> comparable() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", title);
		values.put("stage", stage);
		values.put("value", value);
		values.put("currency", currency);
		values.put("source", source);
		values.put("nextStep", nextStep);
		values.put("identifiedOn", identifiedOn);
		values.put("closedOn", closedOn);
		values.put("ownerId", ownerId);
		values.put("lostReason", lostReason);
		values.put("championId", championId);
		values.put("nextStepDue", nextStepDue);
		return values;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public OpportunityStage getStage() {
		return stage;
	}

	public void setStage(OpportunityStage stage) {
		this.stage = stage;
	}

	public BigDecimal getValue() {
		return value;
	}

	public void setValue(BigDecimal value) {
		this.value = value;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getSource() {
		return source;
	}

	public void setSource(String source) {
		this.source = source;
	}

	public String getNextStep() {
		return nextStep;
	}

	public void setNextStep(String nextStep) {
		this.nextStep = nextStep;
	}

	public LocalDate getIdentifiedOn() {
		return identifiedOn;
	}

	public void setIdentifiedOn(LocalDate identifiedOn) {
		this.identifiedOn = identifiedOn;
	}

	public LocalDate getClosedOn() {
		return closedOn;
	}

	public void setClosedOn(LocalDate closedOn) {
		this.closedOn = closedOn;
	}

	public Long getOwnerId() {
		return ownerId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public String getLostReason() {
		return lostReason;
	}

	public void setLostReason(String lostReason) {
		this.lostReason = lostReason;
	}

	public Long getChampionId() {
		return championId;
	}

	public void setChampionId(Long championId) {
		this.championId = championId;
	}

	public LocalDate getNextStepDue() {
		return nextStepDue;
	}

	public void setNextStepDue(LocalDate nextStepDue) {
		this.nextStepDue = nextStepDue;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
