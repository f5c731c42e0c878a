package io.intime.workflows;

import java.util.List;
import java.util.Map;

/**
 * What an Automated step did.
 *
 * @param log one line or more for the run's timeline, e.g. "Health score 72 (Healthy)"
 * @param data values kept with the step for later steps (by key)
 * @param outcome when not null, the run's outcome in words (the last one written wins)
 */
public record ActionResult(List<String> log, Map<String, Object> data, String outcome) {

	public ActionResult {
		log = List.copyOf(log);
		data = data == null ? Map.of() : Map.copyOf(data);
	}

	public static ActionResult of(String... lines) {
		return new ActionResult(List.of(lines), Map.of(), null);
	}

	public ActionResult with(String key, Object value) {
		var copy = new java.util.LinkedHashMap<>(data);
		copy.put(key, value);
		return new ActionResult(log, copy, outcome);
	}

	public ActionResult withOutcome(String outcome) {
		return new ActionResult(log, data, outcome);
	}

}
