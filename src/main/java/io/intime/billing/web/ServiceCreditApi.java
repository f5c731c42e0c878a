package io.intime.billing.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.intime.billing.ServiceCredits;
import io.intime.identity.CurrentUser;
import io.intime.shared.InvalidInputException;
import io.intime.shared.Money;
import io.intime.shared.web.JsonForms;
import io.intime.shared.web.MoneyInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service credits over REST: offered by executives and sales directors, decided by
 * finance.
 */
@RestController
@Tag(name = "Service credits", description = "Credits offered to clients, approved by finance")
class ServiceCreditApi {

	record OfferRequest(MoneyInput amount, String reason) {
	}

	record DecisionRequest(Boolean approve, String note) {
	}

	private final ServiceCredits credits;

	private final io.intime.accounts.AccountManagement accounts;

	private final JsonForms forms;

	ServiceCreditApi(ServiceCredits credits, io.intime.accounts.AccountManagement accounts, JsonForms forms) {
		this.credits = credits;
		this.accounts = accounts;
		this.forms = forms;
	}

	@GetMapping("/api/v1/accounts/{id}/service-credits")
	@Operation(summary = "The account's service credits, latest first")
	List<ServiceCredits.Credit> forAccount(@PathVariable long id, CurrentUser user) {
		accounts.get(id, user);
		return credits.forAccount(id);
	}

	@PostMapping(path = "/api/v1/accounts/{id}/service-credits", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Offer a service credit",
			description = "Executives and sales directors. Body: amount {amount, currency}, reason. It waits for finance.")
	ResponseEntity<ServiceCredits.Credit> offer(@PathVariable long id, @RequestBody(required = false) byte[] body,
			CurrentUser user) {
		OfferRequest r = forms.create(forms.object(body), OfferRequest.class, Map.of());
		Money amount = r.amount() == null || r.amount().amount() == null ? null
				: new Money(r.amount().amount(), r.amount().currency() == null ? "USD" : r.amount().currency());
		ServiceCredits.Credit credit = credits.offer(id, amount, r.reason(), user);
		return ResponseEntity.created(URI.create("/api/v1/accounts/" + id + "/service-credits")).body(credit);
	}

	@GetMapping("/api/v1/service-credits/pending")
	@Operation(summary = "Credits awaiting finance's decision (finance)")
	List<ServiceCredits.Credit> pending(CurrentUser user) {
		if (!ServiceCredits.mayDecide(user)) {
			throw new org.springframework.security.access.AccessDeniedException("Finance approves service credits");
		}
		return credits.pending();
	}

	@PostMapping(path = "/api/v1/service-credits/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Approve or reject a service credit (finance)",
			description = "Body: approve, note (required to reject), version (a stale one is a 409).")
	ServiceCredits.Credit decide(@PathVariable long id, @RequestBody(required = false) byte[] body, CurrentUser user) {
		ObjectNode json = forms.object(body);
		long version = forms.take(json, "version");
		DecisionRequest r = forms.create(json, DecisionRequest.class, Map.of());
		if (r.approve() == null) {
			throw new InvalidInputException("approve", "is required: true to approve, false to reject");
		}
		return credits.decide(id, r.approve(), r.note(), version, user);
	}

}
