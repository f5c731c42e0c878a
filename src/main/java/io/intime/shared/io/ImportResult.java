package io.intime.shared.io;

import java.util.List;

/**
 * The outcome of an import: either every row was created ({@code created} lists them, in
 * file order) or none was, and {@code preview} says why.
 */
public record ImportResult(ImportPreview preview, List<Created> created) {

	/** A record the import created, with the page that shows it. */
	public record Created(long id, String label, String link) implements java.io.Serializable {
	}

	public boolean succeeded() {
		return !created.isEmpty();
	}
}
