package io.intime.automation.templates;

import java.math.BigDecimal;
import java.util.List;

import io.intime.workflows.BuiltInTemplate;
import io.intime.workflows.DecisionOption;
import io.intime.workflows.FieldDef;
import io.intime.workflows.FieldType;
import io.intime.workflows.RoleDef;
import io.intime.workflows.StepDef;
import io.intime.workflows.StepType;
import io.intime.workflows.TemplateDefinition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The four templates of spec 05 (QBR, Annual Renewal, Client Health Check, Billing
 * Dispute Resolution) with their roles, steps and form fields as the spec lists them, and
 * the automated steps that make them change the records they are about: the quarter's
 * metrics and the deck of the QBR, the renewal agreement, the contract and its ARR
 * movements, the churned renewal, the health snapshot, the dispute's notification, credit
 * memo, escalation and closing. Created as version 1 on the first start; admins change
 * them from there.
 */
@Configuration(proxyBeanMethods = false)
class SpecTemplates {

	static final String QBR = "qbr";

	static final String RENEWAL = "annual-renewal";

	static final String HEALTH_CHECK = "health-check";

	static final String BILLING_DISPUTE = "billing-dispute";

	/** The five-point satisfaction scale every survey of the templates asks. */
	static final String[] SATISFACTION = { "Very satisfied", "Satisfied", "Neutral", "Dissatisfied",
			"Very dissatisfied" };

	static final String[] RESOLUTION_TYPES = { "Credit", "Refund", "Adjustment", "Denial" };

	static final long DOCUMENT_BYTES = 25L * 1024 * 1024;

	@Bean
	BuiltInTemplate qbrTemplate() {
		return qbr();
	}

	@Bean
	BuiltInTemplate annualRenewalTemplate() {
		return annualRenewal();
	}

	@Bean
	BuiltInTemplate healthCheckTemplate() {
		return healthCheck();
	}

	@Bean
	BuiltInTemplate billingDisputeTemplate() {
		return billingDispute();
	}

	// ------------------------------------------------------------------ QBR

	static BuiltInTemplate qbr() {
		List<RoleDef> roles = List.of(new RoleDef("client-stakeholder", "Client Stakeholder", true, "EXECUTIVE"),
				new RoleDef("account-manager", "Account Manager", false, "ACCOUNT_MANAGER"));
		List<StepDef> steps = List.of(
				// computed first so that the form below starts from InTime's own figures
				StepDef.automated("qbr-prepare", "Quarter's metrics", QbrPrepare.KEY),
				StepDef
					.of("pre-qbr-data", "Pre-QBR data collection", StepType.FORM, "account-manager", 5,
							"Compile the key account metrics and context needed for the QBR presentation, including "
									+ "renewal timeline, revenue, support history, and relationship highlights. The "
									+ "quarter's figures computed by InTime are in the run's timeline.")
					.withFields(FieldDef.of("renewal-date", "Renewal Date", FieldType.DATE, true),
							new FieldDef("arr", "Annual Recurring Revenue (ARR)", FieldType.NUMBER, true, List.of(),
									BigDecimal.ZERO, null, null, "In the account's currency"),
							new FieldDef("support-tickets", "Support Tickets (This Quarter)", FieldType.NUMBER, false,
									List.of(), BigDecimal.ZERO, null, null, "Escalations raised in the quarter"),
							new FieldDef("nps-score", "NPS Score", FieldType.NUMBER, false, List.of(),
									new BigDecimal("-100"), new BigDecimal("100"), null, "From -100 to 100"),
							FieldDef.of("key-wins", "Key Wins This Quarter", FieldType.MULTILINE, true)),
				StepDef.automated("qbr-deck", "Draft deck from the quarter's review", QbrDeck.KEY),
				StepDef
					.of("qbr-presentation", "QBR presentation upload", StepType.FILE_REQUEST, "account-manager", 5,
							"Upload your QBR presentation deck with account performance data, usage trends, ROI "
									+ "analysis, and proposed recommendations for the upcoming quarter. The QBR's page "
									+ "(/qbrs/{id}, linked in the run's timeline) makes the deck from the quarter's "
									+ "metrics; the draft made from them is attached to the step before this one.")
					.withFiles(DOCUMENT_BYTES, "pptx", "pdf", "ppt", "key"),
				StepDef
					.of("client-survey", "Client pre-QBR survey", StepType.FORM, "client-stakeholder", 7,
							"Share your perspective before the QBR meeting. Your input on satisfaction, priorities, "
									+ "and feature needs helps us make the session as productive as possible.")
					.withFields(FieldDef.dropdown("overall-satisfaction", "Overall Satisfaction", true, SATISFACTION),
							FieldDef.of("top-priorities", "Top Priorities for Next Quarter", FieldType.MULTILINE, true),
							FieldDef.of("feature-requests", "Feature Requests or Improvements", FieldType.MULTILINE,
									false)),
				StepDef.of("qbr-meeting", "QBR meeting completion", StepType.TODO, "account-manager", 21,
						"Conduct the QBR meeting, present findings and recommendations, capture client feedback, "
								+ "and document agreed-upon action items with owners and due dates. Finalizing the "
								+ "QBR on its page completes this step."),
				StepDef.automated("qbr-action-items", "Action items document", QbrActionItems.KEY),
				StepDef
					.of("action-items-ack", "Action items acknowledgement", StepType.ACKNOWLEDGEMENT,
							"client-stakeholder", 5,
							"Review and acknowledge the action items agreed upon during the QBR meeting. This confirms "
									+ "mutual understanding of next steps and responsibilities.")
					.withRequireOpened("qbr-action-items"),
				StepDef.of("internal-debrief", "Internal debrief", StepType.TODO, "account-manager", 3,
						"Complete the internal debrief by updating the CRM, logging action items, flagging any risks "
								+ "or expansion opportunities, and sharing notes with the extended account team."));
		return new BuiltInTemplate(QBR, "Quarterly Business Review (QBR)",
				"Prepare and execute quarterly business reviews with structured data collection from both internal "
						+ "teams and client stakeholders. Ensures every QBR is backed by real metrics and ends with "
						+ "documented action items.",
				"Quarterly cadence", new TemplateDefinition(roles, steps));
	}

	// ------------------------------------------------------------------ Annual Renewal

	static BuiltInTemplate annualRenewal() {
		List<RoleDef> roles = List.of(new RoleDef("client-contact", "Client Contact", true, "ECONOMIC_BUYER"),
				new RoleDef("csm", "CSM", false, "ACCOUNT_MANAGER"),
				new RoleDef("finance", "Finance", false, "FINANCE"));
		List<StepDef> steps = List.of(
				StepDef.of("kickoff", "Renewal kickoff details", StepType.FORM, "csm", 5,
						"Capture the renewal context including current contract details, account health indicators, "
								+ "and any upsell or risk factors to guide the renewal strategy.")
					.withFields(FieldDef.of("account-name", "Account Name", FieldType.TEXT, true),
							FieldDef.of("contract-end-date", "Contract End Date", FieldType.DATE, true),
							new FieldDef("current-arr", "Current ARR", FieldType.NUMBER, true, List.of(),
									BigDecimal.ZERO, null, null, "In the contract's currency"),
							new FieldDef("seats", "Number of Licenses / Seats", FieldType.NUMBER, false, List.of(),
									BigDecimal.ZERO, null, null, null),
							FieldDef.of("risk-factors", "Renewal Risk Factors", FieldType.MULTILINE, false),
							FieldDef.of("upsell", "Upsell Opportunities", FieldType.MULTILINE, false)),
				StepDef.of("usage-report", "Usage & value report upload", StepType.FILE_REQUEST, "csm", 7,
						"Upload a usage and value report showing the client's product adoption, ROI metrics, and key "
								+ "achievements during the current contract period.")
					.withFiles(DOCUMENT_BYTES, "pdf", "xlsx", "pptx", "docx"),
				StepDef.of("client-survey", "Client renewal survey", StepType.FORM, "client-contact", 10,
						"Help us understand your renewal priorities. Your feedback on satisfaction, usage, and budget "
								+ "directly shapes the renewal offer we prepare for you.")
					.withFields(FieldDef.dropdown("overall-satisfaction", "Overall Satisfaction", true, SATISFACTION),
							FieldDef.dropdown("usage-level", "Current Usage Level", true, "Higher than planned",
									"As planned", "Lower than planned", "Hardly used"),
							FieldDef.dropdown("budget-changes", "Any budget changes expected?", true,
									"Budget increasing", "No change expected", "Budget decreasing", "Not known yet"),
							FieldDef.of("other-vendors", "Other vendors being evaluated?", FieldType.MULTILINE, false)),
				// a rejected price goes back to the kickoff: its current ARR, risks and
				// upsell
				// are the renewal strategy the price is built on
				StepDef.of("pricing-approval", "Internal pricing approval", StepType.APPROVAL, "finance", 3,
						"Review the proposed renewal pricing, discount levels, and terms. Approve the pricing before "
								+ "the renewal proposal is sent to the client. The approved ARR is what the renewal "
								+ "agreement and the contract will carry.")
					.withApprovers(false, "kickoff", "finance")
					.withFields(new FieldDef("proposed-arr", "Proposed ARR", FieldType.MONEY, true, List.of(),
							new BigDecimal("0.01"), null, null, "The annual value the client pays, after any discount"),
							new FieldDef("discount-percent", "Discount %", FieldType.NUMBER, false, List.of(),
									BigDecimal.ZERO, new BigDecimal("50"), null, "From 0 to 50"),
							new FieldDef("term-months", "Term (months)", FieldType.NUMBER, false, List.of(),
									BigDecimal.ONE, new BigDecimal("60"), null, "12 when left empty")),
				StepDef.of("proposal-delivery", "Renewal proposal delivery", StepType.FILE_REQUEST, "csm", 3,
						"Upload the renewal proposal with updated pricing, terms, and any scope changes for delivery "
								+ "to the client.")
					.withFiles(DOCUMENT_BYTES, "pdf", "docx", "pptx"),
				StepDef.of("proposal-review", "Client proposal review", StepType.DECISION, "client-contact", 10,
						"Review the renewal proposal and indicate your decision. You can accept the proposal as-is, "
								+ "request negotiations on pricing or terms, downgrade your plan, or indicate you will "
								+ "not be renewing.")
					.withFields(FieldDef.of("comments", "Comments", FieldType.MULTILINE, false))
					.withOptions(new DecisionOption("accept", "Accept the proposal", "esign"),
							new DecisionOption("negotiate", "Negotiate pricing or terms", "pricing-approval"),
							new DecisionOption("downgrade", "Downgrade the plan", "downgrade-details"),
							new DecisionOption("not-renew", "Not renewing", "close-churned")),
				StepDef.of("esign", "Renewal contract e-signature", StepType.ESIGN, "client-contact", 10,
						"Review and electronically sign the renewal contract to continue your subscription or service "
								+ "agreement.")
					.withDocument("action:" + RenewalAgreement.KEY),
				StepDef.automated("crm-update", "Contract and ARR update", RenewalCrmUpdate.KEY),
				// kept for the person: the commitments made in the conversation are not
				// in any
				// record, and the CSM confirms the dates the automated update wrote
				StepDef.of("post-renewal", "Post-renewal CRM update", StepType.TODO, "csm", 5,
						"Update the CRM with the new contract details, renewal date, updated ARR, and any commitments "
								+ "made during the renewal process. Set the next renewal reminder. The contract and "
								+ "its ARR were renewed by the step before this one; check them and record the "
								+ "commitments.")
					.withNext(StepDef.END),
				// a downgrade is a new price: finance approves it, the revised proposal
				// goes
				// out and the client confirms it before signing
				StepDef.of("downgrade-details", "Downgrade details", StepType.FORM, "csm", 3,
						"Record the plan the client downgrades to: the annual value and what it keeps. Finance "
								+ "approves the downgraded price next, then the revised proposal goes to the client.")
					.withFields(
							new FieldDef("downgraded-arr", "Downgraded ARR", FieldType.MONEY, true, List.of(),
									new BigDecimal("0.01"), null, null, "The annual value of the smaller plan"),
							FieldDef.of("downgrade-scope", "What the client keeps", FieldType.MULTILINE, true))
					.withNext("pricing-approval"),
				StepDef.automated("close-churned", "Close the renewal as churned", RenewalChurn.KEY)
					.withNext(StepDef.END));
		return new BuiltInTemplate(RENEWAL, "Annual Renewal",
				"Drive contract renewals from 90-day-out kickoff through client survey, internal pricing approval, "
						+ "proposal delivery, and e-signature. Reduces churn risk by starting early and tracking every "
						+ "client touchpoint.",
				"90 days before contract expiration", new TemplateDefinition(roles, steps));
	}

	// ------------------------------------------------------------------ Client Health
	// Check

	static BuiltInTemplate healthCheck() {
		List<RoleDef> roles = List.of(new RoleDef("client-contact", "Client Contact", true, "CHAMPION"),
				new RoleDef("csm", "CSM", false, "ACCOUNT_MANAGER"));
		List<StepDef> steps = List.of(
				// read first so that the trigger details start from the score and the
				// dates
				StepDef.automated("health-snapshot", "Health snapshot", HealthCheckSnapshot.KEY),
				StepDef.of("trigger-details", "Health check trigger details", StepType.FORM, "csm", 2,
						"Document what triggered this health check, the current account status, and how close the "
								+ "account is to renewal. The health score and the days to renewal InTime read are in "
								+ "the run's timeline.")
					.withFields(
							FieldDef.dropdown("trigger-reason", "Trigger Reason", true, "Health score drop",
									"Key contact change", "Scheduled pulse", "Support escalation", "Usage decline"),
							FieldDef.dropdown("current-health", "Current Health (R/Y/G)", true, "Red", "Yellow",
									"Green"),
							new FieldDef("days-to-renewal", "Days to Renewal", FieldType.NUMBER, false, List.of(),
									BigDecimal.ZERO, null, null, null)),
				StepDef
					.of("satisfaction-survey", "Client satisfaction survey", StepType.FORM, "client-contact", 7,
							"We value your feedback and want to ensure you're getting the most from our partnership. "
									+ "Please share your honest assessment of how things are going.")
					.withFields(FieldDef.dropdown("overall-satisfaction", "Overall Satisfaction", true, SATISFACTION),
							FieldDef.of("working-well", "What is working well?", FieldType.MULTILINE, false),
							FieldDef.of("could-improve", "What could be improved?", FieldType.MULTILINE, true),
							FieldDef.of("anything-else", "Anything we should know?", FieldType.MULTILINE, false)),
				StepDef
					.of("risk-assessment", "Internal risk assessment", StepType.FORM, "csm", 3,
							"Assess the account risk based on the client survey response and your relationship "
									+ "knowledge. Identify the primary risk factors and recommend an intervention "
									+ "strategy.")
					.withFields(
							FieldDef.dropdown("risk-level", "Risk Level", true, "Low", "Medium", "High", "Critical"),
							FieldDef.of("primary-risk-factors", "Primary Risk Factors", FieldType.MULTILINE, true),
							FieldDef.of("recommended-intervention", "Recommended Intervention", FieldType.MULTILINE,
									true)),
				StepDef.of("health-check-meeting", "Health check meeting", StepType.TODO, "csm", 10,
						"Conduct the health check meeting with the client. Listen actively, address concerns, and "
								+ "collaboratively develop an action plan with clear owners and timelines."),
				StepDef.of("action-plan-ack", "Action plan acknowledgement", StepType.ACKNOWLEDGEMENT, "client-contact",
						5,
						"Review and acknowledge the action plan developed during the health check meeting. This "
								+ "confirms our shared commitment to resolving the identified issues."),
				StepDef.of("follow-up", "Follow-up completion", StepType.TODO, "csm", 7,
						"Complete all follow-up actions from the health check. Update the account health score, log "
								+ "outcomes in the CRM, and schedule the next check-in if needed."));
		return new BuiltInTemplate(HEALTH_CHECK, "Client Health Check",
				"Proactively assess at-risk accounts when health scores drop or key contacts change. Captures client "
						+ "sentiment, documents risk factors, and drives a structured action plan to get the "
						+ "relationship back on track.",
				"Health score drop / key contact change / scheduled pulse", new TemplateDefinition(roles, steps));
	}

	// ------------------------------------------------------------------ Billing Dispute

	static BuiltInTemplate billingDispute() {
		List<RoleDef> roles = List.of(new RoleDef("client", "Client", true, "FINANCE"),
				new RoleDef("finance-lead", "Finance Lead", false, "FINANCE"));
		List<StepDef> steps = List.of(
				StepDef
					.of("dispute-intake", "Dispute intake form", StepType.FORM, "client", 5,
							"Submit the details of your billing dispute so our finance team can investigate promptly. "
									+ "Include the invoice reference and a clear description of the issue.")
					.withFields(FieldDef.of("invoice-number", "Invoice Number", FieldType.TEXT, true),
							new FieldDef("disputed-amount", "Disputed Amount", FieldType.NUMBER, true, List.of(),
									new BigDecimal("0.01"), null, null, "In the invoice's currency"),
							FieldDef.dropdown("dispute-category", "Dispute Category", true, "Pricing error",
									"Duplicate charge", "Unused licenses", "Service outage or SLA breach", "Other"),
							FieldDef.of("description", "Description of Dispute", FieldType.MULTILINE, true),
							FieldDef.of("expected-resolution", "Expected Resolution", FieldType.MULTILINE, true)),
				StepDef.of("supporting-documents", "Supporting documentation", StepType.FILE_REQUEST, "client", 7,
						"Upload any supporting documentation for your dispute, such as the original invoice, contract "
								+ "excerpts, correspondence, or screenshots showing the discrepancy.")
					.withFiles(DOCUMENT_BYTES, "pdf", "png", "jpg", "jpeg", "xlsx", "csv", "docx", "eml"),
				StepDef.of("investigation", "Internal investigation", StepType.TODO, "finance-lead", 5,
						"Investigate the billing dispute by reviewing billing records, verifying charges against the "
								+ "contract terms, and determining the appropriate resolution."),
				StepDef
					.of("resolution-approval", "Resolution approval", StepType.APPROVAL, "finance-lead", 3,
							"Approve the proposed resolution for the billing dispute. Document the resolution type "
									+ "(credit, refund, adjustment, or denial) and the rationale.")
					.withApprovers(false, "investigation", "finance-lead")
					.withFields(FieldDef.dropdown("resolution-type", "Resolution type", true, RESOLUTION_TYPES),
							new FieldDef("amount", "Amount", FieldType.MONEY, false, List.of(), BigDecimal.ZERO, null,
									null,
									"Credited, refunded or adjusted, in the invoice's currency; the disputed amount "
											+ "when left empty; none for a denial"),
							FieldDef.of("rationale", "Rationale", FieldType.MULTILINE, true)),
				StepDef.automated("resolution-notification", "Resolution notification", DisputeNotification.KEY),
				StepDef.of("resolution-acceptance", "Resolution acceptance", StepType.DECISION, "client", 7,
						"Review the resolution proposed by our finance team. You may accept the resolution, escalate "
								+ "if you disagree, or provide additional information to support your case.")
					.withFields(FieldDef.of("comments", "Comments", FieldType.MULTILINE, false))
					.withOptions(new DecisionOption("accept", "Accept the resolution", "resolution-processing"),
							new DecisionOption("escalate", "Escalate: I disagree", "dispute-escalation"),
							new DecisionOption("add-information", "Add information", "supporting-documents")),
				StepDef.automated("resolution-processing", "Resolution processing", DisputeResolution.KEY),
				// kept for finance: a refund leaves through the bank, outside InTime, and
				// the
				// memo goes to the client's accounts payable
				StepDef.of("processing-confirmation", "Resolution processing", StepType.TODO, "finance-lead", 3,
						"Process the approved resolution including issuing credit memos, processing refunds, or "
								+ "making billing adjustments in the system. The credit memo or adjustment is on the "
								+ "invoice already (the step before this one); pay out a refund and confirm."),
				StepDef.of("resolution-ack", "Resolution acknowledgement", StepType.ACKNOWLEDGEMENT, "client", 7,
						"Acknowledge that the billing dispute has been resolved to your satisfaction. This closes the "
								+ "dispute record in our system."),
				StepDef.automated("close-dispute", "Close the dispute", DisputeClosing.KEY).withNext(StepDef.END),
				// the client's disagreement is escalated (the account manager owns it,
				// with its
				// SLA) and finance reviews the dispute again with it in hand
				StepDef.automated("dispute-escalation", "Escalate the dispute", DisputeEscalation.KEY)
					.withNext("investigation"));
		return new BuiltInTemplate(BILLING_DISPUTE, "Billing Dispute Resolution",
				"Resolve billing disputes from initial intake through investigation, approval, and client "
						+ "acknowledgement. Provides a transparent, documented process that maintains client trust "
						+ "while protecting revenue integrity.",
				"Client raises billing dispute", new TemplateDefinition(roles, steps));
	}

}
