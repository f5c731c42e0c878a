package io.intime.workflows.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.intime.IntegrationTest;
import io.intime.TestClock;
import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountFixtures;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.workflows.esign.SamplePdfs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Workflow files on real PostgreSQL and the real folder storage: stored with their
 * SHA-256 after their content was opened, refused (and not stored) when they are not what
 * they say or too large, checked again on every read, and who opened them.
 */
@IntegrationTest
class WorkflowFilesIntegrationTest {

	@Autowired
	ApplicationContext context;

	@Autowired
	WorkflowFiles files;

	@Autowired
	FileStorage storage;

	@Autowired
	JdbcClient jdbc;

	AccountFixtures fixtures;

	AccountDetails account;

	long run;

	@BeforeEach
	void setUp() {
		fixtures = new AccountFixtures(context);
		account = fixtures.account(fixtures.user(Role.ACCOUNT_MANAGER));
		run = TestRuns.run(jdbc, account.id());
	}

	Path folder() {
		return ((LocalFolderStorage) storage).folder();
	}

	@Test
	void aFileIsStoredOutsideTheDatabaseWithItsSha256AndReadBackChecked() throws Exception {
		long step = TestRuns.step(jdbc, run, "usage-report", 1);
		long otherStep = TestRuns.step(jdbc, run, "survey", 2);
		byte[] pdf = SamplePdfs.document("Usage report", 2);

		StoredFile stored = files.store(run, step, StoredFile.UPLOAD, "../../Users/dana/Q3 usage.pdf", pdf,
				"Dana Whitfield (dana@client.example)", files.rules(List.of("pdf"), 0));

		assertThat(stored.filename()).isEqualTo("Q3 usage.pdf");
		assertThat(stored.contentType()).isEqualTo("application/pdf");
		assertThat(stored.sizeBytes()).isEqualTo(pdf.length);
		assertThat(stored.sha256()).isEqualTo(WorkflowFiles.sha256(pdf)).hasSize(64);
		assertThat(stored.runId()).isEqualTo(run);
		assertThat(stored.stepId()).isEqualTo(step);
		assertThat(stored.purpose()).isEqualTo("UPLOAD");
		assertThat(stored.uploadedBy()).isEqualTo("Dana Whitfield (dana@client.example)");
		assertThat(stored.uploadedAt()).isBetween(TestClock.now().minusSeconds(60), TestClock.now());

		String key = storageKey(stored.id());
		assertThat(key).matches("runs/" + run + "/[0-9a-f-]{36}");
		assertThat(folder().resolve(key)).hasBinaryContent(pdf);
		assertThat(files.read(stored.id())).isEqualTo(pdf);
		assertThat(files.get(stored.id())).isEqualTo(stored);

		StoredFile document = files.store(run, null, StoredFile.DOCUMENT, "Agreement.pdf", pdf, "system", null);
		assertThat(files.ofRun(run)).containsExactly(stored, document);
		assertThat(files.ofStep(step)).containsExactly(stored);
		Map<Long, List<StoredFile>> bySteps = files.ofSteps(List.of(otherStep, step));
		assertThat(bySteps.keySet()).containsExactly(otherStep, step);
		assertThat(bySteps.get(step)).containsExactly(stored);
		assertThat(bySteps.get(otherStep)).isEmpty();
		assertThat(files.ofSteps(List.of())).isEmpty();
	}

	@Test
	void aPdfThatIsATextFileIsRefusedAndNotStored() throws Exception {
		long before = filesInFolder();
		assertThatThrownBy(() -> files.store(run, null, StoredFile.UPLOAD, "invoice.pdf",
				"Invoice INV-1 for USD 2,400".getBytes(StandardCharsets.UTF_8), "client", null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).containsExactly(new FieldError("file", "is not a valid PDF file")));
		assertThat(files.ofRun(run)).isEmpty();
		assertThat(filesInFolder()).isEqualTo(before);
	}

	@Test
	void aTypeTheStepDoesNotAcceptAnEmptyFileAndAnOversizedOneAreRefused() {
		assertThatThrownBy(
				() -> files.store(run, null, StoredFile.UPLOAD, "setup.exe", new byte[] { 'M', 'Z' }, "client", null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors()).containsExactly(
					new FieldError("file", "must be one of: pdf, docx, xlsx, pptx, csv, txt, png, jpg, jpeg")));
		assertThatThrownBy(() -> files.store(run, null, StoredFile.UPLOAD, "notes.txt", new byte[0], "client", null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).containsExactly(new FieldError("file", "is empty")));
		byte[] large = new byte[26_528_973];
		assertThatThrownBy(() -> files.store(run, null, StoredFile.UPLOAD, "export.csv", large, "client", null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
				.containsExactly(new FieldError("file", "is larger than 20 MB (25.3 MB)")));
		assertThatThrownBy(() -> files.store(run, null, StoredFile.UPLOAD, "usage.csv",
				"a,b\n".getBytes(StandardCharsets.UTF_8), "client", files.rules(List.of("xlsx", "pdf"), 1024)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).containsExactly(new FieldError("file", "must be one of: xlsx, pdf")));
		assertThat(files.ofRun(run)).isEmpty();
	}

	@Test
	void aStoredFileChangedOutsideTheApplicationIsDetectedOnRead() throws Exception {
		byte[] csv = "month,placements\n2026-01,14\n".getBytes(StandardCharsets.UTF_8);
		StoredFile stored = files.store(run, null, StoredFile.UPLOAD, "placements.csv", csv, "client", null);
		assertThat(stored.contentType()).isEqualTo("text/csv; charset=UTF-8");

		Files.write(folder().resolve(storageKey(stored.id())),
				"month,placements\n2026-01,41\n".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> files.read(stored.id())).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Workflow file " + stored.id() + " (placements.csv)")
			.hasMessageContaining("SHA-256");
		assertThatThrownBy(() -> files.read(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> files.get(Long.MAX_VALUE)).isInstanceOf(NotFoundException.class);
	}

	@Test
	void openingIsRecordedOnceAndAllOpenedAsksForEveryFile() {
		ContactView contact = fixtures.contact(account);
		CurrentUser user = fixtures.user(Role.FINANCE);
		byte[] pdf = SamplePdfs.document("Policy", 1);
		StoredFile policy = files.store(run, null, StoredFile.DOCUMENT, "policy.pdf", pdf, "system", null);
		StoredFile terms = files.store(run, null, StoredFile.DOCUMENT, "terms.pdf", pdf, "system", null);
		List<Long> both = List.of(policy.id(), terms.id());

		assertThat(files.allOpened(both, contact.id(), null)).isFalse();
		files.recordOpened(policy.id(), contact.id(), null);
		assertThat(files.allOpened(both, contact.id(), null)).isFalse();
		assertThat(files.allOpened(List.of(policy.id()), contact.id(), null)).isTrue();
		files.recordOpened(terms.id(), contact.id(), null);
		assertThat(files.allOpened(both, contact.id(), null)).isTrue();
		assertThat(files.allOpened(both, null, user.id())).as("another reader").isFalse();
		assertThat(files.allOpened(List.of(), contact.id(), null)).isTrue();

		OffsetDateTime first = firstOpened(policy.id());
		TestClock.INSTANCE.advance(Duration.ofHours(2));
		try {
			files.recordOpened(policy.id(), contact.id(), null);
		}
		finally {
			TestClock.INSTANCE.reset();
		}
		assertThat(firstOpened(policy.id())).as("the first time is kept").isEqualTo(first);
		assertThat(jdbc.sql("select count(*) from workflow_file_view where file_id = ?")
			.param(policy.id())
			.query(Long.class)
			.single()).isEqualTo(1);

		files.recordOpened(policy.id(), null, user.id());
		files.recordOpened(terms.id(), null, user.id());
		assertThat(files.allOpened(both, null, user.id())).isTrue();
		assertThatThrownBy(() -> files.recordOpened(Long.MAX_VALUE, contact.id(), null))
			.isInstanceOf(NotFoundException.class);
	}

	private OffsetDateTime firstOpened(long fileId) {
		return jdbc.sql("select first_opened_at from workflow_file_view where file_id = ? and user_id is null")
			.param(fileId)
			.query(OffsetDateTime.class)
			.single();
	}

	private String storageKey(long fileId) {
		return jdbc.sql("select storage_key from workflow_file where id = ?")
			.param(fileId)
			.query(String.class)
			.single();
	}

	private long filesInFolder() throws Exception {
		if (!Files.exists(folder())) {
			return 0;
		}
		try (Stream<Path> all = Files.walk(folder())) {
			return all.filter(Files::isRegularFile).count();
		}
	}

}
