package io.intime.workflows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.intime.shared.FieldError;

/**
 * A template's roles and ordered steps: what a version of a template is, stored as JSON.
 */
public record TemplateDefinition(List<RoleDef> roles, List<StepDef> steps) {

	private static final String KEY = "[a-z][a-z0-9-]{0,39}";

	public TemplateDefinition {
		roles = roles == null ? List.of() : List.copyOf(roles);
		steps = steps == null ? List.of() : List.copyOf(steps);
	}

	public Optional<StepDef> step(String key) {
		return steps.stream().filter(s -> s.key().equals(key)).findFirst();
	}

	public Optional<RoleDef> role(String key) {
		return roles.stream().filter(r -> r.key().equals(key)).findFirst();
	}

	/** The name of a role, or its key when the template has no such role. */
	public String roleName(String key) {
		return role(key).map(RoleDef::name).orElse(key);
	}

	public int indexOf(String stepKey) {
		for (int i = 0; i < steps.size(); i++) {
			if (steps.get(i).key().equals(stepKey)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * What is wrong with the definition, each naming its place (e.g.
	 * {@code steps[3].next}): unknown roles and steps, a Decision without options, an
	 * Automated step whose action no module declares, duplicate keys.
	 * @param actions the keys of the declared {@link WorkflowAction}s
	 * @param documents the keys of the declared {@link WorkflowDocument}s
	 */
	public List<FieldError> problems(Set<String> actions, Set<String> documents) {
		List<FieldError> errors = new ArrayList<>();
		Set<String> roleKeys = new HashSet<>();
		for (int i = 0; i < roles.size(); i++) {
			RoleDef role = roles.get(i);
			String at = "roles[" + i + "]";
			if (role.key() == null || !role.key().matches(KEY)) {
				errors.add(new FieldError(at + ".key", "is lower case letters, digits and dashes"));
			}
			else if (!roleKeys.add(role.key())) {
				errors.add(new FieldError(at + ".key", "is used by another role: " + role.key()));
			}
			if (role.name() == null || role.name().isBlank()) {
				errors.add(new FieldError(at + ".name", "is required"));
			}
		}
		if (steps.isEmpty()) {
			errors.add(new FieldError("steps", "a template has at least one step"));
		}
		Set<String> stepKeys = new HashSet<>();
		for (StepDef step : steps) {
			if (step.key() != null) {
				stepKeys.add(step.key());
			}
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < steps.size(); i++) {
			StepDef step = steps.get(i);
			String at = "steps[" + i + "]";
			if (step.key() == null || !step.key().matches(KEY)) {
				errors.add(new FieldError(at + ".key", "is lower case letters, digits and dashes"));
			}
			else if (!seen.add(step.key())) {
				errors.add(new FieldError(at + ".key", "is used by another step: " + step.key()));
			}
			if (step.name() == null || step.name().isBlank()) {
				errors.add(new FieldError(at + ".name", "is required"));
			}
			if (step.type() == null) {
				errors.add(new FieldError(at + ".type", "is required"));
				continue;
			}
			if (step.dueDays() < 0 || step.dueDays() > 365) {
				errors.add(new FieldError(at + ".dueDays", "is between 0 and 365"));
			}
			if (step.type() != StepType.AUTOMATED && step.approverRoles().isEmpty() && step.signers().isEmpty()
					&& (step.role() == null || !roleKeys.contains(step.role()))) {
				errors.add(new FieldError(at + ".role", "names one of the template's roles"));
			}
			for (String role : step.approverRoles()) {
				if (!roleKeys.contains(role)) {
					errors.add(new FieldError(at + ".approverRoles", "names an unknown role: " + role));
				}
			}
			for (String role : step.signers()) {
				if (!roleKeys.contains(role)) {
					errors.add(new FieldError(at + ".signers", "names an unknown role: " + role));
				}
			}
			if (step.next() != null && !StepDef.END.equals(step.next()) && !stepKeys.contains(step.next())) {
				errors.add(new FieldError(at + ".next", "names an unknown step: " + step.next()));
			}
			if (step.rejectTo() != null && !stepKeys.contains(step.rejectTo())) {
				errors.add(new FieldError(at + ".rejectTo", "names an unknown step: " + step.rejectTo()));
			}
			for (String opened : step.requireOpened()) {
				if (!stepKeys.contains(opened)) {
					errors.add(new FieldError(at + ".requireOpened", "names an unknown step: " + opened));
				}
			}
			switch (step.type()) {
				case DECISION -> {
					if (step.options().isEmpty()) {
						errors.add(new FieldError(at + ".options", "a decision has at least one option"));
					}
					for (DecisionOption option : step.options()) {
						if (option.label() == null || option.label().isBlank()) {
							errors.add(new FieldError(at + ".options", "each option has a label"));
						}
						if (option.next() != null && !StepDef.END.equals(option.next())
								&& !stepKeys.contains(option.next())) {
							errors.add(new FieldError(at + ".options",
									"option " + option.label() + " leads to an unknown step: " + option.next()));
						}
					}
				}
				case AUTOMATED -> {
					if (step.action() == null || !actions.contains(step.action())) {
						errors.add(new FieldError(at + ".action", "names an action the system has: " + step.action()));
					}
				}
				case ESIGN -> {
					String document = step.document();
					if (document == null) {
						errors.add(new FieldError(at + ".document", "names the document to sign"));
					}
					else if (document.startsWith("action:")) {
						if (!documents.contains(document.substring("action:".length()))) {
							errors.add(
									new FieldError(at + ".document", "names a document the system makes: " + document));
						}
					}
					else if (!stepKeys.contains(document)) {
						errors.add(new FieldError(at + ".document", "names an unknown step: " + document));
					}
				}
				default -> {
				}
			}
			Set<String> fieldKeys = new HashSet<>();
			for (int f = 0; f < step.fields().size(); f++) {
				FieldDef field = step.fields().get(f);
				String fat = at + ".fields[" + f + "]";
				if (field.key() == null || !field.key().matches(KEY)) {
					errors.add(new FieldError(fat + ".key", "is lower case letters, digits and dashes"));
				}
				else if (!fieldKeys.add(field.key())) {
					errors.add(new FieldError(fat + ".key", "is used by another field: " + field.key()));
				}
				if (field.label() == null || field.label().isBlank()) {
					errors.add(new FieldError(fat + ".label", "is required"));
				}
				if (field.type() == null) {
					errors.add(new FieldError(fat + ".type", "is required"));
				}
				else if (field.type() == FieldType.DROPDOWN && field.options().isEmpty()) {
					errors.add(new FieldError(fat + ".options", "a dropdown has at least one option"));
				}
			}
		}
		return errors;
	}

}
