package io.intime.renewals.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.renewals.RenewalCalibration;
import io.intime.renewals.RenewalOutcome;
import io.intime.renewals.RenewalPipeline;
import io.intime.renewals.RenewalStage;
import io.intime.renewals.RenewalView;
import io.intime.renewals.Renewals;
import io.intime.revenue.ChurnCategory;
import io.intime.shared.InvalidInputException;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renewals over REST: the pipeline, a renewal, opening, planning, overriding, closing.
 */
@RestController
@Tag(name = "Renewals", description = "The renewal pipeline, renewal probabilities and outcomes (spec 01 step 5)")
class RenewalApi {

	record InitiateRequest(Long contractId) {
	}

	record ChangeRequest(RenewalStage stage, String proposedTerms, BigDecimal proposedArr, Integer probabilityOverride,
			String overrideReason, Long version) {
	}

	record OutcomeRequest(RenewalOutcome outcome, BigDecimal newArr, ChurnCategory churnCategory, String note,
			Long version) {
	}

	private final RenewalPipeline pipeline;

	private final Renewals renewals;

	private final RenewalCalibration calibration;

	private final RenewalPages pages;

	private final JsonForms forms;

	RenewalApi(RenewalPipeline pipeline, Renewals renewals, RenewalCalibration calibration, RenewalPages pages,
			JsonForms forms) {
		this.pipeline = pipeline;
		this.renewals = renewals;
		this.calibration = calibration;
		this.pages = pages;
		this.forms = forms;
	}

	@GetMapping("/api/v1/renewals/pipeline")
	@Operation(summary = "The renewal pipeline",
			description = "Contracts ending in the next `window` days (default 90, at most 180) of the accounts you may see "
					+ "(a sales director: their team's), with probability, factors, health, action and reason.")
	RenewalPipeline.View pipeline(@RequestParam(defaultValue = "90") int window, CurrentUser user) {
		return pipeline.of(user, window, pages.ground(user));
	}

	@GetMapping("/api/v1/renewals/{id}")
	@Operation(summary = "One renewal")
	RenewalView get(@PathVariable long id, CurrentUser user) {
		return renewals.get(id, user);
	}

	@PostMapping(path = "/api/v1/renewals", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Initiate renewal", description = "Body: contractId (an ACTIVE contract). Records "
			+ "contract.renewal.initiated and the owner's tasks; opening it again returns the renewal opened.")
	ResponseEntity<RenewalView> initiate(@RequestBody(required = false) byte[] body, CurrentUser user) {
		InitiateRequest r = forms.create(forms.object(body), InitiateRequest.class, Map.of());
		if (r.contractId() == null) {
			throw new InvalidInputException("contractId", "Give the contract to renew");
		}
		RenewalView view = renewals.initiate(r.contractId(), user);
		return ResponseEntity.created(URI.create("/api/v1/renewals/" + view.id())).body(view);
	}

	@PatchMapping(path = "/api/v1/renewals/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Plan a renewal or override its probability",
			description = "Body: version and stage (OPEN, PROPOSAL, NEGOTIATION), proposedTerms, proposedArr; or "
					+ "probabilityOverride (0-100, null clears) with overrideReason.")
	RenewalView change(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		var object = forms.object(body);
		ChangeRequest r = forms.create(object, ChangeRequest.class, Map.of());
		if (r.version() == null) {
			throw new InvalidInputException("version", "Give the version you read");
		}
		RenewalView view = renewals.get(id, user);
		long version = r.version();
		if (object.has("probabilityOverride")) {
			view = renewals.override(id, r.probabilityOverride(), r.overrideReason(), version, user);
			version = view.version();
		}
		if (r.stage() != null || object.has("proposedTerms") || object.has("proposedArr")) {
			view = renewals.plan(id, r.stage() != null ? r.stage() : view.stage(),
					object.has("proposedTerms") ? r.proposedTerms() : view.proposedTerms(), object.has("proposedArr")
							? r.proposedArr() : view.proposedArr() == null ? null : view.proposedArr().amount(),
					version, user);
		}
		return view;
	}

	@PostMapping(path = "/api/v1/renewals/{id}/outcome", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Record the outcome", description = "Body: outcome (RENEWED, RENEWED_WITH_CHANGE, "
			+ "DOWNGRADED, CHURNED), newArr (with change, downgraded), churnCategory (churned), note, version.")
	RenewalView close(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		OutcomeRequest r = forms.create(forms.object(body), OutcomeRequest.class, Map.of());
		if (r.version() == null) {
			throw new InvalidInputException("version", "Give the version you read");
		}
		return renewals.close(id, r.outcome(), r.newArr(), r.churnCategory(), r.note(), r.version(), user);
	}

	record Fitted(int trainedOn, long millis, String model) {
	}

	@PostMapping("/api/v1/renewals/model/fit")
	@Operation(summary = "Refit the renewal model now (admins)",
			description = "Fits the logistic regression on every closed renewal; answers how many and how long it took.")
	Fitted fit(CurrentUser user) {
		if (!user.hasRole(io.intime.identity.Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException("Admins refit the renewal model");
		}
		long started = System.nanoTime();
		int trainedOn = renewals.refit(true);
		return new Fitted(trainedOn, (System.nanoTime() - started) / 1_000_000, renewals.model().name());
	}

	@GetMapping("/api/v1/renewals/calibration")
	@Operation(summary = "Forecast accuracy",
			description = "Per horizon (90/60/30 days): Brier scores, and explicit against fitted model by decile.")
	RenewalCalibration.Report calibration(CurrentUser user) {
		return calibration.report(user);
	}

}
