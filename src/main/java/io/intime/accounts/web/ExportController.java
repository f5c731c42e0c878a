package io.intime.accounts.web;

import java.io.IOException;
import java.io.OutputStream;

import io.intime.accounts.io.AccountExport;
import io.intime.identity.CurrentUser;
import io.intime.shared.Today;
import io.intime.shared.io.TableExport;
import io.intime.shared.web.ExportDownload;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Downloads of the accounts a user may export and of their contacts, in the import's
 * format: CSV (UTF-8 with a byte order mark, so that Excel shows accented names right) or
 * XLSX with real numeric and date cells. The format is the path's extension
 * ({@code export.xlsx}), else {@code ?format=xlsx}, else the {@code Accept} header, else
 * CSV. Reachable with a session, HTTP Basic or an API token.
 */
@Controller
class ExportController {

	private final AccountExport export;

	private final Today time;

	ExportController(AccountExport export, Today time) {
		this.export = export;
		this.time = time;
	}

	@GetMapping({ "/accounts/export", "/accounts/export.csv", "/accounts/export.xlsx" })
	void accounts(CurrentUser me, @RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		TableExport.Format chosen = ExportDownload.formatOf(request.getRequestURI(), format, accept);
		export.writeAccounts(me, chosen, start(response, chosen, "accounts", time.today(me.timeZone())));
	}

	@GetMapping({ "/accounts/contacts-export", "/accounts/contacts-export.csv", "/accounts/contacts-export.xlsx" })
	void contacts(CurrentUser me, @RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		TableExport.Format chosen = ExportDownload.formatOf(request.getRequestURI(), format, accept);
		export.writeContacts(me, chosen, start(response, chosen, "contacts", time.today(me.timeZone())));
	}

	private static OutputStream start(HttpServletResponse response, TableExport.Format format, String stem,
			java.time.LocalDate day) throws IOException {
		return ExportDownload.start(response, format, TableExport.filename(stem, day, format));
	}

}
