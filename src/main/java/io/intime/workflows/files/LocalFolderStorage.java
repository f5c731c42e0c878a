package io.intime.workflows.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files in a folder of the server ({@code intime.workflows.files.folder}, by default
 * {@code <intime.data-dir>/workflow-files}): each key is a path below it. A file is
 * written to a temporary file beside its place, forced to disk and then moved into place
 * in one atomic step, so a reader never sees half a file, even after a crash. With
 * several nodes the folder must be shared (or use {@link S3Storage}).
 */
public class LocalFolderStorage implements FileStorage {

	private static final Logger log = LoggerFactory.getLogger(LocalFolderStorage.class);

	private final Path root;

	public LocalFolderStorage(Path folder) {
		this.root = folder.toAbsolutePath().normalize();
		try {
			Files.createDirectories(root);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot create the workflow files folder " + root, e);
		}
		log.info("Workflow files are kept in the folder {}", root);
	}

	/** The folder the files are kept in. */
	public Path folder() {
		return root;
	}

	@Override
	public void put(String key, byte[] content) {
		Path target = resolve(key);
		Path temporary = null;
		try {
			Files.createDirectories(target.getParent());
			temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			temporary = null;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot store workflow file " + key + " in " + root, e);
		}
		finally {
			if (temporary != null) {
				try {
					Files.deleteIfExists(temporary);
				}
				catch (IOException e) {
					log.warn("Could not remove the partial file {}", temporary, e);
				}
			}
		}
	}

	@Override
	public byte[] get(String key) {
		Path file = resolve(key);
		try {
			return Files.readAllBytes(file);
		}
		catch (NoSuchFileException e) {
			throw new IllegalStateException("No workflow file is stored under " + key + " in " + root, e);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read workflow file " + key + " from " + root, e);
		}
	}

	private Path resolve(String key) {
		Path path = root.resolve(StorageKeys.checked(key)).normalize();
		if (!path.startsWith(root) || path.equals(root)) {
			throw new IllegalArgumentException("Not a storage key: " + key);
		}
		return path;
	}

}
