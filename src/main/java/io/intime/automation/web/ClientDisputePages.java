package io.intime.automation.web;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactView;
import io.intime.automation.disputes.ClientDisputeLinks;
import io.intime.automation.disputes.ClientDisputeLinks.LinkRefused;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client raises a billing dispute through their link ({@code /client-disputes/{token}},
 * no login: the link is checked on every request), and those who flag disputes send the
 * link from the account's Invoices tab ({@code /accounts/{id}/dispute-link}).
 */
@Controller
class ClientDisputePages {

	private final ClientDisputeLinks links;

	private final AccountManagement accounts;

	ClientDisputePages(ClientDisputeLinks links, AccountManagement accounts) {
		this.links = links;
		this.accounts = accounts;
	}

	// ------------------------------------------------------------------ sending

	@GetMapping("/accounts/{id}/dispute-link")
	String sendForm(@PathVariable long id, CurrentUser me, Model model) {
		return sendPage(id, null, FormErrors.none(), me, model);
	}

	@PostMapping("/accounts/{id}/dispute-link")
	String send(@PathVariable long id, @RequestParam(required = false) Long contactId, CurrentUser me, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			ContactView contact = links.send(id, contactId, me);
			redirect.addFlashAttribute("toast", "Dispute link sent to " + contact.name());
			return "redirect:/accounts/" + id + "/invoices";
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			return sendPage(id, contactId, FormErrors.of(refused.errors()), me, model);
		}
	}

	@PostMapping("/accounts/{id}/dispute-link/withdraw")
	String withdraw(@PathVariable long id, CurrentUser me, RedirectAttributes redirect) {
		int withdrawn = links.revokeAll(id, me);
		redirect.addFlashAttribute("toast", withdrawn == 0 ? "No dispute link was open"
				: withdrawn == 1 ? "Withdrew 1 dispute link" : "Withdrew " + withdrawn + " dispute links");
		return "redirect:/accounts/" + id + "/dispute-link";
	}

	private String sendPage(long id, Long contactId, FormErrors errors, CurrentUser me, Model model) {
		AccountDetails account = accounts.get(id, me);
		if (!links.maySend(account, me)) {
			throw new AccessDeniedException("You may not flag disputes on the invoices of " + account.name());
		}
		model.addAttribute("account", account);
		model.addAttribute("recipients", links.recipients(id, me));
		model.addAttribute("openLinks", links.openLinks(id));
		model.addAttribute("contactId", contactId);
		model.addAttribute("errors", errors);
		return "automation/disputes/send";
	}

	// ------------------------------------------------------------------ the client's
	// page

	@GetMapping("/client-disputes/{token}")
	String open(@PathVariable String token, Model model) {
		return clientPage(token, null, "", FormErrors.none(), null, model);
	}

	@PostMapping("/client-disputes/{token}")
	String raise(@PathVariable String token, @RequestParam(required = false) Long invoiceId,
			@RequestParam(required = false) String reason, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		try {
			String number = links.raise(token, invoiceId, reason, request.getRemoteAddr(),
					request.getHeader("User-Agent"));
			return clientPage(token, null, "", FormErrors.none(), number, model);
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			return clientPage(token, invoiceId, reason == null ? "" : reason, FormErrors.of(refused.errors()), null,
					model);
		}
	}

	private String clientPage(String token, Long invoiceId, String reason, FormErrors errors, String raised,
			Model model) {
		model.addAttribute("page", links.open(token));
		model.addAttribute("token", token);
		model.addAttribute("invoiceId", invoiceId);
		model.addAttribute("reason", reason);
		model.addAttribute("errors", errors);
		model.addAttribute("raised", raised);
		return "automation/disputes/client";
	}

	@ExceptionHandler(LinkRefused.class)
	String refused(LinkRefused refused, Model model, HttpServletResponse response) {
		response.setStatus(refused.refusal().httpStatus());
		model.addAttribute("refusal", refused.refusal());
		model.addAttribute("organization", links.organization());
		return "workflows/client-refused";
	}

}
