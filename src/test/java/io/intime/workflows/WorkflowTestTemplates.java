package io.intime.workflows;

import java.math.BigDecimal;
import java.util.List;

/** The engine tests' template (see {@code TestProbes#testFlowTemplate}). */
public final class WorkflowTestTemplates {

	private WorkflowTestTemplates() {
	}

	public static BuiltInTemplate testFlow() {
		TemplateDefinition definition = new TemplateDefinition(
				List.of(new RoleDef("am", "Account Manager", false, "ACCOUNT_MANAGER"),
						new RoleDef("finance", "Finance", false, "FINANCE"),
						new RoleDef("director", "Sales Director", false, "SALES_DIRECTOR"),
						new RoleDef("client", "Client Contact", true, "ECONOMIC_BUYER")),
				List.of(StepDef.of("intake", "Renewal intake", StepType.FORM, "am", 3, "Capture the renewal.")
					.withFields(FieldDef.of("renewal-date", "Renewal Date", FieldType.DATE, true),
							FieldDef.of("arr", "Current ARR", FieldType.MONEY, true),
							FieldDef.of("notes", "Notes", FieldType.MULTILINE, false)),
						StepDef.of("pricing", "Pricing approval", StepType.APPROVAL, "finance", 2, "Approve the price.")
							.withApprovers(false, "intake", "finance", "director")
							.withFields(new FieldDef("discount", "Discount %", FieldType.NUMBER, true, List.of(),
									BigDecimal.ZERO, new BigDecimal("50"), null, null)),
						StepDef.of("survey", "Client survey", StepType.FORM, "client", 5, "Tell us how it goes.")
							.withFields(FieldDef.dropdown("satisfaction", "Overall Satisfaction", true,
									"Very satisfied", "Satisfied", "Dissatisfied")),
						StepDef.of("choice", "Go on?", StepType.DECISION, "am", 1, "Decide.")
							.withOptions(new DecisionOption("again", "Back to pricing", "pricing"),
									new DecisionOption("on", "Go on", null),
									new DecisionOption("stop", "Stop here", StepDef.END)),
						StepDef.automated("note", "Write a note", "test.note"),
						StepDef.automated("flaky", "Call the provider", "test.flaky"),
						StepDef.of("wrap", "Wrap up", StepType.TODO, "am", 1, "Close it.")));
		return new BuiltInTemplate("test-flow", "Test flow", "Every kind of step.", "By hand", definition);
	}

	/**
	 * Files and signatures: the account manager uploads a PDF (only PDFs up to 200 KB),
	 * the first client acknowledges it after opening it, then both clients sign it in
	 * order.
	 */
	public static BuiltInTemplate testSign() {
		TemplateDefinition definition = new TemplateDefinition(
				List.of(new RoleDef("am", "Account Manager", false, "ACCOUNT_MANAGER"),
						new RoleDef("buyer", "Buyer", true, "ECONOMIC_BUYER"),
						new RoleDef("counsel", "Counsel", true, "OTHER")),
				List.of(StepDef
					.of("contract", "Contract upload", StepType.FILE_REQUEST, "am", 2, "Upload the contract.")
					.withFiles(200_000, "pdf"),
						StepDef.of("read", "Read the contract", StepType.ACKNOWLEDGEMENT, "buyer", 3, "Read it.")
							.withRequireOpened("contract"),
						StepDef.of("sign", "Sign the contract", StepType.ESIGN, "buyer", 5, "Sign it.")
							.withDocument("contract", "buyer", "counsel")));
		return new BuiltInTemplate("test-sign", "Test signing", "Files and signatures.", "By hand", definition);
	}

}
