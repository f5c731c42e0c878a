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

	private final io.intime.revenue.RevenueKpis kpis;

	private final io.intime.identity.UserDirectory users;

	ConsolePages(AccountManagerConsole console, io.intime.revenue.RevenueKpis kpis,
			io.intime.identity.UserDirectory users) {
		this.console = console;
		this.kpis = kpis;
		this.users = users;
	}

	/**
	 * The console's NRR card: the revenue module's net revenue retention over the
	 * trailing twelve months of the reader's portfolio (a sales director's team), from
	 * the ARR movements. Fetched after the page, so the page's own statements stay few.
	 */
	@GetMapping("/console/nrr")
	String nrr(CurrentUser me, Model model) {
		io.intime.revenue.RevenueSegment segment = me.hasRole(io.intime.identity.Role.ACCOUNT_MANAGER)
				? io.intime.revenue.RevenueSegment.portfolioOf(me.id()) : !users.directReports(me.id()).isEmpty()
						? io.intime.revenue.RevenueSegment.teamOf(me.id()) : io.intime.revenue.RevenueSegment.company();
		java.time.LocalDate to = kpis.today();
		java.time.LocalDate from = java.time.YearMonth.from(to).minusMonths(11).atDay(1);
		model.addAttribute("nrr", kpis.report(segment, from, to, me));
		model.addAttribute("nrrLink",
				"/revenue/reports?from=" + from + "&to=" + to
						+ (segment.ownerId() != null ? "&ownerId=" + segment.ownerId() : "")
						+ (segment.teamOf() != null ? "&teamOf=" + segment.teamOf() : ""));
		return "console/nrr :: card";
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
