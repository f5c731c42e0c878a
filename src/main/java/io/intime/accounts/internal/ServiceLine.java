package io.intime.accounts.internal;

import java.math.BigDecimal;

import io.intime.accounts.ServiceLineView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One line of service under a contract (e.g. "IT contract staffing", $350,000 a year).
 */
@Entity
@Table(name = "service_line")
public class ServiceLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "contract_id")
	private Contract contract;

	private int position;

	private String name;

	@Column(name = "annual_value")
	private BigDecimal annualValue;

	protected ServiceLine() {
	}

	public ServiceLine(Contract contract, int position, String name, BigDecimal annualValue) {
		this.contract = contract;
		this.position = position;
		this.name = name;
		// The column keeps two decimals; so does the record from the start, or a new
		// contract would
		// show 350000 where a reloaded one shows 350000.00, and audit a change that is
		// none.
		this.annualValue = annualValue.setScale(2, java.math.RoundingMode.HALF_UP);
	}

	public String name() {
		return name;
	}

	public BigDecimal annualValue() {
		return annualValue;
	}

	public ServiceLineView toView() {
		return new ServiceLineView(id, name, annualValue);
	}

}
