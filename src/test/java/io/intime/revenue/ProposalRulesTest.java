package io.intime.revenue;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The authority rule, the projected value and the version diff of proposals. */
class ProposalRulesTest {

	static CurrentUser as(Role role) {
		return new CurrentUser(1, "u", "U", role, ZoneId.of("UTC"));
	}

	@Test
	void flagsARateBelowTheRateCardAndADiscountBeyondTheAuthority() {
		List<String> flags = ProposalAuthority.flags(
				List.of(new ProposalAuthority.Line("Graphic Designer", new BigDecimal("60"), new BigDecimal("65"),
						new BigDecimal("75")),
						new ProposalAuthority.Line("Content Writer", new BigDecimal("55"), new BigDecimal("55"),
								new BigDecimal("70")),
						new ProposalAuthority.Line("Astronaut", new BigDecimal("1"), null, null)),
				new BigDecimal("7.5"), new BigDecimal("5"), "USD");
		assertThat(flags).containsExactly(
				"needs director approval: Graphic Designer at $60/hr is below the rate card's $65",
				"needs director approval: a 7.5% discount is beyond an account manager's 5%");
		assertThat(ProposalAuthority.flags(List.of(), new BigDecimal("5"), new BigDecimal("5"), "USD")).isEmpty();
	}

	@Test
	void onlyDirectorsAndExecutivesApproveAFlaggedProposal() {
		assertThat(ProposalAuthority.mayApprove(as(Role.SALES_DIRECTOR), true)).isTrue();
		assertThat(ProposalAuthority.mayApprove(as(Role.EXECUTIVE), true)).isTrue();
		assertThat(ProposalAuthority.mayApprove(as(Role.ADMIN), true)).isFalse();
		assertThat(ProposalAuthority.mayApprove(as(Role.ADMIN), false)).isTrue();
		assertThat(ProposalAuthority.mayApprove(as(Role.ACCOUNT_MANAGER), false)).isFalse();
	}

	@Test
	void projectsRolesTimesMonthsTimesHoursTimesTheAverageRateAfterTheDiscount() {
		ProjectedValue value = ProjectedValue.of(List.of(new BigDecimal("65"), new BigDecimal("80")),
				new BigDecimal("10"), 6, 6, 8, 9, 160, "USD");
		// average 72.50, less 10% = 65.25 an hour
		assertThat(value.averageRate().amount()).isEqualByComparingTo("65.25");
		assertThat(value.conservative().value().amount()).isEqualByComparingTo("375840");
		assertThat(value.conservative().arithmetic()).isEqualTo("6 roles × 6 months × 160 h × $65.25/h = $375,840");
		assertThat(value.optimistic().value().amount()).isEqualByComparingTo("751680");
		assertThat(ProjectedValue.of(List.of(), null, 1, 1, 1, 1, 160, "USD").conservative().arithmetic())
			.isEqualTo("1 role × 1 month × 160 h × $0/h = $0");
	}

	@Test
	void diffsTwoVersionsWordByWord() {
		ProposalDiff.Part part = ProposalDiff.part("Commercial terms", "Payment terms: Net 30 (existing terms)",
				"Payment terms: Net 45 (existing terms)");
		assertThat(part.changed()).isTrue();
		assertThat(part.segments()).extracting(s -> s.kind() + ":" + s.text())
			.containsExactly("SAME:Payment terms: Net ", "DELETED:30", "INSERTED:45", "SAME: (existing terms)");
		assertThat(ProposalDiff.part("Title", "Same", "Same").changed()).isFalse();
		List<ProposalDiff.Part> parts = ProposalDiff.between(List.<String[]>of(new String[] { "Scope", "a" }),
				List.<String[]>of(new String[] { "Scope", "a b" }));
		assertThat(parts.get(0).segments()).extracting(ProposalDiff.Segment::kind)
			.containsExactly(ProposalDiff.Kind.SAME, ProposalDiff.Kind.INSERTED);
	}

}
