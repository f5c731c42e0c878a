package io.intime.briefings.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.briefings.DailySummaries;
import io.intime.briefings.TeamSyncPrep;
import io.intime.identity.CurrentUser;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.tasks.TaskView;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The team sync prep sheet and the daily summary over REST. */
@RestController
@RequestMapping("/api/v1/briefings")
class BriefingApi {

	private final TeamSyncPrep sync;

	private final DailySummaries summaries;

	BriefingApi(TeamSyncPrep sync, DailySummaries summaries) {
		this.sync = sync;
		this.summaries = summaries;
	}

	@GetMapping("/team-sync")
	TeamSyncPrep.Sheet teamSync(@RequestParam(required = false) Long am, CurrentUser me) {
		return sync.prepare(me, am);
	}

	record AgreedActions(List<TeamSyncPrep.AgreedAction> actions) {
	}

	/** Makes the agreed actions tasks of the caller: 201 with the tasks. */
	@PostMapping("/team-sync/tasks")
	@ResponseStatus(HttpStatus.CREATED)
	List<TaskView> agree(@RequestBody AgreedActions body, CurrentUser me) {
		if (body.actions() == null || body.actions().isEmpty()) {
			throw new InvalidInputException(List.of(new FieldError("actions", "must list at least one action")));
		}
		return sync.agree(body.actions(), me);
	}

	@GetMapping("/daily-summary")
	Map<String, Object> dailySummary(CurrentUser me) {
		DailySummaries.Summary summary = summaries.today(me);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("day", summary.day());
		json.put("accountsEngaged", summary.accountsEngaged());
		json.put("activities", summary.activities().byType());
		json.put("escalationsResolved", summary.resolved());
		json.put("tasksDone", summary.tasksDone());
		json.put("pipelineMoved", summary.pipeline());
		json.put("risks", summary.risks());
		json.put("tomorrow", summary.tomorrow());
		json.put("manager", summary.manager().map(m -> m.fullName()).orElse(null));
		json.put("subject", summary.subject(me.fullName()));
		json.put("body", summary.body(null));
		json.put("lastSent", summary.lastSent().orElse(null));
		return json;
	}

	record SendRequest(String note) {
	}

	/** Sends today's summary to the caller's manager: 201 with what was sent. */
	@PostMapping("/daily-summary")
	@ResponseStatus(HttpStatus.CREATED)
	DailySummaries.Sent send(@RequestBody(required = false) SendRequest body, CurrentUser me) {
		return summaries.send(body == null ? null : body.note(), me);
	}

}
