package io.intime.revenue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.Audited;
import io.intime.shared.Money;
import io.intime.shared.web.MoneyInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An expansion opportunity at a client account. */
@Entity
@Table(name = "opportunity")
class Opportunity extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	private String title;

	@Enumerated(EnumType.STRING)
	private OpportunityStage stage;

	private BigDecimal amount;

	private String currency;

	private String source;

	@Column(name = "next_step")
	private String nextStep;

	@Column(name = "identified_on")
	private LocalDate identifiedOn;

	@Column(name = "closed_on")
	private LocalDate closedOn;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "lost_reason")
	private String lostReason;

	@Column(name = "champion_contact_id")
	private Long championId;

	@Column(name = "next_step_due")
	private LocalDate nextStepDue;

	protected Opportunity() {
	}

	/** A new opportunity from a checked, completed form. */
	Opportunity(long accountId, OpportunityForm form, String actor, Instant at) {
		this.accountId = accountId;
		apply(form);
		created(actor, at);
	}

	/** Takes a checked, completed form (stage, dates, currency and owner resolved). */
	void apply(OpportunityForm form) {
		this.title = form.title().trim();
		this.stage = form.stage();
		this.amount = form.value().amount();
		this.currency = form.value().currency();
		this.source = blankIsNull(form.source());
		this.nextStep = blankIsNull(form.nextStep());
		this.identifiedOn = form.identifiedOn();
		this.closedOn = form.closedOn();
		this.ownerId = form.ownerId();
		this.lostReason = form.lostReason();
		this.championId = form.championId();
		this.nextStepDue = form.nextStepDue();
	}

	OpportunityForm toForm() {
		return new OpportunityForm(title, stage, new MoneyInput(amount, currency), source, nextStep, identifiedOn,
				closedOn, ownerId, lostReason, championId, nextStepDue);
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("accountId", accountId);
		state.put("title", title);
		state.put("stage", stage);
		state.put("amount", amount);
		state.put("currency", currency);
		state.put("source", source);
		state.put("nextStep", nextStep);
		state.put("identifiedOn", identifiedOn);
		state.put("closedOn", closedOn);
		state.put("ownerId", ownerId);
		state.put("lostReason", lostReason);
		state.put("championId", championId);
		state.put("nextStepDue", nextStepDue);
		return state;
	}

	OpportunityView toView(String accountName, String ownerName, Money valueUsd) {
		return new OpportunityView(id, accountId, accountName, title, stage, new Money(amount, currency), valueUsd,
				source, nextStep, identifiedOn, closedOn, ownerId, ownerName, stage.open(), lostReason, stamp(),
				championId, null, nextStepDue);
	}

	Money value() {
		return new Money(amount, currency);
	}

	Long id() {
		return id;
	}

	long accountId() {
		return accountId;
	}

	String title() {
		return title;
	}

	OpportunityStage stage() {
		return stage;
	}

	Long championId() {
		return championId;
	}

	Long ownerId() {
		return ownerId;
	}

	private static String blankIsNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
