package io.intime.accounts.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.intime.accounts.ContractRateView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One role of a contract's rate card (e.g. "Graphic Designer", $65–75 an hour). */
@Entity
@Table(name = "contract_rate")
public class ContractRate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "contract_id")
	private Contract contract;

	private int position;

	private String role;

	@Column(name = "min_rate")
	private BigDecimal minRate;

	@Column(name = "max_rate")
	private BigDecimal maxRate;

	private String unit = "HOUR";

	protected ContractRate() {
	}

	ContractRate(Contract contract, int position, String role, BigDecimal minRate, BigDecimal maxRate) {
		this.contract = contract;
		this.position = position;
		this.role = role;
		this.minRate = minRate.setScale(2, RoundingMode.HALF_UP);
		this.maxRate = maxRate.setScale(2, RoundingMode.HALF_UP);
	}

	String describe() {
		return role + " " + minRate.toPlainString() + "-" + maxRate.toPlainString();
	}

	ContractRateView toView(String currency) {
		return new ContractRateView(role, minRate, maxRate, currency, unit);
	}

}
