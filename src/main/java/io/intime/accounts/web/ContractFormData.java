package io.intime.accounts.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ServiceLineForm;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * What the contract form posts, with its service lines bound as
 * {@code serviceLines[0].name}, {@code serviceLines[0].annualValue} and so on; converted
 * to the facade's {@link ContractForm}.
 */
public class ContractFormData {

	private ContractType type;

	private String number;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate startDate;

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private LocalDate endDate;

	private ContractStatus status;

	private String paymentTerms;

	private String currency;

	private List<Line> serviceLines = new ArrayList<>();

	private long version;

	static ContractFormData of(ContractForm form, long version) {
		ContractFormData data = new ContractFormData();
		data.type = form.type();
		data.number = form.number();
		data.startDate = form.startDate();
		data.endDate = form.endDate();
		data.status = form.status();
		data.paymentTerms = form.paymentTerms();
		data.currency = form.currency();
		data.serviceLines = form.serviceLines()
			.stream()
			.map(l -> new Line(l.name(), l.annualValue()))
			.collect(Collectors.toCollection(ArrayList::new));
		data.version = version;
		return data;
	}

	ContractForm toForm() {
		// A line left completely empty (e.g. an "Add line" not filled in) is not a line.
		List<ServiceLineForm> lines = serviceLines.stream()
			.filter(Objects::nonNull)
			.filter(l -> !(isBlank(l.name) && l.annualValue == null))
			.map(l -> new ServiceLineForm(l.name, l.annualValue))
			.toList();
		return new ContractForm(type, number == null ? null : number.trim(), startDate, endDate, status, paymentTerms,
				currency, lines);
	}

	/** The lines without the empty ones, so that error indexes match what is shown. */
	void dropEmptyLines() {
		serviceLines = serviceLines.stream()
			.filter(Objects::nonNull)
			.filter(l -> !(isBlank(l.name) && l.annualValue == null))
			.collect(Collectors.toCollection(ArrayList::new));
	}

	Map<String, Object> comparable() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("type", type);
		values.put("number", number);
		values.put("startDate", startDate);
		values.put("endDate", endDate);
		values.put("status", status);
		values.put("paymentTerms", paymentTerms);
		values.put("currency", currency);
		values.put("serviceLines", serviceLines.stream()
			.filter(Objects::nonNull)
			.map(l -> l.name + " " + (l.annualValue == null ? "" : l.annualValue.stripTrailingZeros().toPlainString()))
			.collect(Collectors.joining(", ")));
		return values;
	}

	/** The sum of the lines' annual values, for the live total's first paint. */
	public BigDecimal getTotal() {
		return serviceLines.stream()
			.filter(Objects::nonNull)
			.map(Line::getAnnualValue)
			.filter(Objects::nonNull)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

	public ContractType getType() {
		return type;
	}

	public void setType(ContractType type) {
		this.type = type;
	}

	public String getNumber() {
		return number;
	}

	public void setNumber(String number) {
		this.number = number;
	}

	public LocalDate getStartDate() {
		return startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public LocalDate getEndDate() {
		return endDate;
	}

	public void setEndDate(LocalDate endDate) {
		this.endDate = endDate;
	}

	public ContractStatus getStatus() {
		return status;
	}

	public void setStatus(ContractStatus status) {
		this.status = status;
	}

	public String getPaymentTerms() {
		return paymentTerms;
	}

	public void setPaymentTerms(String paymentTerms) {
		this.paymentTerms = paymentTerms;
	}

	public String getCurrency() {
		return currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public List<Line> getServiceLines() {
		return serviceLines;
	}

	public void setServiceLines(List<Line> serviceLines) {
		this.serviceLines = serviceLines;
	}

	public long getVersion() {
		return version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	/** One service line as posted. */
	public static class Line {

		private String name;

		private BigDecimal annualValue;

		public Line() {
		}

		Line(String name, BigDecimal annualValue) {
			this.name = name;
			this.annualValue = annualValue;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public BigDecimal getAnnualValue() {
			return annualValue;
		}

		public void setAnnualValue(BigDecimal annualValue) {
			this.annualValue = annualValue;
		}

	}

}
