package io.intime.revenue.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.revenue.ExpansionBoard;
import io.intime.revenue.ExpansionPipeline;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.OpportunityStage;
import io.intime.revenue.OpportunityView;
import io.intime.revenue.Proposals;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.NavigationItem;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The expansion pipeline board (spec 02 step 11): every opportunity the reader may see by
 * stage, moved by drag and drop or Move forward; the opportunity's page with its notes
 * and stage history; the quarterly goals behind the coverage.
 */
@Controller
class PipelinePages {

	private final ExpansionPipeline pipeline;

	private final OpportunityManagement opportunities;

	private final Proposals proposals;

	private final io.intime.shared.Today time;

	PipelinePages(ExpansionPipeline pipeline, OpportunityManagement opportunities, Proposals proposals,
			io.intime.shared.Today time) {
		this.time = time;
		this.pipeline = pipeline;
		this.opportunities = opportunities;
		this.proposals = proposals;
	}

	@Bean
	static NavigationItem pipelineNavigation() {
		return new NavigationItem("Pipeline", "/opportunities/board", "arrow-up", 11,
				Set.of(Role.ACCOUNT_MANAGER.name(), Role.SALES_DIRECTOR.name(), Role.EXECUTIVE.name(),
						Role.ADMIN.name(), Role.FINANCE.name()));
	}

	@GetMapping("/opportunities/board")
	String board(@RequestParam(defaultValue = "false") boolean all, CurrentUser me, Model model) {
		ExpansionBoard board = pipeline.board(all, me);
		model.addAttribute("board", board);
		model.addAttribute("all", all);
		model.addAttribute("stages", List.of(OpportunityStage.values()));
		return "revenue/board";
	}

	/**
	 * A card moved (the button, or a drop on another column): the stage, the version the
	 * board showed, and the reason for LOST. A refusal shows the board again with the
	 * message: 409 for a stale version, 422 for a missing reason.
	 */
	@PostMapping("/opportunities/{id}/move")
	String move(@PathVariable long id, @RequestParam OpportunityStage stage, @RequestParam long version,
			@RequestParam(required = false) String lostReason, @RequestParam(defaultValue = "false") boolean all,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		OpportunityView opportunity = opportunities.get(id, me);
		try {
			OpportunityView moved = opportunities.moveTo(id, stage, lostReason, version, me);
			flash.addFlashAttribute("toast",
					moved.accountName() + " – " + moved.title() + ": moved to " + moved.stage().label()
							+ (moved.stage() == OpportunityStage.WON
									? "; the expansion was added to the account's contract" : ""));
			return "redirect:/opportunities/board" + (all ? "?all=true" : "") + "#card-" + id;
		}
		catch (StaleVersionException e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("flashError",
					"Someone else changed " + opportunity.accountName() + " – " + opportunity.title()
							+ " while you were looking at the board; it was not moved. "
							+ "The board below shows where it stands now.");
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			FieldError first = e.errors().isEmpty() ? null : e.errors().get(0);
			model.addAttribute("flashError",
					opportunity.accountName() + " – " + opportunity.title() + " was not moved: " + (first == null
							? e.getMessage()
							: ("lostReason".equals(first.field()) ? "" : first.field() + " ") + first.message()));
		}
		return board(all, me, model);
	}

	@GetMapping("/opportunities/{id}")
	String show(@PathVariable long id, CurrentUser me, Model model) {
		OpportunityView opportunity = opportunities.get(id, me);
		model.addAttribute("opportunity", opportunity);
		model.addAttribute("history", opportunities.stageHistory(id, me));
		model.addAttribute("notes", opportunities.notes(id, me));
		model.addAttribute("canEdit", opportunities.canEdit(id, me));
		model.addAttribute("proposal", proposals.ofOpportunity(id, me).orElse(null));
		model.addAttribute("today", time.organizationToday());
		return "revenue/opportunity";
	}

	@PostMapping("/opportunities/{id}/notes")
	String addNote(@PathVariable long id, @RequestParam(required = false) String body, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		try {
			opportunities.addNote(id, body, me);
			flash.addFlashAttribute("toast", "Note added");
			return "redirect:/opportunities/" + id + "#notes";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			model.addAttribute("noteError", e.errors().get(0).message());
			model.addAttribute("noteBody", body);
			return show(id, me, model);
		}
	}

	@PostMapping("/opportunities/goals")
	String setGoal(@RequestParam long ownerId, @RequestParam String quarter,
			@RequestParam(required = false) String amount, @RequestParam(required = false) Long version, CurrentUser me,
			RedirectAttributes flash) {
		try {
			BigDecimal value;
			try {
				value = amount == null || amount.isBlank() ? null
						: new BigDecimal(amount.replace(",", "").replace("$", "").trim());
			}
			catch (NumberFormatException e) {
				throw new InvalidInputException("amount", "must be an amount in USD such as 50000");
			}
			pipeline.setGoal(ownerId, quarter, value, version, me);
			flash.addFlashAttribute("toast", "Saved the " + quarter + " expansion goal");
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError",
					"The goal was not saved: " + e.errors().get(0).field() + " " + e.errors().get(0).message());
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError",
					"Someone else set this goal meanwhile; the board shows theirs. Nothing was saved.");
		}
		return "redirect:/opportunities/board#coverage";
	}

}
