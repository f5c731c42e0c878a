package io.intime.health.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.intime.health.HealthReport;
import io.intime.health.HealthScores;
import io.intime.health.model.HealthModel;
import io.intime.health.model.HealthModelForm;
import io.intime.health.model.HealthModels;
import io.intime.identity.CurrentUser;
import io.intime.shared.NotFoundException;
import io.intime.shared.Today;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Account health (current and history) and the health model (admins change it; every
 * change is a version).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Health")
class HealthApi {

	private final HealthScores scores;

	private final HealthModels models;

	private final JsonForms forms;

	private final Today time;

	HealthApi(HealthScores scores, HealthModels models, JsonForms forms, Today time) {
		this.scores = scores;
		this.models = models;
		this.forms = forms;
		this.time = time;
	}

	@GetMapping("/accounts/{id}/health")
	@Operation(summary = "An account's current health", description = "Score, band, the model version, and per "
			+ "component its points, maximum, percentage, measured inputs and explanation (or, when its input is "
			+ "missing, the rule); and the moves that would raise the score. 404 until the account is first scored.")
	HealthReport current(@PathVariable long id, CurrentUser user) {
		HealthReport report = scores.current(id, user);
		if (report == null) {
			throw new NotFoundException("Health score of account", id);
		}
		return report;
	}

	/** The history between two days. */
	record History(long accountId, LocalDate from, LocalDate to, List<HealthReport.Point> items) {
	}

	@GetMapping("/accounts/{id}/health/history")
	@Operation(summary = "An account's health history", description = "Every computation between from and to "
			+ "(ISO dates, inclusive; default the last 12 months), oldest first, with the model version it used.")
	History history(@PathVariable long id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			CurrentUser user) {
		LocalDate end = to != null ? to : time.organizationToday();
		LocalDate start = from != null ? from : end.minusMonths(12);
		return new History(id, start, end, scores.history(id, start, end, user));
	}

	@PostMapping("/accounts/{id}/health/recompute")
	@Operation(summary = "Recompute an account's health now")
	HealthReport recompute(@PathVariable long id, CurrentUser user) {
		return scores.recompute(id, user);
	}

	@PostMapping("/health/recompute")
	@Operation(summary = "Recompute every account's health now (admins)", description = "What the nightly run does; "
			+ "answers with the number of accounts, the time taken and the rate.")
	HealthScores.Recomputed recomputeAll(CurrentUser user) {
		return scores.recomputeAll(user);
	}

	@GetMapping("/health-model")
	@Operation(summary = "The current health model")
	HealthModel model() {
		return models.current();
	}

	@GetMapping("/health-model/versions")
	@Operation(summary = "Every version of the health model, newest first")
	List<HealthModel> versions() {
		return models.versions();
	}

	@GetMapping("/health-model/versions/{version}")
	@Operation(summary = "One version of the health model")
	HealthModel version(@PathVariable int version) {
		return models.get(version);
	}

	@PutMapping("/health-model")
	@Operation(summary = "Change the health model (admins)", description = "Body: basedOnVersion (the version you "
			+ "edited; 409 when someone saved another meanwhile), an optional note, and the whole model: name, "
			+ "greenFrom, yellowFrom, components (key, label, measure, maximum, windowDays, bands of points, label, "
			+ "min, max, min2, max2). Saved as a new version; scores are recomputed with it.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "The model (its limits are "
					+ "stated here) plus basedOnVersion and an optional note (at most 500 characters)",
			content = @Content(schema = @Schema(implementation = HealthModelForm.class)))
	HealthModel change(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long basedOn = forms.take(json, "basedOnVersion");
		var note = json.remove("note");
		HealthModelForm form = forms.create(json, HealthModelForm.class, Map.of());
		return models.save(form.toDraft(), (int) basedOn, note == null || note.isNull() ? null : note.asString(), user);
	}

	@org.springframework.web.bind.annotation.PostMapping("/health-model/presets/{preset}")
	@Operation(summary = "Switch the health model to a preset (admins)",
			description = "standard (spec 03 Appendix C, the default) or spec01 (spec 01's five components: engagement, "
					+ "satisfaction, usage, financial, outcomes). Body: basedOnVersion. Saved as a new version.")
	HealthModel preset(@PathVariable String preset, @RequestBody(required = false) byte[] body, CurrentUser user) {
		io.intime.health.model.HealthModelPresets chosen = io.intime.health.model.HealthModelPresets.named(preset);
		if (chosen == null) {
			throw new io.intime.shared.NotFoundException("Health model preset", preset);
		}
		long basedOn = forms.take(forms.object(body), "basedOnVersion");
		return models.save(chosen.model(), (int) basedOn, "Preset: " + chosen.label(), user);
	}

}
