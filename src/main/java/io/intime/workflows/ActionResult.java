package io.intime.workflows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an Automated step did.
 *
 * @param log one line or more for the run's timeline, e.g. "Health score 72 (Healthy)"
 * @param data values kept with the step for later steps (by key)
 * @param outcome when not null, the run's outcome in words (the last one written wins)
 * @param files documents it made (e.g. a PDF report), kept with the step like uploads
 */
public record ActionResult(List<String> log, Map<String, Object> data, String outcome, List<GeneratedFile> files) {

	public ActionResult {
		log = List.copyOf(log);
		data = data == null ? Map.of() : Map.copyOf(data);
		files = files == null ? List.of() : List.copyOf(files);
	}

	/** A document an action made. */
	public record GeneratedFile(String filename, String contentType, byte[] content) {
	}

	public static ActionResult of(String... lines) {
		return new ActionResult(List.of(lines), Map.of(), null, List.of());
	}

	public ActionResult with(String key, Object value) {
		Map<String, Object> copy = new LinkedHashMap<>(data);
		copy.put(key, value);
		return new ActionResult(log, copy, outcome, files);
	}

	public ActionResult withOutcome(String outcome) {
		return new ActionResult(log, data, outcome, files);
	}

	public ActionResult withFile(String filename, String contentType, byte[] content) {
		List<GeneratedFile> copy = new ArrayList<>(files);
		copy.add(new GeneratedFile(filename, contentType, content));
		return new ActionResult(log, data, outcome, copy);
	}

}
