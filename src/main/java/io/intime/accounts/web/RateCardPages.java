package io.intime.accounts.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractRateForm;
import io.intime.accounts.ContractRateView;
import io.intime.accounts.ContractView;
import io.intime.identity.CurrentUser;
import io.intime.shared.FieldError;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A contract's rate card (the hourly rate range per role), edited as rows by those who
 * edit contracts; empty rows are dropped.
 */
@Controller
class RateCardPages {

	private static final int EMPTY_ROWS = 3;

	private final AccountManagement accounts;

	private final ContractManagement contracts;

	RateCardPages(AccountManagement accounts, ContractManagement contracts) {
		this.accounts = accounts;
		this.contracts = contracts;
	}

	/** A row of the form as typed. */
	record Row(String role, String minRate, String maxRate) {
	}

	@GetMapping("/accounts/{id}/contracts/{contractId}/rates")
	String edit(@PathVariable long id, @PathVariable long contractId, CurrentUser me, Model model) {
		ContractView contract = contractOf(id, contractId, me);
		List<Row> rows = new ArrayList<>();
		for (ContractRateView r : contract.rates()) {
			rows.add(new Row(r.role(), r.minRate().toPlainString(), r.maxRate().toPlainString()));
		}
		return page(id, contract, rows, contract.stamp().version(), FormErrors.none(), model, me);
	}

	@PostMapping("/accounts/{id}/contracts/{contractId}/rates")
	String save(@PathVariable long id, @PathVariable long contractId,
			@RequestParam(name = "role", required = false) List<String> roles,
			@RequestParam(name = "minRate", required = false) List<String> mins,
			@RequestParam(name = "maxRate", required = false) List<String> maxes, @RequestParam long version,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		ContractView contract = contractOf(id, contractId, me);
		List<Row> rows = new ArrayList<>();
		int n = roles == null ? 0 : roles.size();
		for (int i = 0; i < n; i++) {
			String role = roles.get(i) == null ? "" : roles.get(i).trim();
			String min = mins != null && i < mins.size() && mins.get(i) != null ? mins.get(i).trim() : "";
			String max = maxes != null && i < maxes.size() && maxes.get(i) != null ? maxes.get(i).trim() : "";
			if (!role.isEmpty() || !min.isEmpty() || !max.isEmpty()) {
				rows.add(new Row(role, min, max));
			}
		}
		List<FieldError> errors = new ArrayList<>();
		List<ContractRateForm> lines = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			lines.add(new ContractRateForm(row.role(), number(row.minRate(), "rates[" + i + "].minRate", errors),
					number(row.maxRate(), "rates[" + i + "].maxRate", errors)));
		}
		try {
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			contracts.updateRateCard(contractId, lines, version, me);
			flash.addFlashAttribute("toast", "Saved the rate card of " + contract.number());
			return "redirect:/accounts/" + id + "?tab=contracts#contract-" + contractId;
		}
		catch (StaleVersionException e) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			ContractView current = contracts.get(contractId, me);
			model.addAttribute("flashError", "Someone else changed " + contract.number()
					+ " while you were editing; your rates are kept below. Save again to replace theirs.");
			return page(id, current, rows, current.stamp().version(), FormErrors.none(), model, me);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return page(id, contract, rows, version, FormErrors.none().addAll(e.errors()), model, me);
		}
	}

	private static BigDecimal number(String text, String field, List<FieldError> errors) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.replace(",", "").replace("$", "").trim());
		}
		catch (NumberFormatException e) {
			errors.add(new FieldError(field, "must be an hourly rate such as 65 or 72.50"));
			return BigDecimal.ZERO;
		}
	}

	private String page(long accountId, ContractView contract, List<Row> rows, long version, FormErrors errors,
			Model model, CurrentUser me) {
		AccountDetails account = accounts.get(accountId, me);
		List<Row> shown = new ArrayList<>(rows);
		for (int i = 0; i < EMPTY_ROWS; i++) {
			shown.add(new Row("", "", ""));
		}
		model.addAttribute("account", account);
		model.addAttribute("contract", contract);
		model.addAttribute("rows", shown);
		model.addAttribute("version", version);
		model.addAttribute("errors", errors);
		return "accounts/rate-card";
	}

	private ContractView contractOf(long accountId, long contractId, CurrentUser me) {
		ContractView contract = contracts.get(contractId, me);
		if (contract.accountId() != accountId) {
			throw new NotFoundException("Contract", contractId);
		}
		if (!contracts.canEditRates(contract, me)) {
			throw new AccessDeniedException("Only executives, sales directors, legal and admins change rate cards");
		}
		return contract;
	}

}
