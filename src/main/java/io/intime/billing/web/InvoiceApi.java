package io.intime.billing.web;

import java.time.LocalDate;
import java.util.Map;

import io.intime.billing.CreditMemos;
import io.intime.billing.InvoiceForm;
import io.intime.billing.InvoiceManagement;
import io.intime.billing.InvoiceStatus;
import io.intime.billing.InvoiceView;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.PageRequest;
import io.intime.shared.PageResult;
import io.intime.shared.web.JsonForms;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.JsonNode;
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
 * Invoices over REST. Finance creates, changes, marks paid, writes off and deletes them;
 * the account's manager, executives and sales directors read them and flag disputes
 * ({@link InvoiceManagement}). Every invoice carries what follows from its dates today:
 * {@code overdue}, {@code daysOverdue} and {@code daysToPay}.
 */
@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Invoices of client accounts, with days to pay and days overdue")
class InvoiceApi {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private final InvoiceManagement invoices;

	private final JsonForms forms;

	private final CreditMemos memos;

	InvoiceApi(InvoiceManagement invoices, JsonForms forms, CreditMemos memos) {
		this.invoices = invoices;
		this.forms = forms;
		this.memos = memos;
	}

	@GetMapping
	@Operation(summary = "List invoices",
			description = "Newest issued first; optionally of one account (accountId) and in "
					+ "one status (status; OVERDUE also matches an OPEN invoice past its due date, OPEN only those not yet due); "
					+ "of the accounts one person owns (ownerId), as the receivables view filters them.")
	PageResult<InvoiceView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) Long ownerId, @RequestParam(required = false) InvoiceStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return invoices.search(accountId, ownerId, status, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create an invoice (finance)", description = "accountId plus the invoice's fields; amount is "
			+ "{\"amount\": \"85420.00\", \"currency\": \"USD\"} (currency defaults to the account's billing currency), "
			+ "status defaults to OPEN. 201 with the invoice and its Location; 409 naming number when it is taken.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "accountId plus the invoice form",
			content = @Content(schema = @Schema(implementation = InvoiceForm.class)))
	ResponseEntity<InvoiceView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long accountId = forms.take(json, "accountId");
		InvoiceForm form = forms.create(json, InvoiceForm.class, Map.of("status", InvoiceStatus.OPEN));
		InvoiceView created = invoices.create(accountId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an invoice")
	InvoiceView get(@PathVariable long id, CurrentUser user) {
		return invoices.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, MERGE_PATCH })
	@Operation(summary = "Change an invoice (finance)",
			description = "A JSON merge patch: the version you read (required) "
					+ "and only the fields to change. A status other than PAID clears paidOn unless the patch sets it. "
					+ "A stale version is a 409.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = InvoiceForm.class)))
	InvoiceView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		if (patch.has("accountId")) {
			throw new InvalidInputException("accountId", "cannot be changed; an invoice stays with its account");
		}
		InvoiceForm form = forms.patch(invoices.editable(id, user).form(), patch, InvoiceForm.class);
		if (!patch.has("paidOn") && form.status() != InvoiceStatus.PAID) {
			form = new InvoiceForm(form.number(), form.issueDate(), form.dueDate(), form.amount(), form.status(), null,
					form.disputeReason());
		}
		return invoices.update(id, form, version, user);
	}

	@PostMapping(path = "/{id}/payment", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Mark an invoice paid (finance)", description = "{\"version\": 3, \"paidOn\": \"2026-11-20\"}")
	InvoiceView markPaid(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		LocalDate paidOn = date(json, "paidOn");
		return invoices.markPaid(id, paidOn, version, user);
	}

	@PostMapping(path = "/{id}/dispute", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Flag an invoice as disputed",
			description = "The account's manager, executives, sales directors "
					+ "and finance: {\"version\": 3, \"reason\": \"Hours billed twice for week 42\"}")
	InvoiceView dispute(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		JsonNode reason = json.get("reason");
		if (reason != null && !reason.isNull() && !reason.isString()) {
			throw new InvalidInputException("reason", "has the wrong type; expected text");
		}
		try {
			return invoices.dispute(id, reason == null || reason.isNull() ? null : reason.stringValue(), version, user);
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException(e.errors()
				.stream()
				.map(error -> error.field().equals("disputeReason")
						? new io.intime.shared.FieldError("reason", error.message()) : error)
				.toList());
		}
	}

	@PostMapping(path = "/{id}/write-off", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Write off an invoice (finance)", description = "{\"version\": 3}")
	InvoiceView writeOff(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		return invoices.writeOff(id, forms.take(json, "version"), user);
	}

	@GetMapping("/{id}/credit-memos")
	@Operation(summary = "The invoice's credit memos and what is still owed on it",
			description = "Credits, refunds and adjustments issued on the invoice (e.g. resolving a billing dispute), "
					+ "oldest first, and its balance: an unpaid invoice's amount less its credits and adjustments.")
	Map<String, Object> creditMemos(@PathVariable long id, CurrentUser user) {
		return Map.of("items", memos.forInvoice(id, user), "balance", memos.balance(id, user));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an invoice entered by mistake (finance)")
	void delete(@PathVariable long id, CurrentUser user) {
		invoices.delete(id, user);
	}

	private static LocalDate date(ObjectNode json, String field) {
		JsonNode value = json.get(field);
		if (value == null || value.isNull()) {
			throw new InvalidInputException(field, "is required");
		}
		try {
			return LocalDate.parse(value.asString());
		}
		catch (RuntimeException e) {
			throw new InvalidInputException(field, "'" + value.asString() + "' is not a date (YYYY-MM-DD)");
		}
	}

}
