package io.intime.staffing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A job (requisition) a client account asked the firm to fill. Open from {@code openedOn}
 * until it is filled ({@code filledOn}, the day the last position was filled) or
 * cancelled ({@code cancelledOn}); the health score counts the open ones.
 */
@Entity
@Table(name = "job")
class Job extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	private String title;

	private String department;

	@Enumerated(EnumType.STRING)
	private JobStatus status;

	@Enumerated(EnumType.STRING)
	private JobPriority priority;

	@Column(name = "opened_on")
	private LocalDate openedOn;

	@Column(name = "filled_on")
	private LocalDate filledOn;

	@Column(name = "cancelled_on")
	private LocalDate cancelledOn;

	@Column(name = "bill_rate_amount")
	private BigDecimal billRateAmount;

	@JdbcTypeCode(SqlTypes.CHAR)
	@Column(name = "bill_rate_currency", length = 3)
	private String billRateCurrency;

	@Column(name = "recruiter_id")
	private Long recruiterId;

	private int submissions;

	protected Job() {
	}

	Job(long accountId, JobForm form, Money billRate, String actor, Instant at) {
		this.accountId = accountId;
		apply(form, billRate);
		created(actor, at);
	}

	/**
	 * Applies a form that the facade has checked and completed (dates of the status set).
	 */
	void apply(JobForm form, Money billRate) {
		this.title = form.title().trim();
		this.department = form.department() == null || form.department().isBlank() ? null : form.department().trim();
		this.status = form.status();
		this.priority = form.priority();
		this.openedOn = form.openedOn();
		this.filledOn = form.filledOn();
		this.cancelledOn = form.cancelledOn();
		this.billRateAmount = billRate == null ? null : billRate.amount();
		this.billRateCurrency = billRate == null ? null : billRate.currency();
		this.recruiterId = form.recruiterId();
		this.submissions = form.submissions();
	}

	void addSubmissions(int count) {
		this.submissions += count;
	}

	JobForm toForm() {
		return new JobForm(title, department, status, priority, openedOn, filledOn, cancelledOn,
				billRateAmount == null ? null : new MoneyInput(billRateAmount, billRateCurrency), recruiterId,
				submissions);
	}

	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("accountId", accountId);
		state.put("title", title);
		state.put("department", department);
		state.put("status", status);
		state.put("priority", priority);
		state.put("openedOn", openedOn);
		state.put("filledOn", filledOn);
		state.put("cancelledOn", cancelledOn);
		state.put("billRate", billRate());
		state.put("recruiterId", recruiterId);
		state.put("submissions", submissions);
		return state;
	}

	/**
	 * Days from opening to filling or cancelling, or to {@code today} while the job is
	 * open or on hold.
	 */
	int daysOpen(LocalDate today) {
		LocalDate end = filledOn != null ? filledOn : cancelledOn != null ? cancelledOn : today;
		return (int) Math.max(0, ChronoUnit.DAYS.between(openedOn, end));
	}

	JobView toView(String accountName, String recruiterName, int placements, LocalDate today) {
		return new JobView(id, accountId, accountName, title, department, status, priority, openedOn, filledOn,
				cancelledOn, billRate(), recruiterId, recruiterName, submissions, placements, daysOpen(today),
				filledOn == null ? null : (int) ChronoUnit.DAYS.between(openedOn, filledOn), stamp());
	}

	Money billRate() {
		return billRateAmount == null ? null : new Money(billRateAmount, billRateCurrency);
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

	JobStatus status() {
		return status;
	}

	LocalDate filledOn() {
		return filledOn;
	}

	LocalDate cancelledOn() {
		return cancelledOn;
	}

	LocalDate openedOn() {
		return openedOn;
	}

	Long recruiterId() {
		return recruiterId;
	}

}
