package io.intime.workflows;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.notifications.Notice;
import io.intime.notifications.Notifications;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Today;
import io.intime.workflows.WorkflowEngine.RunRow;
import io.intime.workflows.WorkflowEngine.StepRow;
import io.intime.workflows.esign.PdfSealer;
import io.intime.workflows.esign.SignatureEvidence;
import io.intime.workflows.files.StoredFile;
import io.intime.workflows.files.WorkflowFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-Sign steps: the document is fixed when the step becomes active (made by a
 * {@link WorkflowDocument} or taken from a File Request's PDF) and its SHA-256 recorded;
 * signers sign in their order, each with consent, their typed name, the time, their IP
 * address and browser; after the last one the PDF gets its certificate page and one
 * digital signature with the organization's key. A signer may decline with a reason,
 * which stops the step until the owner asks again.
 */
@Component
@Transactional
public class ESignatures implements StepHandler {

	private final JdbcClient jdbc;

	private final WorkflowEngine engine;

	private final WorkflowFiles files;

	private final WorkflowTemplates templates;

	private final PdfSealer sealer;

	private final ContactManagement contacts;

	private final Notifications notifications;

	private final Today time;

	ESignatures(JdbcClient jdbc, WorkflowEngine engine, WorkflowFiles files, WorkflowTemplates templates,
			PdfSealer sealer, ContactManagement contacts, Notifications notifications, Today time) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.files = files;
		this.templates = templates;
		this.sealer = sealer;
		this.contacts = contacts;
		this.notifications = notifications;
		this.time = time;
	}

	/** A signer as the pages show them. */
	public record Signer(long id, int position, long contactId, String name, String status, String typedName,
			Instant signedAt, String declineReason) {
	}

	@Override
	public void activated(RunRow run, StepRow step, StepDef def) {
		if (def.type() != StepType.ESIGN) {
			return;
		}
		StoredFile document = prepare(run, step, def);
		engine.event(run.id(), step.key(), "DOCUMENT", null,
				"Document to sign: " + document.filename() + " (SHA-256 " + document.sha256() + ")");
	}

	@Override
	public void generated(RunRow run, StepRow step, ActionResult.GeneratedFile file) {
		String extension = file.filename().contains(".")
				? file.filename().substring(file.filename().lastIndexOf('.') + 1).toLowerCase() : "";
		StoredFile stored = files.store(run.id(), step.id(), StoredFile.DOCUMENT, file.filename(), file.content(),
				"InTime", files.rules(List.of(extension), 0));
		engine.event(run.id(), step.key(), "FILE", null,
				"Made " + stored.filename() + " (" + stored.sizeText() + ", SHA-256 " + stored.sha256() + ")");
	}

	private StoredFile prepare(RunRow run, StepRow step, StepDef def) {
		String source = def.document();
		if (source.startsWith("action:")) {
			WorkflowDocument maker = templates.document(source.substring("action:".length()))
				.orElseThrow(() -> new IllegalStateException("No document " + source));
			WorkflowDocument.Generated made = maker.make(engine.context(run, step));
			return files.store(run.id(), step.id(), StoredFile.DOCUMENT, made.filename(), made.pdf(), "InTime",
					files.rules(List.of("pdf"), 0));
		}
		StepRow from = engine.steps(run.id())
			.stream()
			.filter(s -> s.key().equals(source))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No step " + source));
		StoredFile pdf = files.ofStep(from.id())
			.stream()
			.filter(f -> f.filename().toLowerCase().endsWith(".pdf"))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new InvalidInputException("document",
					"the step " + source + " has no PDF to sign: upload one there first"));
		return files.store(run.id(), step.id(), StoredFile.DOCUMENT, pdf.filename(), files.read(pdf.id()), "InTime",
				files.rules(List.of("pdf"), 0));
	}

	/** The document the step's signers sign (the latest made for this activation). */
	Optional<StoredFile> document(long stepId) {
		return files.ofStep(stepId).stream().filter(f -> StoredFile.DOCUMENT.equals(f.purpose())).reduce((a, b) -> b);
	}

	/** The signed PDF, once the last signer signed. */
	Optional<StoredFile> signed(long stepId) {
		return files.ofStep(stepId).stream().filter(f -> StoredFile.SIGNED.equals(f.purpose())).reduce((a, b) -> b);
	}

	List<Signer> signers(long stepId) {
		return jdbc.sql("""
				select s.id, s.position, s.contact_id, c.name, s.status, s.typed_name, s.signed_at, s.decline_reason
				from workflow_signer s join contact c on c.id = s.contact_id where s.step_id = ? order by s.position""")
			.param(stepId)
			.query((rs, n) -> new Signer(rs.getLong(1), rs.getInt(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getString(6), rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
					rs.getString(8)))
			.list();
	}

	/**
	 * Signs as the link's contact, whose turn it is.
	 * @throws InvalidInputException naming {@code consent} or {@code typedName}
	 */
	void sign(RunRow run, StepRow step, StepDef def, StepActor actor, boolean consent, String typedName,
			ExternalActions audit) {
		ContactView contact = contacts.byIds(List.of(actor.contactId())).get(actor.contactId());
		List<FieldError> errors = new ArrayList<>();
		if (!consent) {
			errors.add(new FieldError("consent", "tick the box to agree to sign electronically"));
		}
		String typed = typedName == null ? "" : typedName.strip().replaceAll("\\s+", " ");
		if (typed.isEmpty()) {
			errors.add(new FieldError("typedName", "is required: type your full name"));
		}
		else if (typed.length() > 200) {
			errors.add(new FieldError("typedName", "is at most 200 characters"));
		}
		else if (contact != null && !typed.equalsIgnoreCase(contact.name().strip().replaceAll("\\s+", " "))) {
			errors.add(new FieldError("typedName", "must be your full name as we know it: " + contact.name()));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Signer signer = current(step.id()).filter(s -> s.contactId() == actor.contactId())
			.orElseThrow(() -> new InvalidInputException("step", "is not waiting for your signature"));
		StoredFile document = document(step.id())
			.orElseThrow(() -> new IllegalStateException("E-Sign step " + step.id() + " has no document"));
		Instant now = time.now();
		int updated = jdbc.sql("""
				update workflow_signer set status = 'SIGNED', consent_at = :at, typed_name = :typed, signed_at = :at,
				  ip = :ip, user_agent = :ua, document_sha256 = :sha, version = version + 1
				where id = :id and status = 'WAITING'""")
			.param("at", Timestamp.from(now))
			.param("typed", typed)
			.param("ip", actor.ip())
			.param("ua", actor.userAgent())
			.param("sha", document.sha256())
			.param("id", signer.id())
			.update();
		if (updated == 0) {
			throw new InvalidInputException("step", "was signed already");
		}
		audit.record(run, step, actor, "SIGNED",
				Map.of("typedName", typed, "documentSha256", document.sha256(), "consent", true));
		engine.event(run.id(), step.key(), "SIGNED", actor.name(), def.name() + ": signed by " + actor.name());
		Optional<Signer> next = current(step.id());
		if (next.isPresent()) {
			jdbc.sql("update workflow_step set assignee_contact_id = ?, version = version + 1 where id = ?")
				.params(next.get().contactId(), step.id())
				.update();
			// the signer's own link stays open: it now shows that they signed
			engine.sendLink(run, engine.loadStep(step.id()), def, next.get().contactId(), false);
			return;
		}
		byte[] sealed = sealer.seal(files.read(document.id()), document.filename(),
				"InTime run " + run.id() + " · " + run.title() + " · " + def.name(), evidence(step.id()));
		String name = document.filename().replaceFirst("(?i)\\.pdf$", "") + " (signed).pdf";
		StoredFile signedFile = files.store(run.id(), step.id(), StoredFile.SIGNED, name, sealed, "InTime",
				files.rules(List.of("pdf"), Math.max(sealed.length, 1)));
		engine.complete(run, engine.loadStep(step.id()),
				Map.of("documentSha256", document.sha256(), "signedFileId", signedFile.id(), "signedSha256",
						signedFile.sha256()),
				actor, null, def.name() + ": signed by every signer; sealed with the organization's key (SHA-256 "
						+ signedFile.sha256() + ")");
	}

	private List<SignatureEvidence> evidence(long stepId) {
		return jdbc.sql("""
				select c.name, c.email, s.typed_name, s.consent_at, s.signed_at, s.ip, s.user_agent, s.document_sha256
				from workflow_signer s join contact c on c.id = s.contact_id
				where s.step_id = ? and s.status = 'SIGNED' order by s.position""")
			.param(stepId)
			.query((rs, n) -> new SignatureEvidence(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
					rs.getString(8)))
			.list();
	}

	/** The signer whose turn it is: the first who has not signed. */
	Optional<Signer> current(long stepId) {
		return signers(stepId).stream().filter(s -> "WAITING".equals(s.status())).findFirst();
	}

	/**
	 * Declines as the link's contact: the step stops with the reason until the owner asks
	 * again.
	 */
	void decline(RunRow run, StepRow step, StepDef def, StepActor actor, String reason, ExternalActions audit) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidInputException("reason", "is required: tell us why you decline");
		}
		if (why.length() > 2000) {
			throw new InvalidInputException("reason", "is at most 2000 characters");
		}
		Signer signer = current(step.id()).filter(s -> s.contactId() == actor.contactId())
			.orElseThrow(() -> new InvalidInputException("step", "is not waiting for your signature"));
		jdbc.sql("""
				update workflow_signer set status = 'DECLINED', decline_reason = :reason, signed_at = :at, ip = :ip,
				  user_agent = :ua, version = version + 1
				where id = :id and status = 'WAITING'""")
			.param("reason", why)
			.param("at", Timestamp.from(time.now()))
			.param("ip", actor.ip())
			.param("ua", actor.userAgent())
			.param("id", signer.id())
			.update();
		int updated = jdbc.sql("""
				update workflow_step set status = 'DECLINED', acted_by = ?, error = ?, version = version + 1
				where id = ? and status = 'ACTIVE'""").params(actor.name(), "Declined: " + why, step.id()).update();
		if (updated == 0) {
			throw new InvalidInputException("step", "is not waiting for your signature");
		}
		audit.record(run, step, actor, "DECLINED", Map.of("reason", why));
		engine.event(run.id(), step.key(), "DECLINED", actor.name(),
				def.name() + ": declined by " + actor.name() + " — " + why);
		if (run.ownerId() != null) {
			notifications.send(new Notice(WorkflowNotices.SIGNATURE_DECLINED, run.accountId(), "workflow_run", run.id(),
					"declined-" + step.id() + "-" + step.version(),
					run.title() + ": " + actor.name() + " declined to sign", why, "/workflows/runs/" + run.id(), null,
					Set.of(run.ownerId()), null));
		}
	}

}
