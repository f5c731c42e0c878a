package io.intime.billing.web;

import io.intime.billing.Receivables;
import io.intime.billing.ReceivablesReport;
import io.intime.identity.CurrentUser;
import io.intime.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Finance's receivables (the aging summary) over REST; see {@link ReceivablesReport}. */
@RestController
@RequestMapping("/api/v1/receivables")
@Tag(name = "Invoices")
class ReceivablesApi {

	private final ReceivablesReport receivables;

	ReceivablesApi(ReceivablesReport receivables) {
		this.receivables = receivables;
	}

	@GetMapping
	@Operation(summary = "Receivables: the aging summary",
			description = "The unpaid invoices of the accounts you may see (finance, admins, executives and sales "
					+ "directors: every account; account managers: the accounts they own), as of today (UTC): overdue by "
					+ "aging bucket (0–30, 31–60, 61–90, over 90 days past the due date), disputed (whatever the due "
					+ "date), due in the next 7 days, and every unpaid invoice; each with its count, its amounts per "
					+ "currency and their sum in the reporting currency (USD, at the constant rates of "
					+ "intime.currency.usd-rates). Then the same per account (paged with page and size), most overdue "
					+ "first. Filters: accountId, ownerId (the account's owner); GET /api/v1/invoices takes the same.")
	Receivables summary(@RequestParam(required = false) Long accountId, @RequestParam(required = false) Long ownerId,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size, CurrentUser user) {
		return receivables.summary(accountId, ownerId, new PageRequest(page, size), user);
	}

}
