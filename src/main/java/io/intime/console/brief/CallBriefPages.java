package io.intime.console.brief;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The call brief page and its API (what the page shows, as JSON). */
@Controller
class CallBriefPages {

	private final CallBriefs briefs;

	CallBriefPages(CallBriefs briefs) {
		this.briefs = briefs;
	}

	@GetMapping("/accounts/{id}/call-brief")
	String brief(@PathVariable long id, @RequestParam(required = false) String topic, CurrentUser me, Model model) {
		model.addAttribute("brief", briefs.of(id, topic, me));
		return "console/call-brief";
	}

	@GetMapping("/api/v1/accounts/{id}/call-brief")
	@ResponseBody
	Map<String, Object> api(@PathVariable long id, @RequestParam(required = false) String topic, CurrentUser me) {
		CallBriefs.Brief brief = briefs.of(id, topic, me);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("accountId", brief.account().id());
		json.put("account", brief.account().name());
		json.put("topic", brief.topic());
		json.put("healthScore", brief.account().healthScore());
		json.put("keyContacts", brief.keyContacts().stream().map(c -> c.name()).toList());
		json.put("invoices", brief.invoices());
		json.put("openEscalations", brief.openEscalations());
		json.put("openJobs", brief.openJobs().size());
		json.put("talkingPoints", brief.talkingPoints());
		json.put("authority", Map.of("can", brief.authority().can(), "cannot", brief.authority().cannot()));
		return json;
	}

}
