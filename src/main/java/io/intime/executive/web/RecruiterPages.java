package io.intime.executive.web;

import java.math.BigDecimal;
import java.util.List;

import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountDetails;
import io.intime.executive.AccountAdvice;
import io.intime.executive.DedicatedRecruiters;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.web.FormErrors;
import io.intime.staffing.RecruiterAssignments;
import io.intime.staffing.RecruiterRanking;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Assign a dedicated recruiter (spec 01 step 4): the recruiters ranked for the account
 * with their reasons, the assignment's type, duration and terms. A recruiter who is not
 * available gets "Selected recruiter not available" and the next option is chosen.
 */
@Controller
class RecruiterPages {

	private final DedicatedRecruiters recruiters;

	private final AccountManagement accounts;

	RecruiterPages(DedicatedRecruiters recruiters, AccountManagement accounts) {
		this.recruiters = recruiters;
		this.accounts = accounts;
	}

	/**
	 * The recruiters the page lists unless asked for all: the best and the next options.
	 */
	static final int SHOWN = 10;

	@GetMapping("/executive/strategic-accounts/{id}/recruiter")
	String form(@PathVariable long id, @RequestParam(defaultValue = "false") boolean all, CurrentUser me, Model model) {
		if (!RecruiterAssignments.mayAssign(me)) {
			throw new AccessDeniedException("Only executives and sales directors assign dedicated recruiters");
		}
		AccountDetails account = accounts.get(id, me);
		List<RecruiterRanking.Ranked> ranked = recruiters.ranking(id, me);
		model.addAttribute("account", account);
		Object chosen = model.getAttribute("recruiterId");
		boolean chosenFurtherDown = chosen != null
				&& ranked.stream().skip(SHOWN).anyMatch(r -> chosen.equals(r.recruiter().id()));
		boolean everyone = all || chosenFurtherDown;
		model.addAttribute("ranked", everyone ? ranked : ranked.stream().limit(SHOWN).toList());
		model.addAttribute("moreCount", everyone ? 0 : Math.max(0, ranked.size() - SHOWN));
		model.addAttribute("best", ranked.isEmpty() ? null : ranked.get(0));
		if (!model.containsAttribute("recruiterId")) {
			model.addAttribute("recruiterId", ranked.isEmpty() ? null : ranked.get(0).recruiter().id());
			model.addAttribute("type", "DEDICATED");
			model.addAttribute("duration", "90");
			model.addAttribute("ttf", String.valueOf(AccountAdvice.TTF_ENHANCED_DAYS));
			model.addAttribute("daily", true);
			model.addAttribute("weekly", true);
			model.addAttribute("bonus", "5000");
			model.addAttribute("bonusTarget", "75");
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		model.addAttribute("types", RecruiterAssignments.TYPES);
		return "executive/recruiter";
	}

	@PostMapping("/executive/strategic-accounts/{id}/recruiter")
	String assign(@PathVariable long id, @RequestParam(required = false) Long recruiterId,
			@RequestParam(defaultValue = "DEDICATED") String type, @RequestParam(defaultValue = "90") String duration,
			@RequestParam(required = false) String ttf, @RequestParam(defaultValue = "false") boolean daily,
			@RequestParam(defaultValue = "false") boolean weekly, @RequestParam(required = false) String bonus,
			@RequestParam(required = false) String bonusTarget, CurrentUser me, Model model,
			RedirectAttributes redirect) {
		FormErrors errors = FormErrors.none();
		Integer days = number(duration, "durationDays", errors);
		Integer sla = number(ttf, "ttfSlaDays", errors);
		Integer target = number(bonusTarget, "bonusHealthTarget", errors);
		Money money = null;
		if (bonus != null && !bonus.isBlank()) {
			try {
				money = new Money(new BigDecimal(bonus.replace(",", "").replace("$", "").trim()), "USD");
			}
			catch (NumberFormatException e) {
				errors.add("bonus", "must be an amount, e.g. 5000");
			}
		}
		if (recruiterId == null) {
			errors.add("recruiterId", "choose a recruiter");
		}
		if (!errors.any()) {
			try {
				RecruiterAssignments.Assignment a = recruiters.assign(id, recruiterId, new RecruiterAssignments.Terms(
						type, days, sla, daily, weekly, money, money == null ? null : target), me);
				redirect.addFlashAttribute("toast", a.recruiterName() + " assigned to " + accounts.get(id, me).name()
						+ ". Assignment effective immediately.");
				return "redirect:/executive/strategic-accounts/" + id;
			}
			catch (InvalidInputException e) {
				errors.addAll(e.errors());
			}
		}
		model.addAttribute("errors", errors);
		Long next = recruiterId;
		if (errors.has("recruiterId") && recruiterId != null) {
			// the next option: the best available recruiter after the one refused
			next = recruiters.ranking(id, me)
				.stream()
				.filter(r -> r.available() && r.recruiter().id() != recruiterId)
				.map(r -> r.recruiter().id())
				.findFirst()
				.orElse(null);
			model.addAttribute("refusedId", recruiterId);
		}
		model.addAttribute("recruiterId", next);
		model.addAttribute("type", type);
		model.addAttribute("duration", duration);
		model.addAttribute("ttf", ttf);
		model.addAttribute("daily", daily);
		model.addAttribute("weekly", weekly);
		model.addAttribute("bonus", bonus);
		model.addAttribute("bonusTarget", bonusTarget);
		return form(id, false, me, model);
	}

	private static Integer number(String value, String field, FormErrors errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			errors.add(field, "must be a whole number");
			return null;
		}
	}

}
