package io.intime.accounts.web;

import java.util.Map;

import io.intime.accounts.ContractForm;
import io.intime.accounts.ContractManagement;
import io.intime.accounts.ContractStatus;
import io.intime.accounts.ContractView;
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
 * Contracts (MSAs and SOWs) with their service lines over REST. Executives, sales
 * directors, finance and legal see every contract, account managers those of the accounts
 * they own; executives, sales directors, legal and admins create and change them, an
 * account manager changes only the status of a contract of an account they own
 * ({@link ContractManagement}). Amounts are {@code {"amount": "500000.00", "currency":
 * "USD"}}; a change of an ACTIVE contract updates the account's ARR and tier.
 */
@RestController
@RequestMapping("/api/v1/contracts")
@Tag(name = "Contracts", description = "MSAs and SOWs with their service lines")
class ContractApi {

	private final ContractManagement contracts;

	private final JsonForms forms;

	ContractApi(ContractManagement contracts, JsonForms forms) {
		this.contracts = contracts;
		this.forms = forms;
	}

	@GetMapping
	@Operation(summary = "Search contracts",
			description = "Optionally of one account and with one status; latest end date first.")
	PageResult<ContractView> list(@RequestParam(required = false) Long accountId,
			@RequestParam(required = false) ContractStatus status, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return contracts.search(accountId, status, new PageRequest(page, size), user);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a contract to an account",
			description = "Executives, sales directors, legal and admins. "
					+ "The body is accountId plus the contract's fields, with serviceLines [{name, annualValue}]. "
					+ "201 with the contract and its Location.")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "accountId plus the fields of the contract form",
			content = @Content(schema = @Schema(implementation = ContractForm.class)))
	ResponseEntity<ContractView> create(@RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long accountId = forms.take(json, "accountId");
		ContractForm form = forms.create(json, ContractForm.class, Map.of());
		ContractView created = contracts.create(accountId, form, user);
		return ResponseEntity.created(
				ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}").buildAndExpand(created.id()).toUri())
			.body(created);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a contract")
	ContractView get(@PathVariable long id, CurrentUser user) {
		return contracts.get(id, user);
	}

	@PatchMapping(path = "/{id}", consumes = { MediaType.APPLICATION_JSON_VALUE, AccountApi.MERGE_PATCH })
	@Operation(summary = "Change a contract", description = "A JSON merge patch: the version you read (required) "
			+ "and only the fields to change; serviceLines, when given, replaces all lines. A stale version is a 409. "
			+ "An account manager may change only status, of the contracts of accounts they own. A status moves only "
			+ "along the contract's life (draft to active or terminated; active to expired, renewed or terminated; "
			+ "expired to active or renewed; terminated to active); making an ended contract active again needs "
			+ "a reason (field reason, with status alone).")
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "version plus the fields to change",
			content = @Content(schema = @Schema(implementation = ContractForm.class)))
	ContractView update(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode patch = forms.object(body);
		long version = forms.take(patch, "version");
		if (patch.has("accountId")) {
			throw new InvalidInputException("accountId", "cannot be changed; a contract stays with its account");
		}
		tools.jackson.databind.JsonNode reasonNode = patch.remove("reason");
		String reason = reasonNode == null || reasonNode.isNull() ? null : reasonNode.asString();
		ContractForm current = contracts.editable(id, user).form();
		ContractForm form = forms.patch(current, patch, ContractForm.class);
		if (form.status() != null && form.status() != current.status()
				&& form.equals(withStatus(current, form.status()))) {
			return contracts.changeStatus(id, form.status(), reason, version, user);
		}
		if (reason != null) {
			throw new InvalidInputException("reason", "goes with a change of status alone");
		}
		return contracts.update(id, form, version, user);
	}

	/** The body of a rate card replacement. */
	record RateCard(java.util.List<io.intime.accounts.ContractRateForm> rates) {
	}

	@org.springframework.web.bind.annotation.PutMapping(path = "/{id}/rates",
			consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Replace a contract's rate card",
			description = "{\"version\": 3, \"rates\": [{\"role\": \"Graphic Designer\", \"minRate\": \"65\", "
					+ "\"maxRate\": \"75\"}]}: hourly rates in the contract's currency; an empty list clears it. "
					+ "Executives, sales directors, legal and admins. A stale version is a 409.")
	ContractView replaceRates(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		RateCard card = forms.create(json, RateCard.class, java.util.Map.of());
		return contracts.updateRateCard(id, card.rates(), version, user);
	}

	private static ContractForm withStatus(ContractForm form, io.intime.accounts.ContractStatus status) {
		return new ContractForm(form.type(), form.number(), form.startDate(), form.endDate(), status,
				form.paymentTerms(), form.currency(), form.serviceLines());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a contract", description = "Executives, sales directors and admins.")
	void delete(@PathVariable long id, CurrentUser user) {
		contracts.delete(id, user);
	}

}
