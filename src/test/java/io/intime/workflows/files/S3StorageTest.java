package io.intime.workflows.files;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The S3 storage against a real S3-compatible server on this machine: moto's server
 * (Python, {@code moto_server}), started on a free port. Skipped where moto is not
 * installed; nothing here reaches the internet.
 */
class S3StorageTest {

	static Process server;

	static String endpoint;

	@BeforeAll
	static void startServer() throws Exception {
		String moto = executable("moto_server");
		assumeTrue(moto != null, "moto_server is not installed: the S3 storage is not tested here");
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		server = new ProcessBuilder(moto, "-H", "127.0.0.1", "-p", String.valueOf(port)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		endpoint = "http://127.0.0.1:" + port;
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!listening(port)) {
			assertThat(System.nanoTime()).as("moto_server listens within 30 s").isLessThan(deadline);
			assertThat(server.isAlive()).as("moto_server is running").isTrue();
			Thread.sleep(200);
		}
		try (S3Client client = S3Client.builder()
			.endpointOverride(URI.create(endpoint))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.build()) {
			client.createBucket(b -> b.bucket("workflow-files"));
		}
	}

	@AfterAll
	static void stopServer() throws InterruptedException {
		if (server != null) {
			server.destroy();
			server.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void storesUnderTheKeyAndReadsItBack() {
		try (S3Storage storage = new S3Storage(endpoint, "workflow-files", "us-east-1", "test", "test")) {
			byte[] content = "signed agreement".getBytes(StandardCharsets.UTF_8);
			storage.put("runs/5/0b7e", content);
			assertThat(storage.get("runs/5/0b7e")).isEqualTo(content);
			assertThatThrownBy(() -> storage.get("runs/5/missing")).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("runs/5/missing");
			assertThatThrownBy(() -> storage.put("../x", content)).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void refusesToStartWithoutABucketOrWithHalfTheCredentials() {
		assertThatThrownBy(() -> new S3Storage(endpoint, " ", null, null, null)).hasMessageContaining("bucket");
		assertThatThrownBy(() -> new S3Storage(endpoint, "b", null, "key", "")).hasMessageContaining("secret-key");
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException e) {
			return false;
		}
	}

	private static String executable(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return null;
	}

}
