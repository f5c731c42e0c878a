package io.intime.automation;

import java.util.List;
import java.util.Map;

import io.intime.workflows.BuiltInTemplate;
import io.intime.workflows.RoleDef;
import io.intime.workflows.StepDef;
import io.intime.workflows.StepType;
import io.intime.workflows.TemplateDefinition;
import io.intime.workflows.WorkflowTemplates;

import org.springframework.context.ApplicationContext;

/**
 * The default rules for tests: the templates they start (the built-in ones where their
 * modules declare them; a one-step stand-in under the same key where a context has none)
 * and then the rules themselves, as the first start creates them.
 */
final class AutomationFixtures {

	static final Map<String, String> TEMPLATES = Map.of("annual-renewal", "Annual Renewal", "health-check",
			"Client Health Check", "qbr", "Quarterly Business Review", "billing-dispute", "Billing Dispute Resolution",
			"onboarding", "Client Onboarding");

	private AutomationFixtures() {
	}

	/** Makes sure the five templates and the default rules exist; idempotent. */
	static void defaults(ApplicationContext context) {
		WorkflowTemplates templates = context.getBean(WorkflowTemplates.class);
		TEMPLATES.forEach((key, name) -> {
			if (templates.byKey(key).isEmpty()) {
				templates.ensure(new BuiltInTemplate(key, name, "Stand-in for tests", "", new TemplateDefinition(
						List.of(new RoleDef("owner", "Owner", false, "RUN_OWNER")),
						List.of(StepDef.of("review", "Review", StepType.TODO, "owner", 3, "Look at the account")))));
			}
		});
		context.getBean(AutomationRules.class).createDefaults();
	}

}
