package io.intime.revenue.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.revenue.OpportunityManagement;
import io.intime.revenue.ProposalAuthority;
import io.intime.revenue.ProposalForm;
import io.intime.revenue.ProposalSection;
import io.intime.revenue.ProposalStatus;
import io.intime.revenue.ProposalView;
import io.intime.revenue.Proposals;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The proposal generator (spec 02 step 15): draft from an opportunity, edit the sections
 * and rate lines, save as versions, compare two versions, request a review, approve or
 * return it, send it as a PDF and download that PDF.
 */
@Controller
class ProposalPages {

	private final Proposals proposals;

	private final OpportunityManagement opportunities;

	ProposalPages(Proposals proposals, OpportunityManagement opportunities) {
		this.proposals = proposals;
		this.opportunities = opportunities;
	}

	@PostMapping("/opportunities/{id}/proposal")
	String draft(@PathVariable long id, CurrentUser me, RedirectAttributes flash) {
		ProposalView proposal = proposals.draft(id, me);
		flash.addFlashAttribute("toast", "Drafted from the account's contract, rate card and team: review and save");
		return "redirect:/proposals/" + proposal.id();
	}

	@GetMapping("/proposals/{id}")
	String show(@PathVariable long id, CurrentUser me, Model model) {
		ProposalView proposal = proposals.get(id, me);
		return page(proposal, ProposalDraft.of(proposal.content()), FormErrors.none(), model, me);
	}

	@PostMapping("/proposals/{id}")
	String save(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		Map<ProposalSection, String> sections = new EnumMap<>(ProposalSection.class);
		for (ProposalSection s : ProposalSection.values()) {
			sections.put(s, value(params, "section_" + s.name()));
		}
		List<String> roles = params.getOrDefault("rateRole", List.of());
		List<String> values = params.getOrDefault("rateValue", List.of());
		List<String[]> typed = new ArrayList<>();
		for (int i = 0; i < roles.size(); i++) {
			String role = roles.get(i) == null ? "" : roles.get(i).trim();
			String rate = i < values.size() && values.get(i) != null ? values.get(i).trim() : "";
			if (!role.isEmpty() || !rate.isEmpty()) {
				typed.add(new String[] { role, rate });
			}
		}
		ProposalDraft draft = new ProposalDraft(value(params, "title"), sections, typed,
				value(params, "discountPercent"), value(params, "lowRoles"), value(params, "lowMonths"),
				value(params, "highRoles"), value(params, "highMonths"), value(params, "hoursPerMonth"));
		long version = Long.parseLong(value(params, "version").isEmpty() ? "-1" : value(params, "version"));
		List<FieldError> errors = new ArrayList<>();
		List<ProposalForm.Rate> rates = new ArrayList<>();
		for (int i = 0; i < typed.size(); i++) {
			rates
				.add(new ProposalForm.Rate(typed.get(i)[0], decimal(typed.get(i)[1], "rates[" + i + "].rate", errors)));
		}
		ProposalForm form = new ProposalForm(draft.title(), sections, rates,
				decimal(draft.discountPercent(), "discountPercent", errors),
				integer(draft.lowRoles(), "lowRoles", errors), integer(draft.lowMonths(), "lowMonths", errors),
				integer(draft.highRoles(), "highRoles", errors), integer(draft.highMonths(), "highMonths", errors),
				integer(draft.hoursPerMonth(), "hoursPerMonth", errors));
		try {
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			ProposalView saved = proposals.save(id, form, version, me);
			flash.addFlashAttribute("toast", "Saved as version " + saved.currentVersion());
			return "redirect:/proposals/" + id;
		}
		catch (StaleVersionException e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("flashError", "Someone else saved this proposal while you were editing; your text is "
					+ "kept below. Compare with their version, then save again to make yours the next version.");
			return page(proposals.get(id, me), draft, FormErrors.none(), model, me);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return page(proposals.get(id, me), draft, FormErrors.none().addAll(e.errors()), model, me);
		}
	}

	@PostMapping("/proposals/{id}/review")
	String requestReview(@PathVariable long id, @RequestParam long version, CurrentUser me, RedirectAttributes flash) {
		return decide(id, flash, () -> {
			ProposalView p = proposals.requestReview(id, version, me);
			return "Sent to " + p.reviewerName() + " for review; they have a task and a notification";
		});
	}

	@PostMapping("/proposals/{id}/approve")
	String approve(@PathVariable long id, @RequestParam long version, CurrentUser me, RedirectAttributes flash) {
		return decide(id, flash, () -> {
			ProposalView p = proposals.approve(id, version, me);
			return "Approved version " + p.approvedVersion() + "; the account manager was notified";
		});
	}

	@PostMapping("/proposals/{id}/return")
	String returnToAuthor(@PathVariable long id, @RequestParam long version,
			@RequestParam(required = false) String comment, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		try {
			proposals.returnToAuthor(id, comment, version, me);
			flash.addFlashAttribute("toast", "Returned with your comments; the account manager was notified");
			return "redirect:/proposals/" + id;
		}
		catch (InvalidInputException e) {
			if (!"comment".equals(e.errors().get(0).field())) {
				flash.addFlashAttribute("flashError", e.errors().get(0).message());
				return "redirect:/proposals/" + id;
			}
			response.setStatus(422);
			model.addAttribute("commentError", e.errors().get(0).message());
			ProposalView proposal = proposals.get(id, me);
			return page(proposal, ProposalDraft.of(proposal.content()), FormErrors.none(), model, me);
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError", "The proposal changed meanwhile; nothing was returned. Look again.");
			return "redirect:/proposals/" + id;
		}
	}

	@PostMapping("/proposals/{id}/send")
	String send(@PathVariable long id, @RequestParam long version, CurrentUser me, RedirectAttributes flash) {
		return decide(id, flash, () -> {
			ProposalView p = proposals.send(id, version, me);
			return "Sent version " + p.sentVersion() + " as a PDF; the opportunity is at Proposal or later";
		});
	}

	@GetMapping("/proposals/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, CurrentUser me) {
		byte[] pdf = proposals.pdf(id, me);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(proposals.pdfName(id, me), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(pdf);
	}

	@GetMapping("/proposals/{id}/diff")
	String diff(@PathVariable long id, @RequestParam int from, @RequestParam int to, CurrentUser me, Model model) {
		ProposalView proposal = proposals.get(id, me);
		model.addAttribute("proposal", proposal);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("parts", proposals.diff(id, from, to, me));
		return "revenue/proposal-diff";
	}

	private String decide(long id, RedirectAttributes flash, java.util.function.Supplier<String> action) {
		try {
			flash.addFlashAttribute("toast", action.get());
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().get(0).message());
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError",
					"Someone else changed the proposal meanwhile; nothing was done. The page shows it as it is now.");
		}
		return "redirect:/proposals/" + id;
	}

	private String page(ProposalView proposal, ProposalDraft draft, FormErrors errors, Model model, CurrentUser me) {
		boolean canEdit = opportunities.canEdit(proposal.opportunityId(), me);
		model.addAttribute("proposal", proposal);
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		model.addAttribute("sections", List.of(ProposalSection.values()));
		model.addAttribute("canEdit", canEdit && proposal.status() != ProposalStatus.IN_REVIEW);
		model.addAttribute("canRequest",
				canEdit && (proposal.status() == ProposalStatus.DRAFT || proposal.status() == ProposalStatus.RETURNED));
		model.addAttribute("canDecide",
				proposal.status() == ProposalStatus.IN_REVIEW
						&& me.hasRole(Role.SALES_DIRECTOR, Role.EXECUTIVE, Role.ADMIN)
						&& ProposalAuthority.mayApprove(me, proposal.needsDirector()));
		model.addAttribute("canSend", canEdit && proposal.sendable());
		model.addAttribute("rateRows", Math.max(draft.rates().size() + 2, 4));
		model.addAttribute("authority", proposals.authorityPercent().stripTrailingZeros().toPlainString());
		return "revenue/proposal";
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String v = params.getFirst(name);
		return v == null ? "" : v;
	}

	private static BigDecimal decimal(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(",", "").replace("$", "").replace("%", "").trim());
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, "must be a number such as 65 or 72.50"));
			return null;
		}
	}

	private static Integer integer(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, "must be a whole number such as 6"));
			return null;
		}
	}

}
