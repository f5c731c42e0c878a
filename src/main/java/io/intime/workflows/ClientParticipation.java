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
import io.intime.workflows.files.StoredFile;
import io.intime.workflows.files.WorkflowFiles;

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

	private final WorkflowFiles files;

	private final ESignatures signatures;

	ClientParticipation(ClientLinks links, WorkflowEngine engine, WorkflowRuns runs, ContactManagement contacts,
			ExternalActions audit, WorkflowFiles files, ESignatures signatures, UserAdministration administration,
			@Value("${intime.organization.name:InTime Staffing}") String configuredName) {
		this.administration = administration;
		this.files = files;
		this.signatures = signatures;
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
			String runTitle, long stepId, StepDef step, boolean open, String doneBy, String expires,
			List<ClientFile> files, List<ESignatures.Signer> signers, ClientFile document, ClientFile signed,
			String allowedTypes, String maxSize) {

		public boolean refused() {
			return refusal != null;
		}

		/**
		 * The signing position of the page's contact, e.g. 1 of 2 (0 when not a signer).
		 */
		public int signerPosition(long contactId) {
			for (int i = 0; i < signers.size(); i++) {
				if (signers.get(i).contactId() == contactId) {
					return i + 1;
				}
			}
			return 0;
		}

	}

	/**
	 * A file the client's page offers to open: what they uploaded, what they must read,
	 * what they sign.
	 */
	public record ClientFile(long id, String filename, String sizeText, String sha256, boolean opened) {
	}

	/** Opens the link: reads, writes nothing. */
	@Transactional(readOnly = true)
	public ClientPage open(String token) {
		ClientLinks.Resolution resolution = links.resolve(token);
		if (!resolution.ok()) {
			return new ClientPage(resolution.refusal(), organizationName(), null, null, null, 0, null, false, null,
					null, List.of(), List.of(), null, null, null, null);
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
			String signerStatus = def.type() == StepType.ESIGN ? signatures.signers(step.id())
				.stream()
				.filter(s -> s.contactId() == link.contactId())
				.map(ESignatures.Signer::status)
				.reduce((a, b) -> b)
				.orElse("") : "";
			doneBy = step.status() == StepStatus.DONE ? "This step is complete. Thank you."
					: "SIGNED".equals(signerStatus)
							? "You signed this document. The others sign next; we send everyone the signed copy."
							: "DECLINED".equals(signerStatus) ? "You declined to sign. Your account manager was told."
									: run.status() != RunStatus.ACTIVE ? "This request is closed."
											: "This step is not waiting for you at the moment.";
		}
		List<ClientFile> shown = switch (def.type()) {
			case FILE_REQUEST -> files.ofStep(step.id())
				.stream()
				.filter(f -> StoredFile.UPLOAD.equals(f.purpose()))
				.map(f -> clientFile(f, link.contactId()))
				.toList();
			case ACKNOWLEDGEMENT ->
				audit.required(run, def).stream().map(f -> clientFile(f, link.contactId())).toList();
			default -> List.of();
		};
		ClientFile document = def.type() == StepType.ESIGN
				? signatures.document(step.id()).map(f -> clientFile(f, link.contactId())).orElse(null) : null;
		ClientFile signed = def.type() == StepType.ESIGN
				? signatures.signed(step.id()).map(f -> clientFile(f, link.contactId())).orElse(null) : null;
		var rules = files.rules(def.allowedTypes(), def.maxBytes());
		return new ClientPage(null, organizationName(), engine.accountName(run), contact == null ? "" : contact.name(),
				run.title(), step.id(), def, open, doneBy,
				link.expiresAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString(), shown,
				def.type() == StepType.ESIGN ? signatures.signers(step.id()) : List.of(), document, signed,
				String.join(", ", rules.allowedExtensions()),
				io.intime.workflows.files.FileSizes.text(rules.maxBytes()));
	}

	private ClientFile clientFile(StoredFile file, long contactId) {
		return new ClientFile(file.id(), file.filename(), file.sizeText(), file.sha256(),
				files.allOpened(List.of(file.id()), contactId, null));
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
		audit.checkOpened(a.run(), a.def(), a.link().contactId(), null);
		audit.record(a.run(), a.step(), a.actor(), "ACKNOWLEDGED", Map.of());
		engine.complete(a.run(), a.step(), Map.of("acknowledged", true), a.actor(), null,
				a.def().name() + ": acknowledged by " + a.actor().name());
	}

	/**
	 * Gives the client's File Request its files (at least one); each is checked and
	 * stored with its SHA-256, and the step is done.
	 * @throws InvalidInputException on field {@code file}: none given, a type or size not
	 * accepted, content that is not what its name says (nothing is stored then)
	 */
	public void upload(String token, List<Upload> uploads, String ip, String userAgent) {
		Acting a = acting(token, ip, userAgent, StepType.FILE_REQUEST);
		List<Upload> given = uploads.stream().filter(u -> u.content() != null && u.content().length > 0).toList();
		if (given.isEmpty()) {
			throw new InvalidInputException("file", "choose at least one file");
		}
		var rules = files.rules(a.def().allowedTypes(), a.def().maxBytes());
		List<String> names = new java.util.ArrayList<>();
		for (Upload upload : given) {
			StoredFile stored = files.store(a.run().id(), a.step().id(), StoredFile.UPLOAD, upload.filename(),
					upload.content(), a.actor().name(), rules);
			audit.record(a.run(), a.step(), a.actor(), "FILE_UPLOADED",
					Map.of("file", stored.filename(), "sha256", stored.sha256(), "bytes", stored.sizeBytes()));
			names.add(stored.filename());
		}
		engine.complete(a.run(), a.step(), Map.of("files", names), a.actor(), null,
				a.def().name() + ": " + String.join(", ", names) + " from " + a.actor().name());
	}

	/** A file as a person sent it. */
	public record Upload(String filename, byte[] content) {
	}

	/**
	 * Opens one of the files the client's page offers, and records that they opened it
	 * (an acknowledgement may require it): a POST, so that nothing following links opens
	 * it.
	 */
	public FileContent openFile(String token, long fileId, String ip, String userAgent) {
		ClientLinks.Resolution resolution = links.resolve(token);
		if (!resolution.ok()) {
			throw new LinkRefusedException(resolution.refusal());
		}
		ClientPage page = open(token);
		boolean offered = page.files().stream().anyMatch(f -> f.id() == fileId)
				|| (page.document() != null && page.document().id() == fileId)
				|| (page.signed() != null && page.signed().id() == fileId);
		if (!offered) {
			throw new InvalidInputException("file", "is not one of this page's documents");
		}
		StoredFile file = files.get(fileId);
		long contactId = resolution.link().contactId();
		StepRow step = engine.loadStep(resolution.link().stepId());
		RunRow run = engine.loadRun(step.runId());
		if (!files.allOpened(List.of(fileId), contactId, null)) {
			files.recordOpened(fileId, contactId, null);
			ContactView contact = contacts.byIds(List.of(contactId)).get(contactId);
			audit.record(run, step,
					StepActor.client(contactId, contact == null ? "contact " + contactId : contact.name(),
							truncate(ip, 64), truncate(userAgent, 500)),
					"FILE_OPENED", Map.of("file", file.filename(), "sha256", file.sha256()));
		}
		return new FileContent(file.filename(), file.contentType(), files.read(fileId));
	}

	/**
	 * The document an E-Sign step shows, for the page's viewer: reading it changes
	 * nothing.
	 */
	@Transactional(readOnly = true)
	public FileContent document(String token, boolean signed) {
		ClientPage page = open(token);
		if (page.refused()) {
			throw new LinkRefusedException(page.refusal());
		}
		ClientFile file = signed ? page.signed() : page.document();
		if (file == null) {
			throw new io.intime.shared.NotFoundException("document", token.substring(0, 6));
		}
		StoredFile stored = files.get(file.id());
		return new FileContent(stored.filename(), stored.contentType(), files.read(file.id()));
	}

	/** A file's name, type and bytes. */
	public record FileContent(String filename, String contentType, byte[] content) {
	}

	/**
	 * Signs the E-Sign step's document as the link's contact, whose turn it is: with
	 * consent and their typed name; the last signature seals the PDF.
	 * @throws InvalidInputException naming {@code consent} or {@code typedName}
	 */
	public void sign(String token, boolean consent, String typedName, String ip, String userAgent) {
		Acting a = acting(token, ip, userAgent, StepType.ESIGN);
		signatures.sign(a.run(), a.step(), a.def(), a.actor(), consent, typedName, audit);
	}

	/** Declines to sign, with a reason. */
	public void decline(String token, String reason, String ip, String userAgent) {
		Acting a = acting(token, ip, userAgent, StepType.ESIGN);
		signatures.decline(a.run(), a.step(), a.def(), a.actor(), reason, audit);
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
