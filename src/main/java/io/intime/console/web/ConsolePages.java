package io.intime.console.web;

import io.intime.console.AccountManagerConsole;
import io.intime.identity.CurrentUser;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The start page: the console for account managers and sales directors (spec 02 step 1),
 * the strategic accounts portfolio for executives, the accounts list for everyone else.
 * The console's changing parts are fetched again every 30 seconds and as soon as a task
 * changes, so a new score, alert or task shows without a reload.
 */
@Controller
class ConsolePages {

	private final AccountManagerConsole console;

	ConsolePages(AccountManagerConsole console) {
		this.console = console;
	}

	@GetMapping("/")
	String home(CurrentUser me, Model model) {
		if (me.hasRole(io.intime.identity.Role.EXECUTIVE)) {
			// The executive's home is the strategic accounts portfolio (spec 01).
			return "redirect:/executive/strategic-accounts";
		}
		if (!AccountManagerConsole.hasConsole(me)) {
			return "redirect:/accounts";
		}
		model.addAttribute("console", console.of(me));
		return "console/home";
	}

	/** The console's body alone, for the live refresh. */
	@GetMapping("/console/live")
	String live(CurrentUser me, Model model) {
		model.addAttribute("console", console.of(me));
		return "console/home :: live";
	}

}
