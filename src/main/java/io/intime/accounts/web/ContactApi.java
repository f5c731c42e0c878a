package io.intime.accounts.web;

import java.util.Map;

import io.intime.accounts.ContactForm;
import io.intime.accounts.ContactManagement;
import io.intime.accounts.ContactView;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Contacts at client accounts over REST. Whoever may read an account reads its contacts;
 * account managers, executives, sales directors and admins add and change them;
 * executives, sales directors and admins delete them ({@link ContactManagement}). A
 * second contact with the same email at the same account is a 409 that links to the
 * first.
 */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Contacts", description = "People at client accounts")
class ContactApi {

	private final ContactManagement contacts;

	private final JsonForms forms;

	ContactApi(ContactManagement contacts, JsonForms forms) {
		this.contacts = contacts;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "Search contacts",
			description = "Optionally of one account (accountId) and matching a name or email (q).")
	PageResult<ContactView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return contacts.search(accountId, q, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a contact to an account", description = "The body is accountId plus the contact's "
			+ "fields; active defaults to true. 201 with the contact and its Location; 409 naming email when the "
			+ "account already has a contact with that email.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "accountId plus the fields of the contact form",
			content = @Content(schema = @Schema(implementation = ContactForm.class)))
	ResponseEntity<ContactView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long accountId = forms.take(json, "accountId");
		ContactForm form = forms.create(json, ContactForm.class, Map.of("active", true));
		ContactView created = contacts.create(accountId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a contact")
	ContactView get(@PathVariable long id, CurrentUser user) {
		return contacts.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, AccountApi.MERGE_PATCH })
	@Operation(summary = "Change a contact",
			description = "A JSON merge patch: the version you read (required) "
					+ "and only the fields to change. A stale version is a 409. A contact stays at its account.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = ContactForm.class)))
	ContactView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		if (patch.has("accountId")) {
			throw new InvalidInputException("accountId", "cannot be changed; a contact stays at its account");
		}
		ContactForm form = forms.patch(contacts.editable(id, user).form(), patch, ContactForm.class);
		return contacts.update(id, form, version, user);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a contact", description = "Executives, sales directors and admins.")
	void delete(@PathVariable long id, CurrentUser user) {
		contacts.delete(id, user);
	}

}
