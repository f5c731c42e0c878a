package io.intime.automation.onboarding;

import java.util.List;

import io.intime.workflows.BuiltInTemplate;
import io.intime.workflows.RoleDef;
import io.intime.workflows.StepDef;
import io.intime.workflows.StepType;
import io.intime.workflows.TemplateDefinition;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The client onboarding automation of spec 04: the sixteen automated steps, in the spec's
 * order and with its names and descriptions, that run when an account signs its first
 * contract. Every step runs an action of this package; the roles are the firm's people
 * the actions give work to.
 */
@Configuration(proxyBeanMethods = false)
class OnboardingTemplate {

	static final String KEY = "onboarding";

	/** Who looks after the account: the welcome email is theirs, and the QBR task. */
	static final String ACCOUNT_MANAGER = "account-manager";

	/** Sales operations, who assign the account's dedicated manager. */
	static final String SALES_OPS = "sales-ops";

	/** The success team, who work through the onboarding checklist. */
	static final String SUCCESS_TEAM = "success-team";

	/**
	 * The step that sends the welcome email (a later step tells it from other contacts).
	 */
	static final String WELCOME_EMAIL_STEP = "welcome-email";

	@Bean
	BuiltInTemplate onboarding() {
		return new BuiltInTemplate(KEY, "Client onboarding",
				"When a client is won, the system retrieves its profile, checks the contract, scores its health, "
						+ "sums the contract value, gives sales operations and the success team their tasks, logs "
						+ "the start, welcomes the client, makes the account active, sets up the quarterly QBR, "
						+ "scans its escalations, counts the days since the last contact, alerts the account manager "
						+ "of a contract about to expire, updates the revenue forecast, writes the health report and "
						+ "merges duplicate contacts.",
				"First contract signed", definition());
	}

	static TemplateDefinition definition() {
		return new TemplateDefinition(
				List.of(new RoleDef(ACCOUNT_MANAGER, "Account Manager", false, "ACCOUNT_MANAGER"),
						new RoleDef(SALES_OPS, "Sales Operations", false, "SALES_DIRECTOR"),
						new RoleDef(SUCCESS_TEAM, "Success Team", false, "ACCOUNT_MANAGER")),
				List.of(step("retrieve-profile", "Retrieve Client Profile", null,
						"Fetch existing client details from the Client Data Model to populate workflow context.",
						RetrieveProfile.KEY),
						step("contract-status", "Check Contract Status", null,
								"Retrieve the specific Contract entry associated with the client to verify validity.",
								CheckContractStatus.KEY),
						step("health-score", "Calculate Account Health Score", null,
								"Compute a score based on recent support tickets, usage frequency, and payment history.",
								CalculateHealthScore.KEY),
						step("contract-value", "Sum Total Contract Value", null,
								"Aggregate all active service line entries to calculate the total revenue from this client.",
								SumContractValue.KEY),
						step("assign-am", "Assign Account Manager", SALES_OPS,
								"Create a task for the Sales Operations user to assign a dedicated human lead to the account.",
								AssignAccountManagerTask.KEY),
						step("onboarding-checklist", "Onboarding Checklist Task", SUCCESS_TEAM,
								"Create a task for the Success Team containing the standardized onboarding checklist.",
								OnboardingChecklistTask.KEY),
						step("activity-log", "Create Account Activity Log", null,
								"Generate a new entry in the Activity Log model to record the start of the management lifecycle.",
								CreateActivityLog.KEY),
						step(WELCOME_EMAIL_STEP, "Welcome Email to Client", ACCOUNT_MANAGER,
								"Send a personalized welcome email to the client contact person.", WelcomeEmail.KEY),
						step("client-status", "Update Client Status", null,
								"Update the 'Status' field in the Client Data Model from 'Prospect' to 'Active'.",
								ActivateAccount.KEY),
						step("qbr-setup", "Quarterly Business Review (QBR) Setup", ACCOUNT_MANAGER,
								"Create a recurring task to schedule the next strategic review meeting.",
								QbrSetupTask.KEY),
						step("support-history", "Fetch Support Ticket History", null,
								"Retrieve all recent support entries to identify potential churn risks.",
								EscalationHistoryScan.KEY),
						step("days-since-contact", "Calculate Days Since Last Contact", null,
								"Calculate the delta between the current date and the 'Last Interaction Date' property.",
								DaysSinceLastContact.KEY),
						step("renewal-alert", "Urgent Renewal Alert", ACCOUNT_MANAGER,
								"Send an SMS notification to the Account Manager if a contract is within 30 days of expiry.",
								UrgentRenewalAlert.KEY),
						step("revenue-forecast", "Update Account Revenue Forecast", null,
								"Update the forecasted annual revenue entry based on new contract add-ons.",
								RevenueForecastUpdate.KEY),
						step("health-report", "Monthly Account Health Report", null,
								"Generate a PDF/Dashboard report summarizing the client's engagement and usage metrics.",
								MonthlyHealthReport.KEY),
						step("duplicate-contacts", "Remove Duplicate Contact", null,
								"Delete any redundant or duplicate contact entries identified during the cleanup phase.",
								DuplicateContactCleanup.KEY)));
	}

	private static StepDef step(String key, String name, String role, String instructions, String action) {
		return StepDef.of(key, name, StepType.AUTOMATED, role, 0, instructions).withAction(action);
	}

}
