package io.intime.console.reply;

import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.identity.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The suggested reply to a client's email over REST. */
@RestController
class SuggestedReplyApi {

	private final SuggestedReplies replies;

	SuggestedReplyApi(SuggestedReplies replies) {
		this.replies = replies;
	}

	@GetMapping("/api/v1/activities/{id}/suggested-reply")
	Map<String, Object> suggest(@PathVariable long id, CurrentUser me) {
		SuggestedReplies.Suggestion suggestion = replies.suggest(id, me);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("activityId", id);
		json.put("accountId", suggestion.account().id());
		json.put("contactId", suggestion.contact() == null ? null : suggestion.contact().id());
		json.put("subject", suggestion.draft().subject());
		json.put("body", suggestion.draft().body());
		json.put("needs", suggestion.draft().needs());
		json.put("reasons", suggestion.draft().reasons());
		return json;
	}

}
