package io.intime.accounts.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.intime.accounts.AccountExport;
import io.intime.identity.CurrentUser;
import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * CSV downloads of the accounts a user may export and of their contacts, in the import's
 * format. UTF-8 with a byte order mark, so that Excel shows accented names right. Reachable
 * with a session, HTTP Basic or an API token.
 */
@Controller
class ExportController {

    private final AccountExport export;
    private final Today time;

    ExportController(AccountExport export, Today time) {
        this.export = export;
        this.time = time;
    }

    @GetMapping("/accounts/export.csv")
    void accounts(CurrentUser me, HttpServletResponse response) throws IOException {
        export.writeAccounts(me, start(response, "accounts-" + time.today(me.timeZone()) + ".csv"));
    }

    @GetMapping("/accounts/contacts-export.csv")
    void contacts(CurrentUser me, HttpServletResponse response) throws IOException {
        export.writeContacts(me, start(response, "contacts-" + time.today(me.timeZone()) + ".csv"));
    }

    private static Writer start(HttpServletResponse response, String filename) throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString());
        Writer out = response.getWriter();
        out.write('\uFEFF');
        return out;
    }
}
