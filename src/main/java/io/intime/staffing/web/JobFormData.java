package io.intime.staffing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.shared.web.MoneyInput;
import io.intime.staffing.JobForm;
import io.intime.staffing.JobPriority;
import io.intime.staffing.JobStatus;

import org.springframework.format.annotation.DateTimeFormat;

/** What the job form posts; converted to the facade's {@link JobForm}. */
public class JobFormData {

	private String title;

	private String department;

	private JobStatus status;

	private JobPriority priority;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate openedOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate filledOn;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate cancelledOn;

	private MoneyData billRate = new MoneyData();

	private Long recruiterId;

	private Integer submissions;

	private long version;

	static JobFormData of(JobForm form, long version) {
		JobFormData data = new JobFormData();
		data.title = form.title();
		data.department = form.department();
		data.status = form.status();
		data.priority = form.priority();
		data.openedOn = form.openedOn();
		data.filledOn = form.filledOn();
		data.cancelledOn = form.cancelledOn();
		if (form.billRate() != null) {
			data.billRate.setAmount(form.billRate().amount());
			data.billRate.setCurrency(form.billRate().currency());
		}
		data.recruiterId = form.recruiterId();
		data.submissions = form.submissions();
		data.version = version;
		return data;
	}

	JobForm toForm() {
		MoneyInput rate = billRate == null ? null : new MoneyInput(billRate.getAmount(), billRate.getCurrency());
		return new JobForm(title, department, status, priority, openedOn, filledOn, cancelledOn, rate, recruiterId,
				submissions);
	}

	Map<String, Object> comparable() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("title", title);
		values.put("department", department);
		values.put("status", status);
		values.put("priority", priority);
		values.put("openedOn", openedOn);
		values.put("filledOn", filledOn);
		values.put("cancelledOn", cancelledOn);
		values.put("billRate", billRate == null || billRate.getAmount() == null ? null
				: billRate.getAmount().stripTrailingZeros().toPlainString() + " " + billRate.getCurrency());
		values.put("recruiterId", recruiterId);
		values.put("submissions", submissions);
		return values;
	}

	/**
	 * An amount and its currency as two inputs ({@code billRate.amount},
	 * {@code billRate.currency}).
	 */
	public static class MoneyData {

		private BigDecimal amount;

		private String currency;

		public BigDecimal getAmount() {
			return amount;
		}

		public void setAmount(BigDecimal amount) {
			this.amount = amount;
		}

		public String getCurrency() {
			return currency;
		}

		public void setCurrency(String currency) {
			this.currency = currency;
		}

	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getDepartment() {
		return department;
	}

	public void setDepartment(String department) {
		this.department = department;
	}

	public JobStatus getStatus() {
		return status;
	}

	public void setStatus(JobStatus status) {
		this.status = status;
	}

	public JobPriority getPriority() {
		return priority;
	}

	public void setPriority(JobPriority priority) {
		this.priority = priority;
	}

	public LocalDate getOpenedOn() {
		return openedOn;
	}

	public void setOpenedOn(LocalDate openedOn) {
		this.openedOn = openedOn;
	}

	public LocalDate getFilledOn() {
		return filledOn;
	}

	public void setFilledOn(LocalDate filledOn) {
		this.filledOn = filledOn;
	}

	public LocalDate getCancelledOn() {
		return cancelledOn;
	}

	public void setCancelledOn(LocalDate cancelledOn) {
		this.cancelledOn = cancelledOn;
	}

	public MoneyData getBillRate() {
		return billRate;
	}

	public void setBillRate(MoneyData billRate) {
		this.billRate = billRate;
	}

	public Long getRecruiterId() {
		return recruiterId;
	}

	public void setRecruiterId(Long recruiterId) {
		this.recruiterId = recruiterId;
	}

	public Integer getSubmissions() {
		return submissions;
	}

	public void setSubmissions(Integer submissions) {
		this.submissions = submissions;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
