package io.intime.workflows.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a File Request accepts: file extensions (lower case, without the dot) and the
 * largest size in bytes.
 *
 * @param allowedExtensions the accepted extensions, e.g. {@code pdf}, {@code xlsx}; never
 * empty
 * @param maxBytes the largest file, more than 0
 */
public record UploadRules(List<String> allowedExtensions, long maxBytes) {

	/** What a step that names no types accepts. */
	public static final List<String> DEFAULT_EXTENSIONS = List.of("pdf", "docx", "xlsx", "pptx", "csv", "txt", "png",
			"jpg", "jpeg");

	/**
	 * The largest file of a step that names no size: 20 MB (the installation's default,
	 * {@code intime.workflows.files.max-bytes}, is applied by
	 * {@link WorkflowFiles#rules(List, long)}).
	 */
	public static final long DEFAULT_MAX_BYTES = 20L * 1024 * 1024;

	public UploadRules {
		List<String> normalized = new ArrayList<>();
		for (String extension : allowedExtensions == null ? List.<String>of() : allowedExtensions) {
			String e = normalize(extension);
			if (!e.isEmpty() && !normalized.contains(e)) {
				normalized.add(e);
			}
		}
		if (normalized.isEmpty()) {
			throw new IllegalArgumentException("Upload rules need at least one file extension");
		}
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("Upload rules need a largest size above 0, not " + maxBytes);
		}
		allowedExtensions = List.copyOf(normalized);
	}

	/**
	 * A step's rules: its types ({@code ".PDF"} and {@code "pdf"} alike) and its largest
	 * size, each falling back to the defaults ({@link #DEFAULT_EXTENSIONS}, 20 MB) when
	 * the step gives none (null or empty) or 0.
	 */
	public static UploadRules of(List<String> allowedTypes, long maxBytes) {
		return of(allowedTypes, maxBytes, DEFAULT_MAX_BYTES);
	}

	static UploadRules of(List<String> allowedTypes, long maxBytes, long defaultMaxBytes) {
		boolean named = allowedTypes != null && allowedTypes.stream().anyMatch(t -> !normalize(t).isEmpty());
		return new UploadRules(named ? allowedTypes : DEFAULT_EXTENSIONS, maxBytes > 0 ? maxBytes : defaultMaxBytes);
	}

	/**
	 * Whether a file with this extension (any case, with or without the dot) is accepted.
	 */
	public boolean allows(String extension) {
		return allowedExtensions.contains(normalize(extension));
	}

	/** The accepted extensions as the HTML file input's {@code accept} attribute. */
	public String accept() {
		return String.join(",", allowedExtensions.stream().map(e -> "." + e).toList());
	}

	/** The largest size in words ("20 MB"). */
	public String maxSizeText() {
		return FileSizes.text(maxBytes);
	}

	static String normalize(String extension) {
		if (extension == null) {
			return "";
		}
		String e = extension.strip().toLowerCase(Locale.ROOT);
		while (e.startsWith(".")) {
			e = e.substring(1);
		}
		return e;
	}

}
