package io.intime.automation.templates;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.intime.SentMails;
import io.intime.accounts.AccountFixtures;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.workflows.ActionContext;
import io.intime.workflows.ClientParticipation;
import io.intime.workflows.RunStatus;
import io.intime.workflows.RunView;
import io.intime.workflows.StepStatus;
import io.intime.workflows.WorkflowRuns;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives runs of the templates in tests: waits for the scheduler's automated steps, acts
 * as the client through the link the engine emailed (each link used once), and stands in
 * for the uploads and signatures of the files part.
 */
final class TemplateRuns {

	static final String IP = "203.0.113.7";

	static final String BROWSER = "JUnit client browser";

	private final WorkflowRuns runs;

	private final ClientParticipation clients;

	private final JdbcClient jdbc;

	private final CurrentUser admin;

	private final Set<String> used = new HashSet<>();

	TemplateRuns(ApplicationContext context) {
		this.runs = context.getBean(WorkflowRuns.class);
		this.clients = context.getBean(ClientParticipation.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.admin = new AccountFixtures(context).user(Role.ADMIN);
	}

	RunView get(long runId) {
		return runs.get(runId, admin);
	}

	/** The run once its step is in the status (automated steps run on the scheduler). */
	RunView awaitStep(long runId, String key, StepStatus status) throws InterruptedException {
		return await(runId, r -> r.step(key).status() == status);
	}

	RunView awaitStatus(long runId, RunStatus status) throws InterruptedException {
		return await(runId, r -> r.status() == status);
	}

	RunView await(long runId, Predicate<RunView> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		RunView run = get(runId);
		while (!condition.test(run) && System.nanoTime() < deadline) {
			Thread.sleep(200);
			run = get(runId);
		}
		assertThat(condition).as("run %d: %s", runId, run.events()).accepts(run);
		return run;
	}

	/** The internal step's form filled in by the user. */
	RunView submit(long runId, String key, CurrentUser user, Map<String, String> values) {
		RunView.StepView step = get(runId).step(key);
		assertThat(step.status()).as(key).isEqualTo(StepStatus.ACTIVE);
		return runs.submit(step.id(), values, step.version(), user);
	}

	RunView approve(long runId, String key, CurrentUser user, Map<String, String> values) {
		RunView.StepView step = get(runId).step(key);
		return runs.approve(step.id(), true, null, values, step.version(), user);
	}

	RunView reject(long runId, String key, CurrentUser user, String why) {
		RunView.StepView step = get(runId).step(key);
		return runs.approve(step.id(), false, why, Map.of(), step.version(), user);
	}

	/**
	 * The step an upload or a signature would complete, completed as the system: the
	 * upload and e-signature facades are the files part's, tested there.
	 */
	RunView standIn(long runId, String key, String what) {
		assertThat(get(runId).step(key).status()).as(key).isEqualTo(StepStatus.ACTIVE);
		assertThat(runs.completeBySystem(runId, key, what)).isTrue();
		return get(runId);
	}

	/** The token of the newest link emailed to the address for the step, not used yet. */
	String link(String email, String stepName) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			List<byte[]> found = jdbc.sql(
					"select raw from sent_mail where lower(envelope_to) = lower(:to) and subject like :s order by id desc")
				.param("to", email)
				.param("s", stepName + "%")
				.query((rs, n) -> rs.getBytes(1))
				.list();
			for (byte[] raw : found) {
				String token = tokenIn(new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
						new java.io.ByteArrayInputStream(raw)));
				if (used.add(token)) {
					return token;
				}
			}
			Thread.sleep(300);
		}
		throw new AssertionError("No new link for " + stepName + " to " + email);
	}

	void clientSubmits(String email, String stepName, Map<String, String> values) throws Exception {
		clients.submit(link(email, stepName), values, IP, BROWSER);
	}

	void clientDecides(String email, String stepName, String option, Map<String, String> values) throws Exception {
		clients.decide(link(email, stepName), option, values, IP, BROWSER);
	}

	void clientAcknowledges(String email, String stepName) throws Exception {
		String token = link(email, stepName);
		// the documents the step asks to be read are opened first, as the page makes the
		// client do
		for (var file : clients.open(token).files()) {
			clients.openFile(token, file.id(), IP, BROWSER);
		}
		clients.acknowledge(token, true, IP, BROWSER);
	}

	/** What an automated step of the run would be given now. */
	ActionContext context(RunView run, String stepKey, Map<String, Long> roleUsers, Map<String, Long> roleContacts,
			CurrentUser owner) {
		return new ActionContext(run.id(), run.step(stepKey).id(), stepKey, run.accountId(), run.contractId(),
				run.qbrId(), run.renewalId(), run.invoiceId(), owner, runs.data(run.id()), roleUsers, roleContacts, 1);
	}

	static String tokenIn(MimeMessage message) throws Exception {
		Object content = message.getContent();
		String text = content instanceof String s ? s : textOf(message);
		Matcher matcher = Pattern.compile("/client/([A-Za-z0-9_.-]+)").matcher(text);
		assertThat(matcher.find()).as("a client link in: " + text).isTrue();
		return matcher.group(1);
	}

	static String textOf(MimeMessage message) throws Exception {
		var part = SentMails.find(message, "text/plain");
		return part == null ? "" : new String(part.getInputStream().readAllBytes(), "UTF-8");
	}

}
