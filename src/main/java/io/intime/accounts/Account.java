package io.intime.accounts;

import java.math.BigDecimal;
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

/** A client account of the staffing firm. */
@Entity
@Table(name = "account")
class Account extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_key")
	private String key;

	private String name;

	private String industry;

	@Column(name = "employee_count")
	private Integer employeeCount;

	@Column(name = "hq_location")
	private String hqLocation;

	@Column(name = "time_zone")
	private String timeZone;

	@Enumerated(EnumType.STRING)
	private AccountStatus status;

	@Enumerated(EnumType.STRING)
	private Tier tier;

	@Enumerated(EnumType.STRING)
	@Column(name = "tier_override")
	private Tier tierOverride;

	private boolean strategic;

	@Column(name = "relationship_start")
	private LocalDate relationshipStart;

	@Column(name = "owner_id")
	private Long ownerId;

	@Column(name = "executive_sponsor_id")
	private Long executiveSponsorId;

	@Column(name = "billing_currency")
	private String billingCurrency;

	private String region;

	@Column(name = "arr_amount")
	private BigDecimal arr = BigDecimal.ZERO;

	/**
	 * The latest health score, written only by {@link AccountManagement#recordHealth};
	 * read-only here.
	 */
	@Column(name = "health_score", insertable = false, updatable = false)
	private Integer healthScore;

	@Enumerated(EnumType.STRING)
	@Column(name = "health_band", insertable = false, updatable = false)
	private HealthBand healthBand;

	/** When the account was archived (deleted by a person), or null while it is live. */
	@Column(name = "archived_at")
	private Instant archivedAt;

	@Column(name = "archived_by")
	private String archivedBy;

	protected Account() {
	}

	Account(String key, AccountForm form, String actor, Instant at) {
		this.key = key;
		apply(form);
		this.tier = Tier.STANDARD;
		created(actor, at);
	}

	void apply(AccountForm form) {
		this.name = form.name().trim();
		this.industry = form.industry();
		this.employeeCount = form.employeeCount();
		this.hqLocation = form.hqLocation();
		this.timeZone = form.timeZone();
		this.status = form.status();
		this.tierOverride = form.tierOverride();
		this.strategic = form.strategic();
		this.relationshipStart = form.relationshipStart();
		this.ownerId = form.ownerId();
		this.executiveSponsorId = form.executiveSponsorId();
		this.billingCurrency = form.billingCurrency();
		this.region = form.region();
	}

	/**
	 * Sets ARR (in the billing currency) and the tier it implies, unless the tier is
	 * overridden.
	 */
	void arrChanged(BigDecimal arr, Tier derivedTier) {
		this.arr = arr;
		this.tier = tierOverride != null ? tierOverride : derivedTier;
	}

	AccountForm toForm() {
		return new AccountForm(name, industry, employeeCount, hqLocation, timeZone, status, tierOverride, strategic,
				relationshipStart, ownerId, executiveSponsorId, billingCurrency, region);
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("key", key);
		state.put("name", name);
		state.put("industry", industry);
		state.put("employeeCount", employeeCount);
		state.put("hqLocation", hqLocation);
		state.put("timeZone", timeZone);
		state.put("status", status);
		state.put("tierOverride", tierOverride);
		state.put("strategic", strategic);
		state.put("relationshipStart", relationshipStart);
		state.put("ownerId", ownerId);
		state.put("executiveSponsorId", executiveSponsorId);
		state.put("billingCurrency", billingCurrency);
		state.put("region", region);
		return state;
	}

	/**
	 * Archives a live account: it leaves lists, searches and scores, and keeps every
	 * record.
	 */
	void archive(String actor, Instant at) {
		if (archivedAt != null) {
			throw new IllegalStateException("Account " + key + " is archived already");
		}
		archivedAt = at;
		archivedBy = actor;
		updated(actor, at);
	}

	/** Brings an archived account back. */
	void restore(String actor, Instant at) {
		if (archivedAt == null) {
			throw new IllegalStateException("Account " + key + " is not archived");
		}
		archivedAt = null;
		archivedBy = null;
		updated(actor, at);
	}

	boolean archived() {
		return archivedAt != null;
	}

	Instant archivedAt() {
		return archivedAt;
	}

	String archivedBy() {
		return archivedBy;
	}

	Long id() {
		return id;
	}

	String key() {
		return key;
	}

	String name() {
		return name;
	}

	String industry() {
		return industry;
	}

	Integer employeeCount() {
		return employeeCount;
	}

	String hqLocation() {
		return hqLocation;
	}

	String timeZone() {
		return timeZone;
	}

	AccountStatus status() {
		return status;
	}

	Tier tier() {
		return tier;
	}

	Tier tierOverride() {
		return tierOverride;
	}

	boolean strategic() {
		return strategic;
	}

	LocalDate relationshipStart() {
		return relationshipStart;
	}

	Long ownerId() {
		return ownerId;
	}

	Long executiveSponsorId() {
		return executiveSponsorId;
	}

	String billingCurrency() {
		return billingCurrency;
	}

	String region() {
		return region;
	}

	BigDecimal arr() {
		return arr;
	}

	Integer healthScore() {
		return healthScore;
	}

	HealthBand healthBand() {
		return healthBand;
	}

}
