package io.intime.escalations.web;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.intime.escalations.Severity;
import io.intime.escalations.SlaPolicies;
import io.intime.escalations.SlaPolicy;
import io.intime.escalations.SlaPolicyForm;
import io.intime.identity.CurrentUser;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The organization's escalation SLA policy over REST: read every version, put a new one
 * in force (admins).
 */
@RestController
@RequestMapping("/api/v1/sla-policy")
@Tag(name = "SLA policy", description = "Escalation response and resolution targets per severity, in versions")
class SlaPolicyApi {

	/**
	 * What a client sends: targets in minutes per severity, business hours, warning
	 * share.
	 */
	record PolicyRequest(Map<Severity, SlaPolicyForm.Row> targets, String zone, LocalTime dayStart, LocalTime dayEnd,
			Set<DayOfWeek> workingDays, Integer warnPercent, String note) {
	}

	/** The version in force and every version, newest first. */
	record PolicyResponse(SlaPolicy current, List<SlaPolicy> versions) {
	}

	private final SlaPolicies policies;

	private final JsonForms forms;

	SlaPolicyApi(SlaPolicies policies, JsonForms forms) {
		this.policies = policies;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "Read the SLA policy", description = "The version in force and every version.")
	PolicyResponse get() {
		List<SlaPolicy> versions = new java.util.ArrayList<>(policies.versions());
		java.util.Collections.reverse(versions);
		return new PolicyResponse(policies.current(), versions);
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Put a new SLA policy in force",
			description = "Admins. Body: policyId (the version you read; a newer one is a 409), targets "
					+ "{\"P0\": {\"responseMinutes\": 60, \"resolutionMinutes\": 240, \"businessHours\": false}, …}, "
					+ "zone, dayStart, dayEnd, workingDays, warnPercent, note. Escalations raised before keep their version.")
	SlaPolicy put(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long expected = forms.take(json, "policyId");
		PolicyRequest r = forms.create(json, PolicyRequest.class, Map.of());
		SlaPolicy current = policies.current();
		Map<Severity, SlaPolicyForm.Row> rows = new EnumMap<>(Severity.class);
		for (Severity s : Severity.values()) {
			SlaPolicyForm.Row row = r.targets() == null ? null : r.targets().get(s);
			rows.put(s, row != null ? row : new SlaPolicyForm.Row((int) current.target(s).response().toMinutes(),
					(int) current.target(s).resolution().toMinutes(), current.target(s).businessHours()));
		}
		SlaPolicyForm form = new SlaPolicyForm(rows, r.zone() != null ? r.zone() : current.zone().getId(),
				r.dayStart() != null ? r.dayStart() : current.dayStart(),
				r.dayEnd() != null ? r.dayEnd() : current.dayEnd(),
				r.workingDays() != null ? r.workingDays() : current.workingDays(),
				r.warnPercent() != null ? r.warnPercent() : current.warnPercent(), r.note());
		return policies.change(form, expected, user);
	}

}
