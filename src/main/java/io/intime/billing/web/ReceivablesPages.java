package io.intime.billing.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import io.intime.accounts.AccountDetails;
import io.intime.accounts.AccountManagement;
import io.intime.billing.Receivables;
import io.intime.billing.ReceivablesReport;
import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.identity.UserDirectory;
import io.intime.shared.Money;
import io.intime.shared.PageRequest;
import io.intime.shared.io.TableExport;
import io.intime.shared.web.ExportDownload;
import io.intime.shared.web.NavigationItem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finance's receivables page: the aging summary of the unpaid invoices of the accounts
 * the reader may see, filtered by account and owner, the accounts behind it, and its
 * export (CSV or XLSX, one row per account).
 */
@Controller
class ReceivablesPages {

	private static final int PAGE_SIZE = 50;

	private final ReceivablesReport receivables;

	private final AccountManagement accounts;

	private final UserDirectory users;

	ReceivablesPages(ReceivablesReport receivables, AccountManagement accounts, UserDirectory users) {
		this.receivables = receivables;
		this.accounts = accounts;
		this.users = users;
	}

	@Bean
	static NavigationItem receivablesNavigationItem() {
		return new NavigationItem("Receivables", "/receivables", "receipt", 20, ReceivablesReport.readerRoles());
	}

	@GetMapping("/receivables")
	String page(@RequestParam(required = false) Long accountId, @RequestParam(required = false) Long ownerId,
			@RequestParam(defaultValue = "0") int page, CurrentUser me, Model model) {
		Receivables shown = receivables.summary(accountId, ownerId, new PageRequest(Math.max(0, page), PAGE_SIZE), me);
		List<Choice> accountChoices = new ArrayList<>();
		if (accountId != null) {
			AccountDetails account = accounts.get(accountId, me);
			accountChoices.add(new Choice(account.id(), account.name()));
		}
		receivables.summary(null, ownerId, null, me)
			.accounts()
			.items()
			.stream()
			.filter(line -> accountId == null || line.accountId() != accountId)
			.map(line -> new Choice(line.accountId(), line.accountName()))
			.sorted(java.util.Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER))
			.forEach(accountChoices::add);
		model.addAttribute("receivables", shown);
		model.addAttribute("accountId", accountId);
		model.addAttribute("ownerId", ownerId);
		model.addAttribute("accountChoices", accountChoices);
		model.addAttribute("owners", receivables.seesEveryAccount(me)
				? users.withRoles(Role.ACCOUNT_MANAGER, Role.SALES_DIRECTOR, Role.EXECUTIVE) : List.of());
		return "billing/receivables";
	}

	/** An account the filter offers. */
	record Choice(Long id, String name) {
	}

	@GetMapping({ "/receivables/export", "/receivables/export.csv", "/receivables/export.xlsx" })
	void export(@RequestParam(required = false) Long accountId, @RequestParam(required = false) Long ownerId,
			@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, CurrentUser me,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		TableExport.Format chosen = ExportDownload.formatOf(request.getRequestURI(), format, accept);
		Receivables all = receivables.summary(accountId, ownerId, null, me);
		String in = " (" + all.reportingCurrency() + ")";
		List<String> columns = List.of("Account key", "Account", "Owner", "0–30 days" + in, "31–60 days" + in,
				"61–90 days" + in, "Over 90 days" + in, "Overdue" + in, "Disputed" + in, "Due this week" + in,
				"Unpaid" + in, "Invoice currencies");
		OutputStream out = ExportDownload.start(response, chosen,
				TableExport.filename("receivables", all.asOf(), chosen));
		try (TableExport.Writer table = TableExport.open(chosen, "Receivables", columns, out)) {
			for (Receivables.AccountLine line : all.accounts().items()) {
				table.row(List.of(text(line.accountKey()), line.accountName(), text(line.ownerName()),
						amount(line.days0To30()), amount(line.days31To60()), amount(line.days61To90()),
						amount(line.daysOver90()), amount(line.overdue()), amount(line.disputed()),
						amount(line.dueThisWeek()), amount(line.unpaid()), String.join(" ", line.currencies())));
			}
		}
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static java.math.BigDecimal amount(Money money) {
		return money.amount();
	}

}
