package io.intime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Opens generated documents the way people's programs do, for tests: LibreOffice converts
 * a PowerPoint file to PDF (a file it cannot open fails the conversion), and poppler's
 * {@code pdftoppm} renders PDF pages to PNG under target/screenshots to be looked at.
 * Both are installed by {@code .ci/run}.
 */
public final class OfficeDocuments {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private OfficeDocuments() {
	}

	/** LibreOffice's PDF of the file, written beside it. */
	public static Path pdfOf(Path file) throws Exception {
		String soffice = executable("soffice");
		// its own profile, so that conversions running at once do not clash
		Path profile = Path.of("/tmp", "lo-" + UUID.randomUUID());
		Path dir = file.toAbsolutePath().getParent();
		List<String> command = List.of(soffice, "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--convert-to", "pdf", "--outdir", dir.toString(), file.toAbsolutePath().toString());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				fail("LibreOffice did not convert " + file.getFileName() + " within 120 s");
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.exitValue()).as("soffice exit code; output: %s", output).isZero();
		}
		finally {
			deleteQuietly(profile);
		}
		String name = file.getFileName().toString();
		Path pdf = dir.resolve(name.substring(0, name.lastIndexOf('.')) + ".pdf");
		assertThat(pdf).as("LibreOffice's PDF of " + name).exists();
		return pdf;
	}

	/** Renders each page to target/screenshots/{prefix}-{page}.png at 60 dpi. */
	public static void render(Path pdf, String prefix) throws Exception {
		Files.createDirectories(SCREENSHOTS);
		try (var old = Files.list(SCREENSHOTS)) {
			for (Path png : old.filter(p -> p.getFileName().toString().matches(prefix + "-\\d+\\.png")).toList()) {
				Files.delete(png);
			}
		}
		Process process = new ProcessBuilder(executable("pdftoppm"), "-png", "-r", "60", pdf.toString(),
				SCREENSHOTS.resolve(prefix).toString())
			.redirectErrorStream(true)
			.start();
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("pdftoppm did not render the pages within 60 s");
		}
		assertThat(process.exitValue()).as("pdftoppm exit code").isZero();
	}

	private static String executable(String name) {
		for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
			Path candidate = Path.of(folder, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		return fail(name + " is not installed; install it with: apt-get install -y libreoffice-impress poppler-utils");
	}

	private static void deleteQuietly(Path folder) {
		if (!Files.exists(folder)) {
			return;
		}
		try (var paths = Files.walk(folder)) {
			List<Path> all = new ArrayList<>(paths.toList());
			for (int i = all.size() - 1; i >= 0; i--) {
				Files.deleteIfExists(all.get(i));
			}
		}
		catch (IOException e) {
			// a leftover profile in /tmp harms nothing
		}
	}

}
