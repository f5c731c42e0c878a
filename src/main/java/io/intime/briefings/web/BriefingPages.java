package io.intime.briefings.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.intime.briefings.DailySummaries;
import io.intime.briefings.TeamSyncPrep;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.web.FormErrors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The weekly recruiting sync prep sheet (printable; its agreed actions become tasks) and
 * the end-of-day summary with its confirm-and-send.
 */
@Controller
class BriefingPages {

	private final TeamSyncPrep sync;

	private final DailySummaries summaries;

	BriefingPages(TeamSyncPrep sync, DailySummaries summaries) {
		this.sync = sync;
		this.summaries = summaries;
	}

	@GetMapping("/briefings/team-sync")
	String teamSync(@RequestParam(required = false) Long am, CurrentUser me, Model model) {
		model.addAttribute("sheet", sync.prepare(me, am));
		model.addAttribute("managers", me.hasRole(Role.ACCOUNT_MANAGER) ? List.of() : sync.managers(me));
		model.addAttribute("am", am);
		return "briefings/team-sync";
	}

	/**
	 * The actions ticked after the meeting: each row posts {@code account-N} and
	 * {@code title-N} (N: group-account-action); {@code agree} lists the ticked N.
	 */
	@PostMapping("/briefings/team-sync/tasks")
	String agree(@RequestParam(name = "agree", required = false) List<String> agreed,
			@RequestParam Map<String, String> form, @RequestParam(required = false) Long am, CurrentUser me,
			RedirectAttributes flash) {
		List<TeamSyncPrep.AgreedAction> actions = new ArrayList<>();
		for (String n : agreed == null ? List.<String>of() : agreed) {
			String account = form.get("account-" + n);
			String title = form.get("title-" + n);
			if (account == null || title == null || title.isBlank()) {
				continue;
			}
			try {
				actions.add(new TeamSyncPrep.AgreedAction(Long.parseLong(account), title.trim()));
			}
			catch (NumberFormatException e) {
				// a tampered row: leave it out, the others still become tasks
			}
		}
		String back = "redirect:/briefings/team-sync" + (am == null ? "" : "?am=" + am);
		if (actions.isEmpty()) {
			flash.addFlashAttribute("flashError", "Tick the actions agreed in the meeting to make them tasks.");
			return back;
		}
		try {
			int made = sync.agree(actions, me).size();
			flash.addFlashAttribute("toast", made + (made == 1 ? " task" : " tasks") + " created from the sync.");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError",
					"No task was created: " + e.errors()
						.stream()
						.map(error -> error.message())
						.collect(java.util.stream.Collectors.joining("; ")));
		}
		return back;
	}

	@GetMapping("/briefings/daily-summary")
	String dailySummary(CurrentUser me, Model model) {
		return summaryPage(me, model, null, FormErrors.none());
	}

	@PostMapping("/briefings/daily-summary")
	String send(@RequestParam(required = false) String note, CurrentUser me, Model model, RedirectAttributes flash) {
		try {
			DailySummaries.Sent sent = summaries.send(note, me);
			flash.addFlashAttribute("toast", "Daily summary sent to " + sent.toName() + ".");
			return "redirect:/briefings/daily-summary";
		}
		catch (InvalidInputException e) {
			return summaryPage(me, model, note, FormErrors.of(e.errors()));
		}
	}

	@GetMapping("/briefings/daily-summary/sent/{id}")
	String sent(@PathVariable long id, CurrentUser me, Model model) {
		model.addAttribute("sent",
				summaries.sent(id, me).orElseThrow(() -> new NotFoundException("Daily summary", id)));
		return "briefings/sent-summary";
	}

	private String summaryPage(CurrentUser me, Model model, String note, FormErrors errors) {
		DailySummaries.Summary summary = summaries.today(me);
		model.addAttribute("summary", summary);
		model.addAttribute("note", note);
		model.addAttribute("errors", errors);
		model.addAttribute("subject", summary.subject(me.fullName()));
		model.addAttribute("preview", summary.body(note));
		return "briefings/daily-summary";
	}

}
