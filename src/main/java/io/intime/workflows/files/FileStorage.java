package io.intime.workflows.files;

/**
 * Where the content of workflow files lives, outside the database: a folder
 * ({@link LocalFolderStorage}, the default) or S3-compatible storage ({@link S3Storage},
 * {@code intime.workflows.files.storage=s3}). Keys are relative, slash-separated paths
 * such as {@code runs/12/6f1c…}; content under a key is written once.
 */
public interface FileStorage {

	/** Stores the content under the key, whole or not at all. */
	void put(String key, byte[] content);

	/**
	 * The content under the key.
	 * @throws IllegalStateException when nothing is stored under it
	 */
	byte[] get(String key);

}
