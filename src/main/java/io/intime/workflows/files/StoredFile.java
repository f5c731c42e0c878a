package io.intime.workflows.files;

import java.time.Instant;

/**
 * A file of a workflow run: its metadata; the content is read with
 * {@link WorkflowFiles#read(long)}.
 *
 * @param id the file's id
 * @param runId the run it belongs to
 * @param stepId the step it was given to or made for; null for a file of the run itself
 * @param purpose {@code UPLOAD} (given to a File Request), {@code DOCUMENT} (a document
 * to read or sign) or {@code SIGNED} (a sealed, signed PDF)
 * @param filename the sanitized file name (no folders)
 * @param contentType the media type that goes with its extension
 * @param sizeBytes its size
 * @param sha256 the SHA-256 of its content, 64 lower-case hex digits
 * @param uploadedBy who gave or made it, in words
 * @param uploadedAt when it was stored
 */
public record StoredFile(long id, long runId, Long stepId, String purpose, String filename, String contentType,
		long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {

	/** The purposes a file may have (the column's check constraint). */
	public static final String UPLOAD = "UPLOAD";

	public static final String DOCUMENT = "DOCUMENT";

	public static final String SIGNED = "SIGNED";

	/** The size in words ("1.4 MB", "820 KB"). */
	public String sizeText() {
		return FileSizes.text(sizeBytes);
	}

}
