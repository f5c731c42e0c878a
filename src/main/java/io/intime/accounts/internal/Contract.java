package io.intime.accounts.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ContractView;
import io.intime.accounts.ServiceLineForm;
import io.intime.shared.Audited;
import io.intime.shared.Money;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** An MSA or SOW with a client; its service lines make up its annual value. */
@Entity
@Table(name = "contract")
public class Contract extends Audited {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "account_id")
	private long accountId;

	@Enumerated(EnumType.STRING)
	private ContractType type;

	@Column(name = "contract_number")
	private String number;

	@Column(name = "start_date")
	private LocalDate startDate;

	@Column(name = "end_date")
	private LocalDate endDate;

	@Enumerated(EnumType.STRING)
	private ContractStatus status;

	@Column(name = "payment_terms")
	private String paymentTerms;

	private String currency;

	@OneToMany(mappedBy = "contract", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ServiceLine> serviceLines = new ArrayList<>();

	@OneToMany(mappedBy = "contract", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ContractRate> rates = new ArrayList<>();

	protected Contract() {
	}

	public Contract(long accountId, ContractForm form, String actor, Instant at) {
		this.accountId = accountId;
		apply(form);
		created(actor, at);
	}

	public void apply(ContractForm form) {
		this.type = form.type();
		this.number = form.number().trim();
		this.startDate = form.startDate();
		this.endDate = form.endDate();
		this.status = form.status();
		this.paymentTerms = form.paymentTerms().trim();
		this.currency = form.currency();
		List<ServiceLineForm> current = serviceLines.stream()
			.map(l -> new ServiceLineForm(l.name(), l.annualValue()))
			.toList();
		List<ServiceLineForm> wanted = form.serviceLines()
			.stream()
			.map(l -> new ServiceLineForm(l.name().trim(), l.annualValue().setScale(2, java.math.RoundingMode.HALF_UP)))
			.toList();
		if (current.equals(wanted)) {
			return;
		}
		serviceLines.clear();
		int position = 0;
		for (ServiceLineForm line : form.serviceLines()) {
			serviceLines.add(new ServiceLine(this, position++, line.name().trim(), line.annualValue()));
		}
	}

	/**
	 * Replaces the rate card with these checked lines.
	 * @return whether anything changed
	 */
	public boolean replaceRates(List<io.intime.accounts.ContractRateForm> lines) {
		List<String> before = rateCard();
		rates.clear();
		int position = 0;
		for (io.intime.accounts.ContractRateForm line : lines) {
			rates.add(new ContractRate(this, position++, line.role().trim(), line.minRate(), line.maxRate()));
		}
		return !before.equals(rateCard());
	}

	/** The rate card as the audit trail writes it ("Graphic Designer 65.00-75.00"). */
	public List<String> rateCard() {
		return rates.stream().map(ContractRate::describe).toList();
	}

	/** Adds a service line (an expansion) at the end. */
	public void addServiceLine(String name, BigDecimal annualValue) {
		serviceLines.add(new ServiceLine(this, serviceLines.size(), name, annualValue));
	}

	public void changeStatus(ContractStatus status) {
		this.status = status;
	}

	/** ARR: the sum of the service lines' annual values. */
	public Money arr() {
		BigDecimal sum = serviceLines.stream().map(ServiceLine::annualValue).reduce(BigDecimal.ZERO, BigDecimal::add);
		return new Money(sum, currency);
	}

	/**
	 * Total contract value over the whole term (start to end date inclusive), pro rata by
	 * month.
	 */
	public Money totalContractValue() {
		return arr().times(termYears(startDate, endDate));
	}

	public static BigDecimal termYears(LocalDate start, LocalDate end) {
		LocalDate endExclusive = end.plusDays(1);
		long months = ChronoUnit.MONTHS.between(start, endExclusive);
		LocalDate afterWholeMonths = start.plusMonths(months);
		long leftoverDays = ChronoUnit.DAYS.between(afterWholeMonths, endExclusive);
		BigDecimal fraction = BigDecimal.valueOf(leftoverDays)
			.divide(BigDecimal.valueOf(afterWholeMonths.lengthOfMonth()), 6, java.math.RoundingMode.HALF_UP);
		return BigDecimal.valueOf(months)
			.add(fraction)
			.divide(BigDecimal.valueOf(12), 6, java.math.RoundingMode.HALF_UP);
	}

	public ContractForm toForm() {
		return new ContractForm(type, number, startDate, endDate, status, paymentTerms, currency,
				serviceLines.stream().map(l -> new ServiceLineForm(l.name(), l.annualValue())).toList());
	}

	public Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("accountId", accountId);
		state.put("type", type);
		state.put("number", number);
		state.put("startDate", startDate);
		state.put("endDate", endDate);
		state.put("status", status);
		state.put("paymentTerms", paymentTerms);
		state.put("currency", currency);
		state.put("serviceLines",
				serviceLines.stream().map(l -> l.name() + " " + l.annualValue().toPlainString()).toList());
		return state;
	}

	public ContractView toView(String accountName) {
		return new ContractView(id, accountId, accountName, type, number, startDate, endDate, status, paymentTerms,
				currency, serviceLines.stream().map(ServiceLine::toView).toList(), arr(), totalContractValue(), stamp(),
				rates.stream().map(r -> r.toView(currency)).toList());
	}

	public Long id() {
		return id;
	}

	public long accountId() {
		return accountId;
	}

	public ContractStatus status() {
		return status;
	}

	public String number() {
		return number;
	}

	public String currency() {
		return currency;
	}

	public LocalDate startDate() {
		return startDate;
	}

	public String paymentTerms() {
		return paymentTerms;
	}

	public LocalDate endDate() {
		return endDate;
	}

	public ContractType type() {
		return type;
	}

}
