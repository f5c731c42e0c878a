package io.intime.workflows.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * The files of workflow runs: what a client gives to a File Request, the documents of an
 * E-Sign step and their signed copies. The content is kept outside the database by
 * {@link FileStorage}; the database keeps the file's name, type, size and SHA-256, which
 * is checked again on every read. A file is stored only after it has been opened as the
 * type its extension says ({@link FileContents}); one that cannot be opened is refused.
 */
@Service
public class WorkflowFiles {

	static final String FIELD = "file";

	private static final Set<String> PURPOSES = Set.of(StoredFile.UPLOAD, StoredFile.DOCUMENT, StoredFile.SIGNED);

	private static final String COLUMNS = """
			id, run_id, step_id, purpose, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at""";

	private final JdbcClient jdbc;

	private final FileStorage storage;

	private final Today time;

	private final long defaultMaxBytes;

	WorkflowFiles(JdbcClient jdbc, FileStorage storage, Today time,
			@Value("${intime.workflows.files.max-bytes:20MB}") DataSize defaultMaxBytes) {
		this.jdbc = jdbc;
		this.storage = storage;
		this.time = time;
		this.defaultMaxBytes = defaultMaxBytes.toBytes();
	}

	/**
	 * A step's rules with this installation's default size
	 * ({@code intime.workflows.files.max-bytes}, 20 MB unless configured) where the step
	 * gives 0, and the default types where it gives none.
	 */
	public UploadRules rules(List<String> allowedTypes, long maxBytes) {
		return UploadRules.of(allowedTypes, maxBytes, defaultMaxBytes);
	}

	/**
	 * Checks and stores a file of a run.
	 * @param runId the run
	 * @param stepId the step it belongs to, or null
	 * @param purpose {@link StoredFile#UPLOAD}, {@link StoredFile#DOCUMENT} or
	 * {@link StoredFile#SIGNED}
	 * @param filename the name the file came with; folders are dropped, control and
	 * reserved characters removed
	 * @param content the bytes
	 * @param uploadedBy who gives it, in words
	 * @param rules what is accepted; null for the defaults ({@link #rules(List, long)})
	 * @return the stored file
	 * @throws InvalidInputException on field {@code file} when the name, type, size or
	 * content is refused (nothing is stored then)
	 */
	@Transactional
	public StoredFile store(long runId, Long stepId, String purpose, String filename, byte[] content, String uploadedBy,
			UploadRules rules) {
		if (!PURPOSES.contains(purpose)) {
			throw new IllegalArgumentException("A workflow file's purpose is one of " + PURPOSES + ", not " + purpose);
		}
		UploadRules accepted = rules == null ? rules(List.of(), 0) : rules;
		String name = sanitize(filename);
		String extension = extension(name);
		if (extension.isEmpty() || !accepted.allows(extension)) {
			throw refused("must be one of: " + String.join(", ", accepted.allowedExtensions()));
		}
		if (content == null || content.length == 0) {
			throw refused("is empty");
		}
		if (content.length > accepted.maxBytes()) {
			throw refused("is larger than " + FileSizes.text(accepted.maxBytes()) + " ("
					+ FileSizes.text(content.length) + ")");
		}
		Optional<String> problem = FileContents.problem(extension, content);
		if (problem.isPresent()) {
			throw refused(problem.get());
		}
		String sha256 = sha256(content);
		String key = "runs/" + runId + "/" + UUID.randomUUID();
		storage.put(key, content);
		long id = jdbc.sql("""
				insert into workflow_file (run_id, step_id, purpose, filename, content_type, size_bytes, sha256,
				  storage_key, uploaded_by, uploaded_at)
				values (:run, :step, :purpose, :filename, :type, :size, :sha, :key, :by, :at) returning id""")
			.param("run", runId)
			.param("step", stepId)
			.param("purpose", purpose)
			.param("filename", name)
			.param("type", FileContents.contentType(extension))
			.param("size", (long) content.length)
			.param("sha", sha256)
			.param("key", key)
			.param("by", uploadedBy)
			.param("at", Timestamp.from(time.now()))
			.query(Long.class)
			.single();
		return get(id);
	}

	/**
	 * The content of a file, after checking it against the SHA-256 recorded when it was
	 * stored.
	 * @throws NotFoundException when there is no such file
	 * @throws IllegalStateException when the stored content was changed (or lost)
	 */
	@Transactional(readOnly = true)
	public byte[] read(long fileId) {
		record Located(String filename, String key, String sha256) {
		}
		Located file = jdbc.sql("select filename, storage_key, sha256 from workflow_file where id = ?")
			.param(fileId)
			.query((rs, n) -> new Located(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("Workflow file", fileId));
		byte[] content = storage.get(file.key());
		if (!sha256(content).equals(file.sha256())) {
			throw new IllegalStateException("Workflow file " + fileId + " (" + file.filename()
					+ ") does not match the SHA-256 recorded when it was stored: its content was changed");
		}
		return content;
	}

	/**
	 * A file's metadata.
	 * @throws NotFoundException when there is no such file
	 */
	@Transactional(readOnly = true)
	public StoredFile get(long fileId) {
		return jdbc.sql("select " + COLUMNS + " from workflow_file where id = ?")
			.param(fileId)
			.query(WorkflowFiles::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("Workflow file", fileId));
	}

	/** The files of a step, oldest first. */
	@Transactional(readOnly = true)
	public List<StoredFile> ofStep(long stepId) {
		return jdbc.sql("select " + COLUMNS + " from workflow_file where step_id = ? order by id")
			.param(stepId)
			.query(WorkflowFiles::row)
			.list();
	}

	/** The files of a run, oldest first. */
	@Transactional(readOnly = true)
	public List<StoredFile> ofRun(long runId) {
		return jdbc.sql("select " + COLUMNS + " from workflow_file where run_id = ? order by id")
			.param(runId)
			.query(WorkflowFiles::row)
			.list();
	}

	/**
	 * The files of these steps in one query: every step asked for is a key (with an empty
	 * list when it has none), in the order asked; files oldest first.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<StoredFile>> ofSteps(Collection<Long> stepIds) {
		Map<Long, List<StoredFile>> files = new LinkedHashMap<>();
		stepIds.forEach(id -> files.put(id, new ArrayList<>()));
		if (files.isEmpty()) {
			return files;
		}
		jdbc.sql("select " + COLUMNS + " from workflow_file where step_id = any(?) order by id")
			.param(files.keySet().toArray(Long[]::new))
			.query(WorkflowFiles::row)
			.list()
			.forEach(file -> files.get(file.stepId()).add(file));
		files.replaceAll((id, list) -> List.copyOf(list));
		return files;
	}

	/**
	 * Records that a client contact or a user opened a file; the first time is kept (a
	 * second call changes nothing).
	 * @param contactId the contact who opened it, or null
	 * @param userId the user who opened it, or null
	 * @throws NotFoundException when there is no such file
	 */
	@Transactional
	public void recordOpened(long fileId, Long contactId, Long userId) {
		get(fileId);
		jdbc.sql("""
				insert into workflow_file_view (file_id, contact_id, user_id, first_opened_at)
				values (?, ?, ?, ?) on conflict do nothing""")
			.params(fileId, contactId, userId, Timestamp.from(time.now()))
			.update();
	}

	/**
	 * Whether this contact (or user) has opened every one of these files; true for none.
	 */
	@Transactional(readOnly = true)
	public boolean allOpened(Collection<Long> fileIds, Long contactId, Long userId) {
		Long[] ids = fileIds.stream().distinct().toArray(Long[]::new);
		if (ids.length == 0) {
			return true;
		}
		long opened = jdbc.sql("""
				select count(distinct file_id) from workflow_file_view
				where file_id = any(:ids) and contact_id is not distinct from :contact
				  and user_id is not distinct from :user""")
			.param("ids", ids)
			.param("contact", contactId, Types.BIGINT)
			.param("user", userId, Types.BIGINT)
			.query(Long.class)
			.single();
		return opened == ids.length;
	}

	private static StoredFile row(ResultSet rs, int n) throws SQLException {
		return new StoredFile(rs.getLong("id"), rs.getLong("run_id"), rs.getObject("step_id", Long.class),
				rs.getString("purpose"), rs.getString("filename"), rs.getString("content_type"),
				rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
				rs.getObject("uploaded_at", OffsetDateTime.class).toInstant());
	}

	private static InvalidInputException refused(String message) {
		return new InvalidInputException(FIELD, message);
	}

	/** The SHA-256 of the bytes, 64 lower-case hex digits. */
	public static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
		}
	}

	/**
	 * The file's own name: no folders (of any system), no control, invisible-format or
	 * reserved characters, no leading dots, at most 255 characters (its extension kept).
	 * @throws InvalidInputException when nothing of a name is left
	 */
	static String sanitize(String filename) {
		String name = filename == null ? "" : Normalizer.normalize(filename, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		// \p{Cf} includes the right-to-left override that disguises "report.exe" as
		// "exe.troper"
		name = name.replaceAll("[\\p{Cc}\\p{Cf}]", "").replaceAll("[:*?\"<>|]", "_").strip();
		while (name.startsWith(".")) {
			name = name.substring(1).strip();
		}
		if (name.isEmpty()) {
			throw refused("has no file name");
		}
		if (name.length() > 255) {
			String extension = extension(name);
			int keep = 255 - (extension.isEmpty() ? 0 : extension.length() + 1);
			name = name.substring(0, keep).strip() + (extension.isEmpty() ? "" : "." + extension);
		}
		return name;
	}

	/**
	 * The lower-case extension of a file name without its dot; empty when it has none.
	 */
	static String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		if (dot <= 0 || dot == filename.length() - 1) {
			return "";
		}
		String extension = UploadRules.normalize(filename.substring(dot + 1));
		return extension.length() <= 10 ? extension : "";
	}

}
