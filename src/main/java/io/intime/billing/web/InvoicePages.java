package io.intime.billing.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.AccountSections;
import io.intime.shared.Editable;
import io.intime.billing.CreditMemoView;
import io.intime.billing.CreditMemos;
import io.intime.billing.InvoiceAccess;
import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.billing.InvoiceView;
import io.intime.identity.CurrentUser;
import io.intime.shared.DuplicateException;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.Conflict;
import io.intime.shared.web.FormErrors;
import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.format.annotation.DateTimeFormat;
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
 * The Invoices tab of Account 360 (totals, the list, overdue ones highlighted), finance's
 * invoice form, and the actions on one invoice: mark paid, dispute, write off, delete.
 */
@Controller
class InvoicePages {

	private static final Map<String, String> LABELS = Map.of("number", "Number", "issueDate", "Issue date", "dueDate",
			"Due date", "amount", "Amount", "currency", "Currency", "status", "Status", "paidOn", "Paid on",
			"disputeReason", "Dispute reason");

	/**
	 * The form's flat amount and currency fields stand for the facade's
	 * {@code amount.amount} and {@code amount.currency}.
	 */
	private static final Map<String, String> PAGE_FIELDS = Map.of("amount.amount", "amount", "amount.currency",
			"currency");

	private static final String AMOUNT_EXAMPLE = "85420";

	private final AccountManagement accounts;

	private final AccountSections sections;

	private final InvoiceManagement invoices;

	private final Today time;

	private final io.intime.billing.ServiceCredits credits;

	private final CreditMemos memos;

	InvoicePages(AccountManagement accounts, AccountSections sections, InvoiceManagement invoices, Today time,
			io.intime.billing.ServiceCredits credits, CreditMemos memos) {
		this.credits = credits;
		this.memos = memos;
		this.accounts = accounts;
		this.sections = sections;
		this.invoices = invoices;
		this.time = time;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/accounts/{id}/invoices")
	String tab(@PathVariable long id, @RequestParam(required = false) String status, CurrentUser me, Model model) {
		return tab(accounts.get(id, me), status, me, model);
	}

	private String tab(AccountDetails account, String status, CurrentUser me, Model model) {
		InvoiceAccess access = invoices.access(account, me);
		if (!access.view()) {
			throw new AccessDeniedException("You may not see the invoices of " + account.name());
		}
		sections.header(model, account, "invoices", me);
		List<InvoiceView> all = invoices.forAccount(account.id(), me);
		String filter = status == null || status.isBlank() ? "ALL" : status.trim().toUpperCase();
		List<InvoiceView> shown = all.stream().filter(i -> matches(i, filter)).toList();
		model.addAttribute("invoiceAccess", access);
		model.addAttribute("summary", invoices.summary(account.id(), me));
		model.addAttribute("invoices", shown);
		model.addAttribute("allCount", all.size());
		model.addAttribute("filter", filter);
		model.addAttribute("filters",
				List.of(new Filter("ALL", "All", all.size()), new Filter("UNPAID", "Unpaid", count(all, "UNPAID")),
						new Filter("OVERDUE", "Overdue", count(all, "OVERDUE")),
						new Filter("PAID", "Paid", count(all, "PAID")),
						new Filter("DISPUTED", "Disputed", count(all, "DISPUTED")),
						new Filter("WRITTEN_OFF", "Written off", count(all, "WRITTEN_OFF"))));
		model.addAttribute("today", time.organizationToday());
		// approved service credits are part of the account's billing (spec 01 step 2)
		model.addAttribute("credits",
				credits.forAccount(account.id()).stream().filter(c -> "APPROVED".equals(c.status())).toList());
		// a dispute's credits and adjustments lower what is owed on their invoice
		Map<Long, List<CreditMemoView>> memosByInvoice = memos.forAccount(account.id(), me);
		Map<Long, io.intime.shared.Money> balances = new java.util.HashMap<>();
		memosByInvoice.keySet().forEach(invoiceId -> balances.put(invoiceId, memos.balance(invoiceId, me)));
		model.addAttribute("creditMemos", memosByInvoice);
		model.addAttribute("balances", balances);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", FormErrors.none());
		}
		return "billing/invoices";
	}

	/** A filter chip of the tab with the number of invoices it shows. */
	record Filter(String key, String label, long count) {
	}

	private static long count(List<InvoiceView> all, String filter) {
		return all.stream().filter(i -> matches(i, filter)).count();
	}

	private static boolean matches(InvoiceView invoice, String filter) {
		return switch (filter) {
			case "ALL" -> true;
			case "UNPAID" -> invoice.status().unpaid();
			case "OVERDUE" -> invoice.overdue();
			default -> invoice.status().name().equals(filter);
		};
	}

	@GetMapping("/accounts/{id}/invoices/new")
	String newInvoice(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = editable(id, me);
		LocalDate today = time.organizationToday();
		return form(account, null, InvoiceFormData.of(InvoiceForm.blank(account.billingCurrency(), today), 0),
				FormErrors.none(), model);
	}

	@PostMapping("/accounts/{id}/invoices/new")
	String create(@PathVariable long id, @ModelAttribute("form") InvoiceFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		AccountDetails account = editable(id, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return form(account, null, form, FormErrors.of(binding, AMOUNT_EXAMPLE), model);
		}
		try {
			InvoiceView created = invoices.create(id, form.toForm(), me);
			flash.addFlashAttribute("toast", "Invoice " + created.number() + " created");
			return "redirect:/accounts/" + id + "/invoices#invoice-" + created.id();
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(account, null, form, errors(e), model);
		}
	}

	@GetMapping("/accounts/{id}/invoices/{invoiceId}/edit")
	String edit(@PathVariable long id, @PathVariable long invoiceId, CurrentUser me, Model model) {
		AccountDetails account = editable(id, me);
		InvoiceView invoice = invoiceOf(id, invoiceId, me);
		Editable<InvoiceForm> editable = invoices.editable(invoiceId, me);
		return form(account, invoice, InvoiceFormData.of(editable.form(), editable.version()), FormErrors.none(),
				model);
	}

	@PostMapping("/accounts/{id}/invoices/{invoiceId}/edit")
	String update(@PathVariable long id, @PathVariable long invoiceId, @ModelAttribute("form") InvoiceFormData form,
			BindingResult binding, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		AccountDetails account = editable(id, me);
		InvoiceView invoice = invoiceOf(id, invoiceId, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return form(account, invoice, form, FormErrors.of(binding, AMOUNT_EXAMPLE), model);
		}
		try {
			InvoiceView saved = invoices.update(invoiceId, form.toForm(), form.getVersion(), me);
			flash.addFlashAttribute("toast", "Invoice " + saved.number() + " saved");
			return "redirect:/accounts/" + id + "/invoices#invoice-" + invoiceId;
		}
		catch (StaleVersionException e) {
			Editable<InvoiceForm> current = invoices.editable(invoiceId, me);
			model.addAttribute("conflict",
					Conflict.between(Conflict.KEPT, InvoiceFormData.of(current.form(), current.version()).comparable(),
							form.comparable(), field -> LABELS.getOrDefault(field, field),
							(field, value) -> Conflict.plain(value)));
			form.setVersion(current.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return form(account, invoices.get(invoiceId, me), form, FormErrors.none(), model);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(account, invoice, form, errors(e), model);
		}
	}

	@PostMapping("/accounts/{id}/invoices/{invoiceId}/paid")
	String markPaid(@PathVariable long id, @PathVariable long invoiceId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
			@RequestParam long version, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		InvoiceView invoice = invoiceOf(id, invoiceId, me);
		try {
			InvoiceView paid = invoices.markPaid(invoiceId, paidOn, version, me);
			flash.addFlashAttribute("toast", "Invoice " + paid.number() + " paid (" + paid.daysToPay() + " days)");
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError", stale(invoice));
		}
		catch (InvalidInputException e) {
			return actionFailed(id, invoiceId, "paid", e, me, model, response);
		}
		return "redirect:/accounts/" + id + "/invoices#invoice-" + invoiceId;
	}

	@PostMapping("/accounts/{id}/invoices/{invoiceId}/dispute")
	String dispute(@PathVariable long id, @PathVariable long invoiceId,
			@RequestParam(required = false) String disputeReason, @RequestParam long version, CurrentUser me,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		InvoiceView invoice = invoiceOf(id, invoiceId, me);
		try {
			InvoiceView disputed = invoices.dispute(invoiceId, disputeReason, version, me);
			flash.addFlashAttribute("toast", "Invoice " + disputed.number() + " flagged as disputed");
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError", stale(invoice));
		}
		catch (InvalidInputException e) {
			model.addAttribute("disputeReason", disputeReason);
			return actionFailed(id, invoiceId, "dispute", e, me, model, response);
		}
		return "redirect:/accounts/" + id + "/invoices#invoice-" + invoiceId;
	}

	@PostMapping("/accounts/{id}/invoices/{invoiceId}/write-off")
	String writeOff(@PathVariable long id, @PathVariable long invoiceId, @RequestParam long version, CurrentUser me,
			Model model, RedirectAttributes flash, HttpServletResponse response) {
		InvoiceView invoice = invoiceOf(id, invoiceId, me);
		try {
			invoices.writeOff(invoiceId, version, me);
			flash.addFlashAttribute("toast", "Invoice " + invoice.number() + " written off");
		}
		catch (StaleVersionException e) {
			flash.addFlashAttribute("flashError", stale(invoice));
		}
		catch (InvalidInputException e) {
			return actionFailed(id, invoiceId, "write-off", e, me, model, response);
		}
		return "redirect:/accounts/" + id + "/invoices#invoice-" + invoiceId;
	}

	@PostMapping("/accounts/{id}/invoices/{invoiceId}/delete")
	String delete(@PathVariable long id, @PathVariable long invoiceId, CurrentUser me, RedirectAttributes flash) {
		InvoiceView invoice = invoiceOf(id, invoiceId, me);
		try {
			invoices.delete(invoiceId, me);
		}
		catch (InvalidInputException e) {
			flash.addFlashAttribute("flashError", e.errors().get(0).message());
			return "redirect:/accounts/" + id + "/invoices#invoice-" + invoiceId;
		}
		flash.addFlashAttribute("toast", "Invoice " + invoice.number() + " deleted");
		return "redirect:/accounts/" + id + "/invoices";
	}

	/**
	 * The tab again, with the action's form open beside its invoice and the message
	 * beside its field.
	 */
	private String actionFailed(long id, long invoiceId, String action, InvalidInputException e, CurrentUser me,
			Model model, HttpServletResponse response) {
		response.setStatus(422);
		model.addAttribute("errors", FormErrors.none().renaming(PAGE_FIELDS).addAll(e.errors()));
		model.addAttribute("openAction", action);
		model.addAttribute("openInvoice", invoiceId);
		return tab(accounts.get(id, me), null, me, model);
	}

	private static String stale(InvoiceView invoice) {
		return "Someone else changed invoice " + invoice.number()
				+ " while you were looking at it; nothing was changed." + " Its current state is shown below.";
	}

	private String form(AccountDetails account, InvoiceView invoice, InvoiceFormData form, FormErrors errors,
			Model model) {
		model.addAttribute("account", account);
		model.addAttribute("invoice", invoice);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("statuses", Arrays.asList(InvoiceStatus.values()));
		return "billing/invoice-form";
	}

	private static FormErrors errors(InvalidInputException e) {
		FormErrors errors = FormErrors.none().renaming(PAGE_FIELDS).addAll(e.errors());
		if (e instanceof DuplicateException duplicate) {
			errors.withLink(duplicate.existingLink(), duplicate.existingLabel());
		}
		return errors;
	}

	private AccountDetails editable(long id, CurrentUser me) {
		AccountDetails account = accounts.get(id, me);
		if (!invoices.access(account, me).edit()) {
			throw new AccessDeniedException("Only finance creates and changes invoices");
		}
		return account;
	}

	private InvoiceView invoiceOf(long accountId, long invoiceId, CurrentUser me) {
		InvoiceView invoice = invoices.get(invoiceId, me);
		if (invoice.accountId() != accountId) {
			throw new NotFoundException("Invoice", invoiceId);
		}
		return invoice;
	}

}
