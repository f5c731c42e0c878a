package io.intime.accounts.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.accounts.AccountForm;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.Tier;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the account form posts. A mutable bean rather than the {@link AccountForm} record,
 * so that a value that does not even convert ("abc" for employees) is kept as typed and
 * shown again with its message, next to everything else the person entered.
 */
public class AccountFormData {

	private String name;

	private String industry;

	private Integer employeeCount;

	private String hqLocation;

	private String timeZone;

	private AccountStatus status;

	private Tier tierOverride;

	private boolean strategic;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate relationshipStart;

	private Long ownerId;

	private Long executiveSponsorId;

	private String billingCurrency;

	private String region;

	private long version;

	static AccountFormData of(AccountForm form, long version) {
		AccountFormData data = new AccountFormData();
		data.name = form.name();
		data.industry = form.industry();
		data.employeeCount = form.employeeCount();
		data.hqLocation = form.hqLocation();
		data.timeZone = form.timeZone();
		data.status = form.status();
		data.tierOverride = form.tierOverride();
		data.strategic = form.strategic();
		data.relationshipStart = form.relationshipStart();
		data.ownerId = form.ownerId();
		data.executiveSponsorId = form.executiveSponsorId();
		data.billingCurrency = form.billingCurrency();
		data.region = form.region();
		data.version = version;
		return data;
	}

	AccountForm toForm() {
		return new AccountForm(name, industry, employeeCount, hqLocation, timeZone, status, tierOverride, strategic,
				relationshipStart, ownerId, executiveSponsorId, billingCurrency, region);
	}

	/**
	 * The fields as a person reads them, for the "their change vs yours" table of a
	 * conflict.
	 */
	Map<String, Object> comparable() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("name", name);
		values.put("industry", industry);
		values.put("employeeCount", employeeCount);
		values.put("hqLocation", hqLocation);
		values.put("timeZone", timeZone);
		values.put("status", status);
		values.put("tierOverride", tierOverride);
		values.put("strategic", strategic);
		values.put("relationshipStart", relationshipStart);
		values.put("ownerId", ownerId);
		values.put("executiveSponsorId", executiveSponsorId);
		values.put("billingCurrency", billingCurrency);
		values.put("region", region);
		return values;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getIndustry() {
		return industry;
	}

	public void setIndustry(String industry) {
		this.industry = industry;
	}

	public Integer getEmployeeCount() {
		return employeeCount;
	}

	public void setEmployeeCount(Integer employeeCount) {
		this.employeeCount = employeeCount;
	}

	public String getHqLocation() {
		return hqLocation;
	}

	public void setHqLocation(String hqLocation) {
		this.hqLocation = hqLocation;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public AccountStatus getStatus() {
		return status;
	}

	public void setStatus(AccountStatus status) {
		this.status = status;
	}

	public Tier getTierOverride() {
		return tierOverride;
	}

	public void setTierOverride(Tier tierOverride) {
		this.tierOverride = tierOverride;
	}

	public boolean isStrategic() {
		return strategic;
	}

	public void setStrategic(boolean strategic) {
		this.strategic = strategic;
	}

	public LocalDate getRelationshipStart() {
		return relationshipStart;
	}

	public void setRelationshipStart(LocalDate relationshipStart) {
		this.relationshipStart = relationshipStart;
	}

	public Long getOwnerId() {
		return ownerId;
	}

	public void setOwnerId(Long ownerId) {
		this.ownerId = ownerId;
	}

	public Long getExecutiveSponsorId() {
		return executiveSponsorId;
	}

	public void setExecutiveSponsorId(Long executiveSponsorId) {
		this.executiveSponsorId = executiveSponsorId;
	}

	public String getBillingCurrency() {
		return billingCurrency;
	}

	public void setBillingCurrency(String billingCurrency) {
		this.billingCurrency = billingCurrency;
	}

	public String getRegion() {
		return region;
	}

	public void setRegion(String region) {
		this.region = region;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
