package io.intime.accounts.web;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.shared.Editable;
import io.intime.accounts.Influence;
import io.intime.accounts.StakeholderRole;
import io.intime.identity.CurrentUser;
import io.intime.shared.DuplicateException;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.StaleVersionException;
import io.intime.shared.web.PageFormat;
import io.intime.shared.web.FormErrors;
import io.intime.shared.web.Conflict;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Adding, changing and removing the contacts of an account. */
@Controller
class ContactPages {

	private final AccountManagement accounts;

	private final ContactManagement contacts;

	private final PageFormat format;

	ContactPages(AccountManagement accounts, ContactManagement contacts, PageFormat format) {
		this.accounts = accounts;
		this.contacts = contacts;
		this.format = format;
	}

	@InitBinder
	void blankIsNothing(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping("/accounts/{id}/contacts/new")
	String newContact(@PathVariable long id, CurrentUser me, Model model) {
		AccountDetails account = editableAccount(id, me);
		return form(account, null, ContactFormData.of(ContactForm.blank(account.timeZone()), 0), FormErrors.none(),
				model);
	}

	@PostMapping("/accounts/{id}/contacts/new")
	String create(@PathVariable long id, @ModelAttribute("form") ContactFormData form, BindingResult binding,
			CurrentUser me, Model model, RedirectAttributes flash, HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(422);
			return form(editableAccount(id, me), null, form, FormErrors.of(binding), model);
		}
		try {
			ContactView created = contacts.create(id, form.toForm(), me);
			flash.addFlashAttribute("toast", "Added " + created.name());
			return "redirect:/accounts/" + id + "?tab=contacts";
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(accounts.get(id, me), null, form, errors(e), model);
		}
	}

	@GetMapping("/accounts/{id}/contacts/{contactId}/edit")
	String edit(@PathVariable long id, @PathVariable long contactId, CurrentUser me, Model model) {
		AccountDetails account = editableAccount(id, me);
		ContactView contact = contactOf(id, contactId, me);
		Editable<ContactForm> editable = contacts.editable(contactId, me);
		return form(account, contact, ContactFormData.of(editable.form(), editable.version()), FormErrors.none(),
				model);
	}

	@PostMapping("/accounts/{id}/contacts/{contactId}/edit")
	String update(@PathVariable long id, @PathVariable long contactId, @ModelAttribute("form") ContactFormData form,
			BindingResult binding, CurrentUser me, Model model, RedirectAttributes flash,
			HttpServletResponse response) {
		ContactView contact = contactOf(id, contactId, me);
		if (binding.hasErrors()) {
			response.setStatus(422);
			return form(editableAccount(id, me), contact, form, FormErrors.of(binding), model);
		}
		try {
			ContactView saved = contacts.update(contactId, form.toForm(), form.getVersion(), me);
			flash.addFlashAttribute("toast", "Saved " + saved.name());
			return "redirect:/accounts/" + id + "?tab=contacts";
		}
		catch (StaleVersionException e) {
			Editable<ContactForm> current = contacts.editable(contactId, me);
			model.addAttribute("conflict",
					Conflict.between(Conflict.KEPT, ContactFormData.of(current.form(), current.version()).comparable(),
							form.comparable(), format::field));
			form.setVersion(current.version());
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			return form(accounts.get(id, me), contact, form, FormErrors.none(), model);
		}
		catch (InvalidInputException e) {
			response.setStatus(422);
			return form(accounts.get(id, me), contact, form, errors(e), model);
		}
	}

	@PostMapping("/accounts/{id}/contacts/{contactId}/delete")
	String delete(@PathVariable long id, @PathVariable long contactId, CurrentUser me, RedirectAttributes flash) {
		ContactView contact = contactOf(id, contactId, me);
		contacts.delete(contactId, me);
		flash.addFlashAttribute("toast", "Removed " + contact.name());
		return "redirect:/accounts/" + id + "?tab=contacts";
	}

	private String form(AccountDetails account, ContactView contact, ContactFormData form, FormErrors errors,
			Model model) {
		model.addAttribute("account", account);
		model.addAttribute("contact", contact);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", StakeholderRole.values());
		model.addAttribute("influences", Influence.values());
		model.addAttribute("timeZones", FormOptions.TIME_ZONES);
		return "accounts/contact-form";
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
		if (!account.access().editContacts()) {
			throw new AccessDeniedException("You may not add or edit contacts");
		}
		return account;
	}

	private ContactView contactOf(long accountId, long contactId, CurrentUser me) {
		ContactView contact = contacts.get(contactId, me);
		if (contact.accountId() != accountId) {
			throw new NotFoundException("Contact", contactId);
		}
		return contact;
	}

}
