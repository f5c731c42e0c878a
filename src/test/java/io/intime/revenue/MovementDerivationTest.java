package io.intime.revenue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractTerm;
import io.intime.accounts.ContractType;
import io.intime.revenue.MovementDerivation.Derived;
import io.intime.revenue.MovementDerivation.Recorded;
import io.intime.revenue.MovementDerivation.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class MovementDerivationTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

	@Test
	void aRenewedTermAndItsSuccessorAreARenewalWithTheIncreaseAsExpansion() {
		ContractTerm prior = term(1, "MSA-1", ContractStatus.RENEWED, "2024-03-01", "2025-02-28", "100000");
		ContractTerm current = term(2, "MSA-2", ContractStatus.ACTIVE, "2025-03-01", "2026-02-28", "120000");

		Result result = derive(List.of(prior, current), Map.of());

		assertThat(result.movements()).extracting(Derived::kind, Derived::on, Derived::amount)
			.containsExactly(tuple(ArrMovementKind.NEW, date("2024-03-01"), new BigDecimal("100000")),
					tuple(ArrMovementKind.RENEWAL, date("2025-03-01"), new BigDecimal("100000")),
					tuple(ArrMovementKind.EXPANSION, date("2025-03-01"), new BigDecimal("20000")));
		assertThat(result.ledger()).extracting(Recorded::contractId, Recorded::arr)
			.containsExactlyInAnyOrder(tuple(1L, BigDecimal.ZERO), tuple(2L, new BigDecimal("120000")));
	}

	@Test
	void theLastContractExpiringIsAChurnAndAProjectEndingBesideAnotherIsAContraction() {
		ContractTerm msa = term(1, "MSA-1", ContractStatus.ACTIVE, "2025-01-01", "2026-12-31", "300000");
		ContractTerm sow = term(2, "SOW-1", ContractStatus.EXPIRED, "2025-06-01", "2026-05-31", "50000");

		Result history = derive(List.of(msa, sow), Map.of());
		assertThat(history.movements()).extracting(Derived::kind, Derived::on, Derived::amount)
			.containsExactly(tuple(ArrMovementKind.NEW, date("2025-01-01"), new BigDecimal("300000")),
					tuple(ArrMovementKind.EXPANSION, date("2025-06-01"), new BigDecimal("50000")),
					tuple(ArrMovementKind.CONTRACTION, date("2026-06-01"), new BigDecimal("-50000")));

		ContractTerm expired = term(1, "MSA-1", ContractStatus.EXPIRED, "2025-01-01", "2026-11-30", "300000");
		Result churn = MovementDerivation.derive(List.of(expired, sow), ledgerOf(history.ledger()),
				List.of(new MovementDerivation.Past(date("2025-01-01"), "USD", new BigDecimal("300000"))),
				id -> id == 1 ? ChurnCategory.STRUCTURAL : null, TODAY);
		assertThat(churn.movements()).extracting(Derived::kind, Derived::on, Derived::amount, Derived::category)
			.containsExactly(tuple(ArrMovementKind.CHURN, date("2026-12-01"), new BigDecimal("-300000"),
					ChurnCategory.STRUCTURAL));
	}

	@Test
	void aChangeOfServiceLinesIsAnExpansionOrContractionToday() {
		ContractTerm before = term(1, "MSA-1", ContractStatus.ACTIVE, "2025-01-01", "2026-12-31", "300000");
		Result first = derive(List.of(before), Map.of());
		ContractTerm after = term(1, "MSA-1", ContractStatus.ACTIVE, "2025-01-01", "2026-12-31", "280000");

		Result second = MovementDerivation.derive(List.of(after), ledgerOf(first.ledger()),
				List.of(new MovementDerivation.Past(date("2025-01-01"), "USD", new BigDecimal("300000"))), id -> null,
				TODAY);

		assertThat(second.movements()).extracting(Derived::kind, Derived::on, Derived::amount, Derived::cause)
			.containsExactly(tuple(ArrMovementKind.CONTRACTION, TODAY, new BigDecimal("-20000"),
					"Service lines of MSA-1 changed"));
	}

	@Test
	void nothingChangedRecordsNothing() {
		ContractTerm msa = term(1, "MSA-1", ContractStatus.ACTIVE, "2025-01-01", "2026-12-31", "300000");
		Result first = derive(List.of(msa), Map.of());

		Result again = MovementDerivation.derive(List.of(msa), ledgerOf(first.ledger()), List.of(), id -> null, TODAY);

		assertThat(again.movements()).isEmpty();
	}

	/**
	 * Renewing in two steps (the old contract marked renewed, then the new one executed)
	 * never shows a churn and a new client: the renewed contract keeps its ARR until its
	 * successor starts.
	 */
	@Test
	void aRenewalInTwoStepsWaitsForTheSuccessor() {
		ContractTerm active = term(1, "MSA-1", ContractStatus.ACTIVE, "2025-12-05", "2026-12-04", "100000");
		Result first = derive(List.of(active), Map.of());
		List<MovementDerivation.Past> past = List
			.of(new MovementDerivation.Past(date("2025-12-05"), "USD", new BigDecimal("100000")));

		ContractTerm renewed = term(1, "MSA-1", ContractStatus.RENEWED, "2025-12-05", "2026-12-04", "100000");
		Result marked = MovementDerivation.derive(List.of(renewed), ledgerOf(first.ledger()), past, id -> null, TODAY);
		assertThat(marked.movements()).isEmpty();

		ContractTerm draft = term(2, "MSA-2", ContractStatus.DRAFT, "2026-12-05", "2027-12-04", "90000");
		Result drafted = MovementDerivation.derive(List.of(renewed, draft), ledgerOf(marked.ledger()), past, id -> null,
				TODAY);
		assertThat(drafted.movements()).isEmpty();

		ContractTerm successor = term(2, "MSA-2", ContractStatus.ACTIVE, "2026-12-05", "2027-12-04", "90000");
		Result executed = MovementDerivation.derive(List.of(renewed, successor), ledgerOf(drafted.ledger()), past,
				id -> null, TODAY);
		assertThat(executed.movements()).extracting(Derived::kind, Derived::on, Derived::amount)
			.containsExactly(tuple(ArrMovementKind.RENEWAL, TODAY, new BigDecimal("100000")),
					tuple(ArrMovementKind.CONTRACTION, TODAY, new BigDecimal("-10000")));
	}

	@Test
	void aDeletedContractTakesItsArrAwayAndIsForgotten() {
		ContractTerm msa = term(1, "MSA-1", ContractStatus.ACTIVE, "2025-01-01", "2026-12-31", "300000");
		Result first = derive(List.of(msa), Map.of());

		Result deleted = MovementDerivation.derive(List.of(), ledgerOf(first.ledger()),
				List.of(new MovementDerivation.Past(date("2025-01-01"), "USD", new BigDecimal("300000"))), id -> null,
				TODAY);

		assertThat(deleted.movements()).extracting(Derived::kind, Derived::amount, Derived::category)
			.containsExactly(tuple(ArrMovementKind.CHURN, new BigDecimal("-300000"), ChurnCategory.VOLUNTARY));
		assertThat(deleted.forgotten()).containsExactly(1L);
	}

	@Test
	void aDraftCarriesNoArrAndATerminatedProjectCountedUntilItStopped() {
		ContractTerm msa = term(1, "MSA-1", ContractStatus.ACTIVE, "2025-01-01", "2026-12-31", "300000");
		ContractTerm draft = term(2, "MSA-2", ContractStatus.DRAFT, "2027-01-01", "2027-12-31", "310000");
		ContractTerm stopped = new ContractTerm(3, 7, "SOW-3", ContractType.SOW, ContractStatus.TERMINATED, "USD",
				date("2026-08-01"), date("2027-01-31"), new BigDecimal("40000"), date("2026-10-15"));

		Result result = derive(List.of(msa, draft, stopped), Map.of());

		assertThat(result.movements()).extracting(Derived::kind, Derived::on, Derived::amount)
			.containsExactly(tuple(ArrMovementKind.NEW, date("2025-01-01"), new BigDecimal("300000")),
					tuple(ArrMovementKind.EXPANSION, date("2026-08-01"), new BigDecimal("40000")),
					tuple(ArrMovementKind.CONTRACTION, date("2026-10-15"), new BigDecimal("-40000")));
	}

	private static Result derive(List<ContractTerm> terms, Map<Long, Recorded> ledger) {
		return MovementDerivation.derive(terms, ledger, List.of(), id -> null, TODAY);
	}

	private static Map<Long, Recorded> ledgerOf(List<Recorded> rows) {
		Map<Long, Recorded> ledger = new HashMap<>();
		rows.forEach(r -> ledger.put(r.contractId(), r));
		return ledger;
	}

	private static ContractTerm term(long id, String number, ContractStatus status, String start, String end,
			String arr) {
		return new ContractTerm(id, 7, number, number.startsWith("SOW") ? ContractType.SOW : ContractType.MSA, status,
				"USD", date(start), date(end), new BigDecimal(arr), TODAY);
	}

	private static LocalDate date(String value) {
		return LocalDate.parse(value);
	}

}
