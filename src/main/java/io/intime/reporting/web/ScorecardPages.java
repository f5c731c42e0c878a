package io.intime.reporting.web;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.reporting.Scorecard;
import io.intime.reporting.Scorecards;
import io.intime.shared.Today;
import io.intime.shared.web.NavigationItem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The monthly scorecard page (an account manager's own; a director's choice of their
 * account managers) with twelve months of history, the team comparison, and both over
 * REST.
 */
@Controller
@Tag(name = "Scorecards", description = "Spec 03's monthly account manager scorecard")
class ScorecardPages {

	private final Scorecards scorecards;

	private final UserDirectory users;

	private final Today time;

	ScorecardPages(Scorecards scorecards, UserDirectory users, Today time) {
		this.scorecards = scorecards;
		this.users = users;
		this.time = time;
	}

	@Bean
	static NavigationItem scorecardNavigationItem() {
		return new NavigationItem("Scorecard", "/scorecard", "star", 23, Set.of(Role.ACCOUNT_MANAGER.name(),
				Role.SALES_DIRECTOR.name(), Role.EXECUTIVE.name(), Role.ADMIN.name()));
	}

	@GetMapping("/scorecard")
	String scorecard(@RequestParam(required = false) Long ownerId, @RequestParam(required = false) YearMonth month,
			CurrentUser me, Model model) {
		YearMonth chosen = month != null ? month : YearMonth.from(time.organizationToday());
		if (ownerId == null && !me.hasRole(Role.ACCOUNT_MANAGER)) {
			return "redirect:/scorecard/team?month=" + chosen;
		}
		List<Scorecard> history = scorecards.history(ownerId != null ? ownerId : me.id(), chosen, me);
		model.addAttribute("card", history.get(history.size() - 1));
		model.addAttribute("history", history);
		model.addAttribute("month", chosen);
		model.addAttribute("months", months());
		model.addAttribute("canCompare", me.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN));
		return "reporting/scorecard";
	}

	@GetMapping("/scorecard/team")
	String team(@RequestParam(required = false) YearMonth month, CurrentUser me, Model model) {
		YearMonth chosen = month != null ? month : YearMonth.from(time.organizationToday());
		model.addAttribute("cards", scorecards.team(chosen, me));
		model.addAttribute("month", chosen);
		model.addAttribute("months", months());
		return "reporting/team";
	}

	@GetMapping("/api/v1/scorecards")
	@ResponseBody
	@Operation(summary = "An account manager's scorecards",
			description = "Twelve months ending with `month` (default: this month), oldest first. Account managers: "
					+ "their own (ownerId defaults to you); directors, executives, admins: anyone's.")
	List<Scorecard> history(@RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) YearMonth month, CurrentUser me) {
		return scorecards.history(ownerId != null ? ownerId : me.id(),
				month != null ? month : YearMonth.from(time.organizationToday()), me);
	}

	@GetMapping("/api/v1/scorecards/team")
	@ResponseBody
	@Operation(summary = "A director's account managers compared",
			description = "Each account manager's scorecard of the month, best first.")
	List<Scorecard> teamApi(@RequestParam(required = false) YearMonth month, CurrentUser me) {
		return scorecards.team(month != null ? month : YearMonth.from(time.organizationToday()), me);
	}

	private List<YearMonth> months() {
		YearMonth now = YearMonth.from(time.organizationToday());
		return java.util.stream.IntStream.range(0, 12).mapToObj(now::minusMonths).toList();
	}

}
