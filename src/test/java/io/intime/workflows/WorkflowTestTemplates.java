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

}
