package io.intime.workflows.files;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The folder storage on a real file system. */
class LocalFolderStorageTest {

	@TempDir
	Path folder;

	@Test
	void storesUnderTheKeyAndReadsItBackLeavingNoPartialFile() throws Exception {
		LocalFolderStorage storage = new LocalFolderStorage(folder.resolve("workflow-files"));
		byte[] content = "usage report".getBytes(StandardCharsets.UTF_8);

		storage.put("runs/12/6f1c2d", content);
		storage.put("runs/12/7a00", new byte[0]);

		assertThat(storage.get("runs/12/6f1c2d")).isEqualTo(content);
		assertThat(folder.resolve("workflow-files/runs/12/6f1c2d")).hasBinaryContent(content);
		try (Stream<Path> files = Files.list(folder.resolve("workflow-files/runs/12"))) {
			assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("6f1c2d", "7a00");
		}
	}

	@Test
	void refusesKeysThatLeaveTheFolder() {
		LocalFolderStorage storage = new LocalFolderStorage(folder.resolve("files"));
		for (String key : new String[] { "../outside", "runs/../../outside", "/etc/passwd", "runs//x", "runs/x/",
				"runs\\x", "" }) {
			assertThatThrownBy(() -> storage.put(key, new byte[] { 1 })).as(key)
				.isInstanceOf(IllegalArgumentException.class);
		}
		assertThat(folder.resolve("outside")).doesNotExist();
	}

	@Test
	void aMissingFileIsNamed() {
		LocalFolderStorage storage = new LocalFolderStorage(folder);
		assertThatThrownBy(() -> storage.get("runs/1/missing")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("runs/1/missing");
	}

}
