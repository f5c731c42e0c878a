package io.intime.workflows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.UserAdministration;
import io.intime.shared.InvalidInputException;
import io.intime.workflows.ClientLinks.Opened;
import io.intime.workflows.ClientLinks.Refusal;
import io.intime.workflows.WorkflowEngine.RunRow;
import io.intime.workflows.WorkflowEngine.StepRow;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a client stakeholder does through their link: open it (which changes nothing, so
 * that a mail scanner following it uses nothing up) and act on their one step by a POST
 * of their own. They see their step and the firm's name, never the run's other steps or
 * anything internal. Every action is written to the append-only, hash-chained log with
 * the person, time, IP address and browser.
 */
@Service
@Transactional
public class ClientParticipation {

	private final ClientLinks links;

	private final WorkflowEngine engine;

	private final WorkflowRuns runs;

	private final ContactManagement contacts;

	private final ExternalActions audit;

	private final UserAdministration administration;

	private final String configuredName;

	ClientParticipation(ClientLinks links, WorkflowEngine engine, WorkflowRuns runs, ContactManagement contacts,
			ExternalActions audit, UserAdministration administration,
			@Value("${intime.organization.name:InTime Staffing}") String configuredName) {
		this.administration = administration;
		this.configuredName = configuredName;
		this.links = links;
		this.engine = engine;
		this.runs = runs;
		this.contacts = contacts;
		this.audit = audit;
	}

	/**
	 * What the client's page shows.
	 *
	 * @param refusal why the link does not open (then nothing else is set)
	 * @param open whether the step waits for this person's action
	 * @param doneBy when it is done, who did it and when, in words
	 */
	public record ClientPage(Refusal refusal, String organization, String accountName, String contactName,
			String runTitle, long stepId, StepDef step, boolean open, String doneBy, String expires) {

		public boolean refused() {
			return refusal != null;
		}

	}

	/** Opens the link: reads, writes nothing. */
	@Transactional(readOnly = true)
	public ClientPage open(String token) {
		ClientLinks.Resolution resolution = links.resolve(token);
		if (!resolution.ok()) {
			return new ClientPage(resolution.refusal(), organizationName(), null, null, null, 0, null, false, null,
					null);
		}
		Opened link = resolution.link();
		StepRow step = engine.loadStep(link.stepId());
		RunRow run = engine.loadRun(step.runId());
		StepDef def = engine.def(run, step);
		ContactView contact = contacts.byIds(List.of(link.contactId())).get(link.contactId());
		boolean open = run.status() == RunStatus.ACTIVE && step.status() == StepStatus.ACTIVE
				&& isTheirTurn(step, link.contactId());
		String doneBy = null;
		if (!open) {
			doneBy = step.status() == StepStatus.DONE ? "This step is complete. Thank you."
					: run.status() != RunStatus.ACTIVE ? "This request is closed."
							: "This step is not waiting for you at the moment.";
		}
		return new ClientPage(null, organizationName(), engine.accountName(run), contact == null ? "" : contact.name(),
				run.title(), step.id(), def, open, doneBy,
				link.expiresAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
	}

	private boolean isTheirTurn(StepRow step, long contactId) {
		return step.assigneeContactId() != null && step.assigneeContactId() == contactId;
	}

	/** Who is acting: the link's contact, from where. */
	private record Acting(Opened link, StepRow step, RunRow run, StepDef def, StepActor actor) {
	}

	private Acting acting(String token, String ip, String userAgent, StepType... types) {
		ClientLinks.Resolution resolution = links.resolve(token);
		if (!resolution.ok()) {
			throw new LinkRefusedException(resolution.refusal());
		}
		Opened link = resolution.link();
		StepRow step = engine.loadStep(link.stepId());
		RunRow run = engine.loadRun(step.runId());
		StepDef def = engine.def(run, step);
		if (run.status() != RunStatus.ACTIVE || step.status() != StepStatus.ACTIVE
				|| !isTheirTurn(step, link.contactId())) {
			throw new InvalidInputException("step", "is not waiting for you any more");
		}
		if (!List.of(types).contains(def.type())) {
			throw new InvalidInputException("step", "is a " + def.type().label() + " step");
		}
		ContactView contact = contacts.byIds(List.of(link.contactId())).get(link.contactId());
		String name = contact == null ? "contact " + link.contactId() : contact.name();
		return new Acting(link, step, run, def,
				StepActor.client(link.contactId(), name, truncate(ip, 64), truncate(userAgent, 500)));
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/** Fills in the client's Form step. */
	public void submit(String token, Map<String, String> values, String ip, String userAgent) {
		Acting a = acting(token, ip, userAgent, StepType.FORM);
		Map<String, Object> data = FormValues.read(a.def().fields(), values);
		audit.record(a.run(), a.step(), a.actor(), "FORM_SUBMITTED", Map.of("fields", data.keySet()));
		engine.complete(a.run(), a.step(), data, a.actor(), null,
				a.def().name() + ": submitted by " + a.actor().name());
	}

	/** Decides the client's Decision step. */
	public void decide(String token, String option, Map<String, String> values, String ip, String userAgent) {
		Acting a = acting(token, ip, userAgent, StepType.DECISION);
		DecisionOption chosen = a.def()
			.options()
			.stream()
			.filter(o -> o.key().equals(option))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("option", "choose one of the options"));
		Map<String, Object> data = new LinkedHashMap<>(FormValues.read(a.def().fields(), values));
		data.put("option", chosen.key());
		data.put("optionLabel", chosen.label());
		audit.record(a.run(), a.step(), a.actor(), "DECIDED", Map.of("option", chosen.key()));
		engine.complete(a.run(), a.step(), data, a.actor(), chosen.next(),
				a.def().name() + ": " + chosen.label() + " (" + a.actor().name() + ")");
	}

	/**
	 * Acknowledges the client's Acknowledgement step; when the template requires it, only
	 * after the person opened the documents it names.
	 */
	public void acknowledge(String token, boolean confirmed, String ip, String userAgent) {
		Acting a = acting(token, ip, userAgent, StepType.ACKNOWLEDGEMENT);
		if (!confirmed) {
			throw new InvalidInputException("confirm", "tick the box to acknowledge");
		}
		audit.checkOpened(a.run(), a.def(), a.link().contactId());
		audit.record(a.run(), a.step(), a.actor(), "ACKNOWLEDGED", Map.of());
		engine.complete(a.run(), a.step(), Map.of("acknowledged", true), a.actor(), null,
				a.def().name() + ": acknowledged by " + a.actor().name());
	}

	/** A link that does not open, when someone acts on it. */
	public static class LinkRefusedException extends RuntimeException {

		private final transient Refusal refusal;

		public LinkRefusedException(Refusal refusal) {
			super(refusal.title());
			this.refusal = refusal;
		}

		public Refusal refusal() {
			return refusal;
		}

	}

	/** The firm's name as its first administrator gave it, else the configured one. */
	public String organizationName() {
		return administration.firmName().orElse(configuredName);
	}

	WorkflowRuns runs() {
		return runs;
	}

}
