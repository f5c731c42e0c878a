package io.intime.console.reply;

import io.intime.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The suggested reply to a client's email: the message, the draft with the rules that
 * made it, editable, and sent through the account's email form (logged in the thread).
 */
@Controller
class SuggestedReplyPages {

	private final SuggestedReplies replies;

	SuggestedReplyPages(SuggestedReplies replies) {
		this.replies = replies;
	}

	@GetMapping("/activities/{id}/reply")
	String reply(@PathVariable long id, CurrentUser me, Model model) {
		model.addAttribute("suggestion", replies.suggest(id, me));
		return "console/reply";
	}

}
