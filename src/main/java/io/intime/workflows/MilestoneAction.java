package io.intime.workflows;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An Automated step that marks a point of the run on its timeline, e.g. "Milestone
 * reached: Kickoff held (Acme Corp)": admins put it in their own templates between the
 * steps people act on, so that the timeline (and the account's) shows where the run got
 * to. It changes nothing else, so running it again after a failure is harmless.
 */
@Component
class MilestoneAction implements WorkflowAction {

	static final String KEY = "workflow.milestone";

	private final JdbcClient jdbc;

	/** Lazily: the templates know their actions, this one among them. */
	private final ObjectProvider<WorkflowTemplates> templates;

	MilestoneAction(JdbcClient jdbc, ObjectProvider<WorkflowTemplates> templates) {
		this.jdbc = jdbc;
		this.templates = templates;
	}

	@Override
	public String key() {
		return KEY;
	}

	@Override
	public String label() {
		return "Record a milestone on the run's timeline";
	}

	/**
	 * One statement: the run's version and its account's name (the step's name comes from
	 * the version's definition, which is read once per version).
	 */
	@Override
	public ActionResult run(ActionContext context) {
		record RunFacts(long versionId, String accountName) {
		}
		RunFacts facts = jdbc.sql("""
				select r.template_version_id, a.name from workflow_run r join account a on a.id = r.account_id
				where r.id = ?""")
			.param(context.runId())
			.query((rs, n) -> new RunFacts(rs.getLong(1), rs.getString(2)))
			.single();
		String step = templates.getObject()
			.definition(facts.versionId())
			.step(context.stepKey())
			.map(StepDef::name)
			.orElse(context.stepKey());
		return ActionResult.of("Milestone reached: " + step + " (" + facts.accountName() + ")");
	}

}
