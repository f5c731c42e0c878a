package io.intime.accounts.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.HealthBand;
import io.intime.accounts.Tier;
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
public class Account extends Audited {

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

	public Account(String key, AccountForm form, String actor, Instant at) {
		this.key = key;
		apply(form);
		this.tier = Tier.STANDARD;
		created(actor, at);
	}

	public void apply(AccountForm form) {
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
	public void arrChanged(BigDecimal arr, Tier derivedTier) {
		this.arr = arr;
		this.tier = tierOverride != null ? tierOverride : derivedTier;
	}

	public AccountForm toForm() {
		return new AccountForm(name, industry, employeeCount, hqLocation, timeZone, status, tierOverride, strategic,
				relationshipStart, ownerId, executiveSponsorId, billingCurrency, region);
	}

	public Map<String, Object> auditState() {
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
	public void archive(String actor, Instant at) {
		if (archivedAt != null) {
			throw new IllegalStateException("Account " + key + " is archived already");
		}
		archivedAt = at;
		archivedBy = actor;
		updated(actor, at);
	}

	/** Brings an archived account back. */
	public void restore(String actor, Instant at) {
		if (archivedAt == null) {
			throw new IllegalStateException("Account " + key + " is not archived");
		}
		archivedAt = null;
		archivedBy = null;
		updated(actor, at);
	}

	public boolean archived() {
		return archivedAt != null;
	}

	public Instant archivedAt() {
		return archivedAt;
	}

	public String archivedBy() {
		return archivedBy;
	}

	public Long id() {
		return id;
	}

	public String key() {
		return key;
	}

	public String name() {
		return name;
	}

	public String industry() {
		return industry;
	}

	public Integer employeeCount() {
		return employeeCount;
	}

	public String hqLocation() {
		return hqLocation;
	}

	public String timeZone() {
		return timeZone;
	}

	public AccountStatus status() {
		return status;
	}

	public Tier tier() {
		return tier;
	}

	public Tier tierOverride() {
		return tierOverride;
	}

	public boolean strategic() {
		return strategic;
	}

	public LocalDate relationshipStart() {
		return relationshipStart;
	}

	public Long ownerId() {
		return ownerId;
	}

	public Long executiveSponsorId() {
		return executiveSponsorId;
	}

	public String billingCurrency() {
		return billingCurrency;
	}

	public String region() {
		return region;
	}

	public BigDecimal arr() {
		return arr;
	}

	public Integer healthScore() {
		return healthScore;
	}

	public HealthBand healthBand() {
		return healthBand;
	}

}
