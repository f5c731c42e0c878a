package io.intime.workflows.files;

import java.nio.file.Path;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses where workflow files live from {@code intime.workflows.files.storage}:
 * {@code local} (the default, a folder) or {@code s3}; any other value stops the start
 * with a message that says which values there are.
 */
@Configuration(proxyBeanMethods = false)
class FileStorageConfiguration {

	@Bean
	FileStorage workflowFileStorage(Environment environment) {
		String storage = environment.getProperty("intime.workflows.files.storage", "local")
			.strip()
			.toLowerCase(Locale.ROOT);
		return switch (storage) {
			case "local", "" -> new LocalFolderStorage(Path.of(environment
				.resolvePlaceholders("${intime.workflows.files.folder:${intime.data-dir:./data}/workflow-files}")));
			case "s3" -> new S3Storage(environment.getProperty("intime.workflows.files.s3.endpoint"),
					environment.getProperty("intime.workflows.files.s3.bucket"),
					environment.getProperty("intime.workflows.files.s3.region"),
					environment.getProperty("intime.workflows.files.s3.access-key"),
					environment.getProperty("intime.workflows.files.s3.secret-key"));
			default -> throw new IllegalStateException(
					"intime.workflows.files.storage is '" + storage + "'; it must be local or s3");
		};
	}

}
