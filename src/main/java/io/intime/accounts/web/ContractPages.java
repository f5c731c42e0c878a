package io.intime.accounts.web;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractType;
import io.intime.accounts.ContractView;
import io.intime.shared.Editable;
import io.intime.identity.CurrentUser;
import io.intime.shared.CurrencyRates;
import io.intime.shared.Money;
import io.intime.shared.DuplicateException;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.PageFormat;
import io.intime.shared.web.FormErrors;
import io.intime.shared.web.Conflict;
import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding and changing contracts with their service lines (executives, sales directors,
 * legal, admins), and moving a contract to another status (also the account's own
 * manager).
 */
@Controller
class ContractPages {

	private final AccountManagement accounts;

	private final ContractManagement contracts;

	private final CurrencyRates rates;

	private final PageFormat format;

	private final Today time;

	ContractPages(AccountManagement accounts, ContractManagement contracts, CurrencyRates rates, PageFormat format,
			Today time) {
		this.accounts = accounts;
		this.contracts = contracts;
		this.rates = rates;
		this.format = format;
		this.time = time;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/accounts/{id}/contracts/new")
	String newContract(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = editableAccount(id, me);
		return form(account, null,
				ContractFormData.of(ContractForm.blank(account.billingCurrency(), time.today(me.timeZone())), 0),
				FormErrors.none(), model);
	}

	@PostMapping("/accounts/{id}/contracts/new")
	String create(@PathVariable long id, @ModelAttribute("form") ContractFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(422);
			return form(editableAccount(id, me), null, form, FormErrors.of(binding), model);
		}
		form.dropEmptyLines();
		try {
			ContractView created = contracts.create(id, form.toForm(), me);
			flash.addFlashAttribute("toast", "Added contract " + created.number());
			return "redirect:/accounts/" + id + "?tab=contracts";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(accounts.get(id, me), null, form, errors(e), model);
		}
	}

	@GetMapping("/accounts/{id}/contracts/{contractId}/edit")
	String edit(@PathVariable long id, @PathVariable long contractId, CurrentUser me, Model model) {
		AccountDetails account = editableAccount(id, me);
		ContractView contract = contractOf(id, contractId, me);
		Editable<ContractForm> editable = contracts.editable(contractId, me);
		return form(account, contract, ContractFormData.of(editable.form(), editable.version()), FormErrors.none(),
				model);
	}

	@PostMapping("/accounts/{id}/contracts/{contractId}/edit")
	String update(@PathVariable long id, @PathVariable long contractId, @ModelAttribute("form") ContractFormData form,
			BindingResult binding, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		ContractView contract = contractOf(id, contractId, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return form(editableAccount(id, me), contract, form, FormErrors.of(binding), model);
		}
		form.dropEmptyLines();
		try {
			ContractView saved = contracts.update(contractId, form.toForm(), form.getVersion(), me);
			flash.addFlashAttribute("toast", "Saved contract " + saved.number());
			return "redirect:/accounts/" + id + "?tab=contracts";
		}
		catch (StaleVersionException e) {
			Editable<ContractForm> current = contracts.editable(contractId, me);
			model.addAttribute("conflict",
					Conflict.between(Conflict.KEPT, ContractFormData.of(current.form(), current.version()).comparable(),
							form.comparable(), format::field));
			form.setVersion(current.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return form(accounts.get(id, me), contract, form, FormErrors.none(), model);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(accounts.get(id, me), contract, form, errors(e), model);
		}
	}

	/**
	 * Before a contract changes status: what it does to the account's ARR, and (for a
	 * reactivation) the reason. The contracts tab offers only the moves the contract's
	 * life allows.
	 */
	@GetMapping("/accounts/{id}/contracts/{contractId}/status")
	String confirmStatus(@PathVariable long id, @PathVariable long contractId, @RequestParam("to") String to,
			CurrentUser me, Model model, RedirectAttributes flash) {
		ContractView contract = contractOf(id, contractId, me);
		ContractStatus target = AccountListing.parse(ContractStatus.class, to);
		if (target == null || !contract.status().next().contains(target)) {
			flash.addFlashAttribute("flashError",
					"Contract " + contract.number() + " cannot become "
							+ (target == null ? "'" + to + "'" : format.label(target)) + " from "
							+ format.label(contract.status()));
			return "redirect:/accounts/" + id + "?tab=contracts#contract-" + contractId;
		}
		return statusPage(accounts.get(id, me), contract, target, null, contract.stamp().version(), FormErrors.none(),
				model);
	}

	/**
	 * Moves a contract to another status (confirmed on the page above); the only contract
	 * change an account manager may make.
	 */
	@PostMapping("/accounts/{id}/contracts/{contractId}/status")
	String changeStatus(@PathVariable long id, @PathVariable long contractId, @RequestParam String status,
			@RequestParam long version, @RequestParam(required = false) String reason, CurrentUser me, Model model,
			RedirectAttributes flash, HttpServletResponse response) {
		ContractView contract = contractOf(id, contractId, me);
		ContractStatus target = AccountListing.parse(ContractStatus.class, status);
		String back = "redirect:/accounts/" + id + "?tab=contracts#contract-" + contractId;
		if (target == null) {
			flash.addFlashAttribute("flashError", "'" + status + "' is not a contract status");
			return back;
		}
		try {
			ContractView saved = contracts.changeStatus(contractId, target, reason, version, me);
			flash.addFlashAttribute("toast", "Contract " + saved.number() + " is now " + format.label(saved.status()));
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return statusPage(accounts.get(id, me), contract, target, reason, version, errors(e), model);
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError", "Contract " + contract.number()
					+ " was changed by someone else while you looked at it; its current status is shown. Change it again if you still want to.");
		}
		return back;
	}

	private String statusPage(AccountDetails account, ContractView contract, ContractStatus target, String reason,
			long version, FormErrors errors, Model model) {
		Money before = account.arr();
		Money change = rates.supports(contract.currency()) && rates.supports(before.currency())
				? rates.convert(contract.arr(), before.currency()) : Money.zero(before.currency());
		Money after = before;
		if (target == ContractStatus.ACTIVE && contract.status() != ContractStatus.ACTIVE) {
			after = before.plus(change);
		}
		else if (contract.status() == ContractStatus.ACTIVE && target != ContractStatus.ACTIVE) {
			after = before.plus(change.times(java.math.BigDecimal.ONE.negate()));
		}
		model.addAttribute("account", account);
		model.addAttribute("contract", contract);
		model.addAttribute("target", target);
		model.addAttribute("arrBefore", before);
		model.addAttribute("arrAfter", after);
		model.addAttribute("reactivation", contract.status().reactivatedBy(target));
		model.addAttribute("reason", reason);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		return "accounts/contract-status";
	}

	@PostMapping("/accounts/{id}/contracts/{contractId}/delete")
	String delete(@PathVariable long id, @PathVariable long contractId, CurrentUser me, RedirectAttributes flash) {
		ContractView contract = contractOf(id, contractId, me);
		contracts.delete(contractId, me);
		flash.addFlashAttribute("toast", "Removed contract " + contract.number());
		return "redirect:/accounts/" + id + "?tab=contracts";
	}

	private String form(AccountDetails account, ContractView contract, ContractFormData form, FormErrors errors,
			Model model) {
		if (form.getServiceLines().isEmpty()) {
			form.getServiceLines().add(new ContractFormData.Line());
		}
		model.addAttribute("account", account);
		model.addAttribute("contract", contract);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", ContractType.values());
		model.addAttribute("statuses", ContractStatus.values());
		model.addAttribute("currencies", rates.getUsdRates().keySet());
		model.addAttribute("paymentTerms", FormOptions.PAYMENT_TERMS);
		return "accounts/contract-form";
	}

	private static FormErrors errors(InvalidInputException e) {
		FormErrors errors = FormErrors.none().addAll(e.errors());
		if (e instanceof DuplicateException duplicate) {
			errors.withLink(duplicate.existingLink(), duplicate.existingLabel());
		}
		return errors;
	}

	private AccountDetails editableAccount(long id, CurrentUser me) {
		AccountDetails account = accounts.get(id, me);
		if (!account.access().editContracts()) {
			throw new AccessDeniedException(account.access().changeContractStatus()
					? "You may change only the status of this account's contracts"
					: "Only executives, sales directors, legal and admins add or change contracts");
		}
		return account;
	}

	private ContractView contractOf(long accountId, long contractId, CurrentUser me) {
		ContractView contract = contracts.get(contractId, me);
		if (contract.accountId() != accountId) {
			throw new NotFoundException("Contract", contractId);
		}
		return contract;
	}

}
