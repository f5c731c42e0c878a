package io.intime.automation.templates;

import java.util.List;
import java.util.Set;

import io.intime.workflows.BuiltInTemplate;
import io.intime.workflows.FieldDef;
import io.intime.workflows.RoleDef;
import io.intime.workflows.StepDef;
import io.intime.workflows.StepType;
import io.intime.workflows.TemplateDefinition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The four templates against spec 05: the spec's roles, its steps in order with their
 * types and assignees (the automated steps added beside them), and every form field with
 * its label, type and required flag; each template valid with the actions and documents
 * this package declares.
 */
class SpecTemplatesTest {

	static final Set<String> ACTIONS = Set.of(QbrPrepare.KEY, QbrDeck.KEY, QbrActionItems.KEY, RenewalCrmUpdate.KEY,
			RenewalChurn.KEY, HealthCheckSnapshot.KEY, DisputeNotification.KEY, DisputeResolution.KEY,
			DisputeEscalation.KEY, DisputeClosing.KEY);

	@Test
	void theQbrHasTheSpecsStepsAndFields() {
		TemplateDefinition qbr = valid(SpecTemplates.qbr());
		assertThat(roles(qbr)).containsExactly("Client Stakeholder", "Account Manager");
		assertThat(specSteps(qbr)).containsExactly("Pre-QBR data collection FORM Account Manager",
				"QBR presentation upload FILE_REQUEST Account Manager", "Client pre-QBR survey FORM Client Stakeholder",
				"QBR meeting completion TODO Account Manager",
				"Action items acknowledgement ACKNOWLEDGEMENT Client Stakeholder",
				"Internal debrief TODO Account Manager");
		assertThat(fields(qbr, "pre-qbr-data")).containsExactly("Renewal Date DATE required",
				"Annual Recurring Revenue (ARR) NUMBER required", "Support Tickets (This Quarter) NUMBER optional",
				"NPS Score NUMBER optional", "Key Wins This Quarter MULTILINE required");
		assertThat(fields(qbr, "client-survey")).containsExactly("Overall Satisfaction DROPDOWN required",
				"Top Priorities for Next Quarter MULTILINE required",
				"Feature Requests or Improvements MULTILINE optional");
		assertThat(qbr.step("client-survey").orElseThrow().fields().get(0).options()).containsExactly("Very satisfied",
				"Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied");
	}

	@Test
	void theAnnualRenewalHasTheSpecsStepsFieldsAndBranches() {
		TemplateDefinition renewal = valid(SpecTemplates.annualRenewal());
		assertThat(roles(renewal)).containsExactly("Client Contact", "CSM", "Finance");
		assertThat(specSteps(renewal)).containsExactly("Renewal kickoff details FORM CSM",
				"Usage & value report upload FILE_REQUEST CSM", "Client renewal survey FORM Client Contact",
				"Internal pricing approval APPROVAL Finance", "Renewal proposal delivery FILE_REQUEST CSM",
				"Client proposal review DECISION Client Contact", "Renewal contract e-signature ESIGN Client Contact",
				"Post-renewal CRM update TODO CSM", "Downgrade details FORM CSM");
		assertThat(fields(renewal, "kickoff")).containsExactly("Account Name TEXT required",
				"Contract End Date DATE required", "Current ARR NUMBER required",
				"Number of Licenses / Seats NUMBER optional", "Renewal Risk Factors MULTILINE optional",
				"Upsell Opportunities MULTILINE optional");
		assertThat(fields(renewal, "client-survey")).containsExactly("Overall Satisfaction DROPDOWN required",
				"Current Usage Level DROPDOWN required", "Any budget changes expected? DROPDOWN required",
				"Other vendors being evaluated? MULTILINE optional");
		assertThat(fields(renewal, "pricing-approval")).containsExactly("Proposed ARR MONEY required",
				"Discount % NUMBER optional", "Term (months) NUMBER optional");
		FieldDef discount = renewal.step("pricing-approval").orElseThrow().fields().get(1);
		assertThat(discount.min()).isEqualByComparingTo("0");
		assertThat(discount.max()).isEqualByComparingTo("50");
		StepDef pricing = renewal.step("pricing-approval").orElseThrow();
		assertThat(pricing.rejectTo()).isEqualTo("kickoff");
		StepDef review = renewal.step("proposal-review").orElseThrow();
		assertThat(review.options()).extracting(o -> o.key() + " -> " + o.next())
			.containsExactly("accept -> esign", "negotiate -> pricing-approval", "downgrade -> downgrade-details",
					"not-renew -> close-churned");
		assertThat(renewal.step("downgrade-details").orElseThrow().next()).isEqualTo("pricing-approval");
		assertThat(renewal.step("esign").orElseThrow().document()).isEqualTo("action:renewal.agreement");
		assertThat(renewal.step("post-renewal").orElseThrow().next()).isEqualTo(StepDef.END);
		assertThat(renewal.step("close-churned").orElseThrow().next()).isEqualTo(StepDef.END);
		assertThat(renewal.step("usage-report").orElseThrow().allowedTypes()).containsExactly("pdf", "xlsx", "pptx",
				"docx");
	}

	@Test
	void theHealthCheckHasTheSpecsStepsAndFields() {
		TemplateDefinition check = valid(SpecTemplates.healthCheck());
		assertThat(roles(check)).containsExactly("Client Contact", "CSM");
		assertThat(specSteps(check)).containsExactly("Health check trigger details FORM CSM",
				"Client satisfaction survey FORM Client Contact", "Internal risk assessment FORM CSM",
				"Health check meeting TODO CSM", "Action plan acknowledgement ACKNOWLEDGEMENT Client Contact",
				"Follow-up completion TODO CSM");
		assertThat(fields(check, "trigger-details")).containsExactly("Trigger Reason DROPDOWN required",
				"Current Health (R/Y/G) DROPDOWN required", "Days to Renewal NUMBER optional");
		assertThat(check.step("trigger-details").orElseThrow().fields().get(0).options()).containsExactly(
				"Health score drop", "Key contact change", "Scheduled pulse", "Support escalation", "Usage decline");
		assertThat(fields(check, "satisfaction-survey")).containsExactly("Overall Satisfaction DROPDOWN required",
				"What is working well? MULTILINE optional", "What could be improved? MULTILINE required",
				"Anything we should know? MULTILINE optional");
		assertThat(fields(check, "risk-assessment")).containsExactly("Risk Level DROPDOWN required",
				"Primary Risk Factors MULTILINE required", "Recommended Intervention MULTILINE required");
	}

	@Test
	void theBillingDisputeHasTheSpecsStepsFieldsAndBranches() {
		TemplateDefinition dispute = valid(SpecTemplates.billingDispute());
		assertThat(roles(dispute)).containsExactly("Client", "Finance Lead");
		assertThat(specSteps(dispute)).containsExactly("Dispute intake form FORM Client",
				"Supporting documentation FILE_REQUEST Client", "Internal investigation TODO Finance Lead",
				"Resolution approval APPROVAL Finance Lead", "Resolution acceptance DECISION Client",
				"Resolution processing TODO Finance Lead", "Resolution acknowledgement ACKNOWLEDGEMENT Client");
		assertThat(dispute.step("resolution-notification").orElseThrow().type()).isEqualTo(StepType.AUTOMATED);
		assertThat(dispute.step("resolution-processing").orElseThrow().type()).isEqualTo(StepType.AUTOMATED);
		assertThat(fields(dispute, "dispute-intake")).containsExactly("Invoice Number TEXT required",
				"Disputed Amount NUMBER required", "Dispute Category DROPDOWN required",
				"Description of Dispute MULTILINE required", "Expected Resolution MULTILINE required");
		assertThat(dispute.step("dispute-intake").orElseThrow().fields().get(2).options()).containsExactly(
				"Pricing error", "Duplicate charge", "Unused licenses", "Service outage or SLA breach", "Other");
		assertThat(fields(dispute, "resolution-approval")).containsExactly("Resolution type DROPDOWN required",
				"Amount MONEY optional", "Rationale MULTILINE required");
		assertThat(dispute.step("resolution-approval").orElseThrow().fields().get(0).options())
			.containsExactly("Credit", "Refund", "Adjustment", "Denial");
		assertThat(dispute.step("resolution-acceptance").orElseThrow().options())
			.extracting(o -> o.key() + " -> " + o.next())
			.containsExactly("accept -> resolution-processing", "escalate -> dispute-escalation",
					"add-information -> supporting-documents");
		assertThat(dispute.step("dispute-escalation").orElseThrow().next()).isEqualTo("investigation");
		assertThat(dispute.step("close-dispute").orElseThrow().next()).isEqualTo(StepDef.END);
	}

	private static TemplateDefinition valid(BuiltInTemplate template) {
		assertThat(template.definition().problems(ACTIONS, Set.of(RenewalAgreement.KEY))).isEmpty();
		return template.definition();
	}

	private static List<String> roles(TemplateDefinition definition) {
		return definition.roles().stream().map(RoleDef::name).toList();
	}

	/** The steps people act on: "name TYPE role". */
	private static List<String> specSteps(TemplateDefinition definition) {
		return definition.steps()
			.stream()
			.filter(s -> s.type() != StepType.AUTOMATED)
			.map(s -> s.name() + " " + s.type().name() + " " + definition.role(s.role()).orElseThrow().name())
			.toList();
	}

	private static List<String> fields(TemplateDefinition definition, String step) {
		return definition.step(step)
			.orElseThrow()
			.fields()
			.stream()
			.map(f -> f.label() + " " + f.type().name() + " " + (f.required() ? "required" : "optional"))
			.toList();
	}

}
