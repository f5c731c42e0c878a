package io.intime.workflows;

import java.util.List;

/**
 * A step of a template.
 *
 * @param key unique within the template, lower case with dashes, e.g.
 * {@code pricing-approval}
 * @param name e.g. "Internal pricing approval"
 * @param role the key of the role that acts (for an Approval without approver roles, the
 * approver; for an Automated step, whose name the log shows; may be null then)
 * @param dueDays days after the step becomes active that it is due (0: no due date)
 * @param instructions what the assignee reads (spec 05's description)
 * @param fields the form of a Form step; an Approval's or a Decision's own fields
 * @param options a Decision's options, each with the step it leads to
 * @param approverRoles an Approval's approvers (role keys), in order when sequential;
 * empty for the step's role alone
 * @param parallel whether the approvers decide at once (all must approve) rather than one
 * after another
 * @param rejectTo the step an Approval's rejection returns the run to (null: the step
 * before)
 * @param action an Automated step's action (the key of a {@link WorkflowAction} bean)
 * @param next where the run goes after this step: a step key, {@link #END}, or null for
 * the next step in order
 * @param allowedTypes a File Request's accepted file extensions (e.g. {@code pdf},
 * {@code pptx}); empty for the default list
 * @param maxBytes a File Request's largest file (0 for the default)
 * @param requireOpened an Acknowledgement's steps whose files must have been opened first
 * @param document an E-Sign step's document: the key of a File Request step whose PDF is
 * signed, or {@code action:<key>} for a document a {@link WorkflowDocument} bean makes
 * @param signers an E-Sign step's signers (client role keys), in signing order; empty for
 * the step's role alone
 */
public record StepDef(String key, String name, StepType type, String role, int dueDays, String instructions,
		List<FieldDef> fields, List<DecisionOption> options, List<String> approverRoles, boolean parallel,
		String rejectTo, String action, String next, List<String> allowedTypes, long maxBytes,
		List<String> requireOpened, String document, List<String> signers) {

	/** The {@code next} that finishes the run. */
	public static final String END = "end";

	public StepDef {
		instructions = instructions == null ? "" : instructions;
		fields = fields == null ? List.of() : List.copyOf(fields);
		options = options == null ? List.of() : List.copyOf(options);
		approverRoles = approverRoles == null ? List.of() : List.copyOf(approverRoles);
		allowedTypes = allowedTypes == null ? List.of() : List.copyOf(allowedTypes);
		requireOpened = requireOpened == null ? List.of() : List.copyOf(requireOpened);
		signers = signers == null ? List.of() : List.copyOf(signers);
	}

	/**
	 * A step of a type with its role, due days and instructions; the rest set by the
	 * withers.
	 */
	public static StepDef of(String key, String name, StepType type, String role, int dueDays, String instructions) {
		return new StepDef(key, name, type, role, dueDays, instructions, null, null, null, false, null, null, null,
				null, 0, null, null, null);
	}

	/** An Automated step running an action. */
	public static StepDef automated(String key, String name, String action) {
		return new StepDef(key, name, StepType.AUTOMATED, null, 0, "", null, null, null, false, null, action, null,
				null, 0, null, null, null);
	}

	public StepDef withFields(FieldDef... fields) {
		return new StepDef(key, name, type, role, dueDays, instructions, List.of(fields), options, approverRoles,
				parallel, rejectTo, action, next, allowedTypes, maxBytes, requireOpened, document, signers);
	}

	public StepDef withOptions(DecisionOption... options) {
		return new StepDef(key, name, type, role, dueDays, instructions, fields, List.of(options), approverRoles,
				parallel, rejectTo, action, next, allowedTypes, maxBytes, requireOpened, document, signers);
	}

	public StepDef withApprovers(boolean parallel, String rejectTo, String... roles) {
		return new StepDef(key, name, type, role, dueDays, instructions, fields, options, List.of(roles), parallel,
				rejectTo, action, next, allowedTypes, maxBytes, requireOpened, document, signers);
	}

	public StepDef withNext(String next) {
		return new StepDef(key, name, type, role, dueDays, instructions, fields, options, approverRoles, parallel,
				rejectTo, action, next, allowedTypes, maxBytes, requireOpened, document, signers);
	}

	public StepDef withAction(String action) {
		return new StepDef(key, name, type, role, dueDays, instructions, fields, options, approverRoles, parallel,
				rejectTo, action, next, allowedTypes, maxBytes, requireOpened, document, signers);
	}

	public StepDef withFiles(long maxBytes, String... allowedTypes) {
		return new StepDef(key, name, type, role, dueDays, instructions, fields, options, approverRoles, parallel,
				rejectTo, action, next, List.of(allowedTypes), maxBytes, requireOpened, document, signers);
	}

	public StepDef withRequireOpened(String... stepKeys) {
		return new StepDef(key, name, type, role, dueDays, instructions, fields, options, approverRoles, parallel,
				rejectTo, action, next, allowedTypes, maxBytes, List.of(stepKeys), document, signers);
	}

	public StepDef withDocument(String document, String... signers) {
		return new StepDef(key, name, type, role, dueDays, instructions, fields, options, approverRoles, parallel,
				rejectTo, action, next, allowedTypes, maxBytes, requireOpened, document, List.of(signers));
	}

}
