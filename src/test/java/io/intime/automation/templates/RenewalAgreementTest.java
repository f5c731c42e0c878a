package io.intime.automation.templates;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountStatus;
import io.intime.accounts.ContactView;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ContractView;
import io.intime.accounts.Influence;
import io.intime.accounts.ServiceLineView;
import io.intime.accounts.StakeholderRole;
import io.intime.accounts.Tier;
import io.intime.identity.Role;
import io.intime.identity.UserSummary;
import io.intime.shared.Money;
import io.intime.shared.Stamp;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renewal agreement as a document: one page with the parties, the terms, the services
 * at their renewed values and the signature block; a downgrade says what the client
 * keeps.
 */
class RenewalAgreementTest {

	static final Stamp STAMP = new Stamp(0, Instant.EPOCH, "test", Instant.EPOCH, "test");

	@Test
	void aDowngradedRenewalFitsOnePageWithItsScopeAndSignatureBlock() throws Exception {
		ContractView contract = new ContractView(7, 3, "Brightline Logistics", ContractType.MSA, "MSA-2026-017",
				LocalDate.of(2026, 4, 1), LocalDate.of(2027, 3, 31), ContractStatus.ACTIVE, "Net 45", "USD",
				List.of(new ServiceLineView(1L, "Contract staffing", new BigDecimal("300000")),
						new ServiceLineView(2L, "Permanent placements", new BigDecimal("150000")),
						new ServiceLineView(3L, "Payroll services", new BigDecimal("50000"))),
				Money.of("500000", "USD"), Money.of("500000", "USD"), STAMP, List.of());
		RenewalTerms.Terms terms = new RenewalTerms.Terms(contract, null, Money.of("500000", "USD"),
				Money.of("420000", "USD"), new BigDecimal("4"), 12, LocalDate.of(2027, 4, 1), LocalDate.of(2028, 3, 31),
				"Contract staffing and payroll; permanent placements end");
		AccountDetails account = new AccountDetails(3, "BRIGHT", "Brightline Logistics", "Logistics", 2400,
				"Memphis, TN", "America/Chicago", AccountStatus.ACTIVE, Tier.STRATEGIC, null, true,
				LocalDate.of(2021, 3, 1), 9L, "Sarah Chen", null, null, "USD", "North America",
				Money.of("500000", "USD"), STAMP, null, 72, null, null, null);
		ContactView signer = new ContactView(11, 3, "Brightline Logistics", "Dana Whitfield", "VP Procurement",
				"dana@brightline.example", null, "America/Chicago", StakeholderRole.ECONOMIC_BUYER, Influence.HIGH,
				true, STAMP);
		UserSummary csm = new UserSummary(9, "sarah.chen", "Sarah Chen", "sarah@intime.example", "Account Manager",
				Role.ACCOUNT_MANAGER, "America/New_York", true);

		byte[] pdf = Pdfs
			.render(RenewalAgreement.html(terms, account, signer, csm, "RA-42", LocalDate.of(2026, 12, 3)));

		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			String text = new PDFTextStripper().getText(document);
			assertThat(text).as("a downgrade's scope replaces the old lines scaled").doesNotContain("$126,000");
			assertThat(text).contains("Memphis, TN (the Client)", "MSA-2026-017",
					"April 1, 2027 to March 31, 2028 (12 months)", "$420,000 USD", "(-16% against",
					"4% (included in the annual value above)",
					"Contract staffing and payroll; permanent placements end", "Dana Whitfield", "VP Procurement",
					"Sarah Chen", "Net 45");
		}
		assertThat(AnnualRenewalTemplateIntegrationTest.screenshot(pdf, "renewal-agreement-downgrade")).exists();
	}

}
