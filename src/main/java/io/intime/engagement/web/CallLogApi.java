package io.intime.engagement.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.engagement.CallLog;
import io.intime.engagement.CallLogging;
import io.intime.identity.CurrentUser;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Log call over REST: the activity and the tasks of its next actions in one request, all
 * or none (201 with both; 422 naming the fields).
 */
@RestController
class CallLogApi {

	private final CallLogging logging;

	CallLogApi(CallLogging logging) {
		this.logging = logging;
	}

	@PostMapping("/api/v1/accounts/{id}/call-logs")
	ResponseEntity<Map<String, Object>> log(@PathVariable long id, @RequestBody CallLog body, CurrentUser me) {
		CallLog log = new CallLog(id, body.kind(), body.callType(), body.contactId(), body.topic(), body.notes(),
				body.durationMinutes(), body.outcome(), body.sentiment(), body.tags(), body.nextActions());
		CallLogging.Logged logged = logging.log(log, me);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("activity", logged.activity());
		json.put("tasks", logged.tasks());
		return ResponseEntity.created(URI.create("/api/v1/activities/" + logged.activity().id())).body(json);
	}

}
