package io.intime.revenue;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.intime.IntegrationTest;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractRateForm;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.MoneyInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The expansion pipeline on real PostgreSQL: board moves with their stage history and a
 * stale version refused; a proposal reviewed by the AM's sales director (notice and
 * task), returned, approved and sent as a PDF; a won opportunity added to the contract.
 */
@IntegrationTest
@RecordApplicationEvents
class ExpansionPipelineIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	OpportunityManagement opportunities;

	@Autowired
	ExpansionPipeline pipeline;

	@Autowired
	Proposals proposals;

	@Autowired
	ContractManagement contracts;

	@Autowired
	UserDirectory users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	AccountFixtures fixtures;

	CurrentUser am;

	CurrentUser director;

	AccountDetails account;

	ContractView contract;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		am = fixtures.user(Role.ACCOUNT_MANAGER);
		director = fixtures.user(Role.SALES_DIRECTOR);
		users.seedReportsTo(List.of(am.id()), director.id());
		account = fixtures.account(am, "USD");
		contract = fixtures.contract(account, ContractStatus.ACTIVE, "USD", "400000");
		contract = contracts.updateRateCard(contract.id(),
				List.of(new ContractRateForm("Graphic Designer", new BigDecimal("65"), new BigDecimal("75")),
						new ContractRateForm("Content Writer", new BigDecimal("55"), new BigDecimal("70"))),
				contract.stamp().version(), fixtures.executive());
	}

	private OpportunityView opportunity(String title, OpportunityStage stage) {
		return opportunities.create(account.id(),
				new OpportunityForm(title, stage, new MoneyInput(new BigDecimal("150000"), "USD"),
						"Mentioned in last call", "Send proposal", null, null, null),
				am);
	}

	@Test
	void aBoardMoveIsKeptInTheStageHistoryAndAStaleVersionIsRefused() {
		OpportunityView o = opportunity("Marketing Department", OpportunityStage.IDENTIFIED);

		OpportunityView moved = opportunities.moveTo(o.id(), OpportunityStage.QUALIFIED, o.stamp().version(), am);

		assertThatThrownBy(() -> opportunities.moveTo(o.id(), OpportunityStage.PROPOSAL, o.stamp().version(), am))
			.isInstanceOf(StaleVersionException.class);
		assertThat(opportunities.get(o.id(), am).stage()).isEqualTo(OpportunityStage.QUALIFIED);
		assertThat(opportunities.stageHistory(o.id(), am)).extracting(h -> h.from() + "→" + h.to() + " by " + h.by())
			.containsExactly("null→IDENTIFIED by " + am.username(), "IDENTIFIED→QUALIFIED by " + am.username());
		ExpansionBoard board = pipeline.board(false, am);
		assertThat(board.columns().get(1).stage()).isEqualTo(OpportunityStage.QUALIFIED);
		assertThat(board.columns().get(1).cards()).extracting(c -> c.opportunity().id()).containsExactly(moved.id());
		assertThat(board.columns().get(1).totalUsd().amount()).isEqualByComparingTo("150000");
		// coverage: $150K qualified ÷ default goal (15% × $400K / 4 = $15K) = 10×
		ExpansionBoard.Coverage coverage = board.coverage().get(0);
		assertThat(coverage.defaultGoal()).isTrue();
		assertThat(coverage.goalUsd().amount()).isEqualByComparingTo("15000");
		assertThat(coverage.sentence()).isEqualTo("10× of 3× target");
		assertThat(coverage.band()).isEqualTo("green");

		pipeline.setGoal(am.id(), board.quarter(), new BigDecimal("60000"), null, director);
		ExpansionBoard.Coverage set = pipeline.board(false, director)
			.coverage()
			.stream()
			.filter(c -> c.ownerId() == am.id())
			.findFirst()
			.orElseThrow();
		assertThat(set.sentence()).isEqualTo("2.5× of 3× target");
		assertThat(set.band()).isEqualTo("yellow");
		assertThatThrownBy(() -> pipeline.setGoal(am.id(), board.quarter(), new BigDecimal("70000"), null, director))
			.isInstanceOf(StaleVersionException.class);
		assertThatThrownBy(() -> pipeline.setGoal(am.id(), board.quarter(), new BigDecimal("70000"), 0L, am))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aProposalIsReviewedByTheDirectorReturnedApprovedAndSentAsAPdf() {
		OpportunityView o = opportunity("Marketing Department", OpportunityStage.QUALIFIED);
		ProposalView draft = proposals.draft(o.id(), am);
		assertThat(draft.content().rates()).extracting(ProposalView.RateLine::role)
			.containsExactly("Graphic Designer", "Content Writer");
		assertThat(draft.content().section(ProposalSection.TERMS)).contains("Net 30").contains(contract.number());
		assertThat(draft.content().section(ProposalSection.SUMMARY))
			.startsWith(account.name() + " has worked with InTime since March 2021");

		ProposalView v2 = proposals.save(draft.id(), edit(draft, "60"), draft.version(), am);
		assertThat(v2.currentVersion()).isEqualTo(2);
		assertThat(v2.flags())
			.containsExactly("needs director approval: Graphic Designer at $60/hr is below the rate card's $65");
		assertThatThrownBy(() -> proposals.send(v2.id(), v2.version(), am)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("Only an approved proposal can be sent");

		ProposalView inReview = proposals.requestReview(v2.id(), v2.version(), am);
		assertThat(inReview.status()).isEqualTo(ProposalStatus.IN_REVIEW);
		assertThat(inReview.reviewerId()).isEqualTo(director.id());
		assertThat(notices(director.id(), "revenue.proposal-review")).hasSize(1);
		assertThat(jdbc.sql(
				"select count(*) from task where assignee_id = :d and record_type = 'proposal' and record_id = :p and status = 'OPEN'")
			.param("d", director.id())
			.param("p", v2.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		CurrentUser admin = fixtures.user(Role.ADMIN);
		assertThatThrownBy(() -> proposals.approve(v2.id(), inReview.version(), admin))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> proposals.returnToAuthor(v2.id(), " ", inReview.version(), director))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("comment");
		ProposalView returned = proposals.returnToAuthor(v2.id(), "Keep the designer at $65", inReview.version(),
				director);
		assertThat(returned.status()).isEqualTo(ProposalStatus.RETURNED);
		assertThat(notices(am.id(), "revenue.proposal-decision")).hasSize(1);
		assertThat(jdbc.sql("select status from task where record_type = 'proposal' and record_id = :p")
			.param("p", v2.id())
			.query(String.class)
			.single()).isEqualTo("DONE");

		ProposalView v3 = proposals.save(v2.id(), edit(returned, "65"), returned.version(), am);
		assertThat(v3.flags()).isEmpty();
		ProposalView again = proposals.requestReview(v3.id(), v3.version(), am);
		ProposalView approved = proposals.approve(v3.id(), again.version(), director);
		assertThat(approved.sendable()).isTrue();
		assertThat(notices(am.id(), "revenue.proposal-decision")).hasSize(2);
		assertThat(proposals.diff(v3.id(), 2, 3, am)).filteredOn(ProposalDiff.Part::changed)
			.extracting(ProposalDiff.Part::label)
			.containsExactly("Rates");

		ProposalView sent = proposals.send(v3.id(), approved.version(), am);
		assertThat(sent.status()).isEqualTo(ProposalStatus.SENT);
		assertThat(sent.sentVersion()).isEqualTo(3);
		byte[] pdf = proposals.pdf(v3.id(), am);
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(opportunities.get(o.id(), am).stage()).isEqualTo(OpportunityStage.PROPOSAL);
		assertThat(events.stream(ProposalEvent.class).filter(e -> e.proposalId() == v3.id()))
			.extracting(e -> e.getClass().getSimpleName())
			.containsExactly("ProposalDrafted", "ProposalSaved", "ProposalReviewRequested", "ProposalReturned",
					"ProposalSaved", "ProposalReviewRequested", "ProposalApproved", "ProposalSent");
	}

	@Test
	void anotherAccountManagerNeitherSeesNorDraftsTheProposal() {
		OpportunityView o = opportunity("Data team", OpportunityStage.IDENTIFIED);
		CurrentUser other = fixtures.user(Role.ACCOUNT_MANAGER);
		assertThatThrownBy(() -> proposals.draft(o.id(), other)).isInstanceOf(AccessDeniedException.class);
		assertThat(pipeline.board(false, other).columns()).allSatisfy(c -> assertThat(c.cards()).isEmpty());
	}

	@Test
	void aWonOpportunityAddsItsValueToTheActiveContractOrANewSow() {
		OpportunityView o = opportunity("DevOps expansion", OpportunityStage.NEGOTIATION);
		opportunities.moveTo(o.id(), OpportunityStage.WON, o.stamp().version(), am);

		ContractView after = contracts.get(contract.id(), am);
		assertThat(after.serviceLines()).extracting(l -> l.name() + " " + l.annualValue().toPlainString())
			.containsExactly("Service 400000 400000.00", "DevOps expansion 150000.00");
		assertThat(fixtures.reload(account).arr().amount()).isEqualByComparingTo("550000");
		OpportunityView reopened = opportunities.moveTo(o.id(), OpportunityStage.NEGOTIATION,
				opportunities.get(o.id(), am).stamp().version(), am);
		opportunities.moveTo(o.id(), OpportunityStage.WON, reopened.stamp().version(), am);
		assertThat(contracts.get(contract.id(), am).serviceLines()).as("won again: already on the contract").hasSize(2);

		OpportunityView euro = opportunities.create(account.id(),
				new OpportunityForm("Berlin office", OpportunityStage.NEGOTIATION,
						new MoneyInput(new BigDecimal("80000"), "EUR"), null, null, null, null, null),
				am);
		opportunities.moveTo(euro.id(), OpportunityStage.WON, euro.stamp().version(), am);
		assertThat(contracts.forAccount(account.id(), am)).filteredOn(c -> c.currency().equals("EUR"))
			.singleElement()
			.satisfies(sow -> {
				assertThat(sow.status()).isEqualTo(ContractStatus.ACTIVE);
				assertThat(sow.number()).isEqualTo("SOW-Opportunity-" + euro.id());
				assertThat(sow.serviceLines()).extracting(l -> l.name()).containsExactly("Berlin office");
			});
	}

	private List<String> notices(long userId, String kind) {
		return jdbc.sql("select title from notification where recipient_id = :u and kind = :k")
			.param("u", userId)
			.param("k", kind)
			.query(String.class)
			.list();
	}

	private static ProposalForm edit(ProposalView p, String designerRate) {
		ProposalView.Content c = p.content();
		Map<ProposalSection, String> sections = new EnumMap<>(c.sections());
		return new ProposalForm(c.title(), sections,
				List.of(new ProposalForm.Rate("Graphic Designer", new BigDecimal(designerRate)),
						new ProposalForm.Rate("Content Writer", new BigDecimal("60"))),
				c.discountPercent(), c.lowRoles(), c.lowMonths(), c.highRoles(), c.highMonths(), c.hoursPerMonth());
	}

}
