package io.intime.accounts.web;

import java.io.IOException;
import java.util.List;

import io.intime.accounts.io.AccountImport;
import io.intime.accounts.io.ContactImport;
import io.intime.identity.AuditTrail;
import io.intime.identity.CurrentUser;
import io.intime.shared.io.ImportPreview;
import io.intime.shared.io.ImportResult;
import io.intime.shared.io.ImportRow;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV import of accounts and contacts: upload, a preview of every row with its errors,
 * then an all-or-nothing import of a file whose rows are all valid. Between preview and
 * import the file waits in the database ({@link PendingImports}); the import reads and
 * checks it again.
 */
@Controller
class ImportPages {

	/** The most created records the success message lists by name. */
	private static final int LISTED = 25;

	/**
	 * The preview's table shows the first valid rows and the first rows with errors, up
	 * to these numbers, in file order: a browser takes about a second per thousand rows,
	 * and nearly a minute for a full 20,000-row file. Every row is checked and counted
	 * all the same.
	 */
	private static final int SHOWN_FIRST = 1_000;

	private static final int SHOWN_ERRORS = 1_000;

	private final AccountImport accountImport;

	private final ContactImport contactImport;

	private final PendingImports pending;

	private final AuditTrail audit;

	ImportPages(AccountImport accountImport, ContactImport contactImport, PendingImports pending, AuditTrail audit) {
		this.accountImport = accountImport;
		this.contactImport = contactImport;
		this.pending = pending;
		this.audit = audit;
	}

	/** What the page says after a successful import. */
	record Done(String summary, List<ImportResult.Created> listed, int more) implements java.io.Serializable {
	}

	@GetMapping("/import")
	String index(CurrentUser me, @RequestParam(defaultValue = "") String kind, Model model) {
		ImportKind chosen = ImportKind.of(kind)
			.orElse(accountImport.allowed(me) ? ImportKind.ACCOUNTS : ImportKind.CONTACTS);
		return index(me, chosen, model);
	}

	@PostMapping("/import/preview")
	String preview(CurrentUser me, @RequestParam(defaultValue = "") String kind,
			@RequestParam(required = false) MultipartFile file, Model model, HttpServletResponse response)
			throws IOException {
		ImportKind chosen = ImportKind.of(kind).orElse(null);
		if (chosen == null) {
			model.addAttribute("problem", "Choose what the file holds: accounts or contacts");
			return index(me, ImportKind.ACCOUNTS, model);
		}
		if (!allowed(me, chosen)) {
			return refuse(me, chosen, "POST /import/preview", model, response);
		}
		if (file == null || file.isEmpty()) {
			model.addAttribute("problem", "Choose a CSV file to upload");
			return index(me, chosen, model);
		}
		if (file.getSize() > ImportPreview.MAX_BYTES) {
			model.addAttribute("problem",
					"“" + file.getOriginalFilename() + "” is larger than 5 MB; split it into smaller files");
			return index(me, chosen, model);
		}
		byte[] content = file.getBytes();
		ImportPreview preview = previewOf(chosen, content, me);
		String filename = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv"
				: file.getOriginalFilename();
		String uploadId = preview.importable() ? pending.put(chosen, me.id(), filename, content) : null;
		return previewPage(chosen, preview, filename, uploadId, null, model);
	}

	@PostMapping("/import/confirm")
	String confirm(CurrentUser me, @RequestParam(defaultValue = "") String kind,
			@RequestParam(defaultValue = "") String upload, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		ImportKind chosen = ImportKind.of(kind).orElse(ImportKind.ACCOUNTS);
		if (!allowed(me, chosen)) {
			return refuse(me, chosen, "POST /import/confirm", model, response);
		}
		var file = pending.take(upload, chosen, me.id());
		if (file.isEmpty()) {
			model.addAttribute("problem", "That upload is no longer waiting: it was imported already, or it waited "
					+ "longer than 8 hours. Upload the file again to see its preview.");
			return index(me, chosen, model);
		}
		ImportResult result = chosen == ImportKind.ACCOUNTS ? accountImport.importAll(file.get().content(), me)
				: contactImport.importAll(file.get().content(), me);
		if (!result.succeeded()) {
			String uploadId = null;
			if (!result.preview().rows().isEmpty() && result.preview().rowsWithErrors() == 0) {
				// Every row was valid: the database refused (a conflict, a lost
				// connection); the
				// same file may be tried again.
				pending.putBack(file.get());
				uploadId = file.get().id();
			}
			return previewPage(chosen, result.preview(), file.get().filename(), uploadId,
					"Nothing was imported. Nothing has been saved; see what stopped the import below.", model);
		}
		List<ImportResult.Created> created = result.created();
		redirect.addFlashAttribute("done",
				new Done("Imported " + chosen.count(created.size()) + " from “" + file.get().filename() + "”",
						List.copyOf(created.subList(0, Math.min(LISTED, created.size()))),
						Math.max(0, created.size() - LISTED)));
		redirect.addFlashAttribute("toast", "Imported " + chosen.count(created.size()));
		return "redirect:/import?kind=" + chosen.slug();
	}

	@GetMapping("/import/template/{kind}.csv")
	ResponseEntity<byte[]> template(@PathVariable String kind) {
		ImportKind chosen = ImportKind.of(kind).orElse(null);
		if (chosen == null) {
			return ResponseEntity.notFound().build();
		}
		byte[] csv = chosen == ImportKind.ACCOUNTS ? accountImport.template() : contactImport.template();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(chosen.slug() + ".csv").build().toString())
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.body(csv);
	}

	private boolean allowed(CurrentUser me, ImportKind kind) {
		return kind == ImportKind.ACCOUNTS ? accountImport.allowed(me) : contactImport.allowed(me);
	}

	/**
	 * The page with a clear refusal instead of the bare 403 page; the refusal is audited
	 * like any other.
	 */
	private String refuse(CurrentUser me, ImportKind kind, String what, Model model, HttpServletResponse response) {
		String reason = kind == ImportKind.ACCOUNTS
				? "Only executives, sales directors and admins create accounts, so your role cannot import accounts."
				: "Your role cannot add contacts, so it cannot import them.";
		audit.recordDenied(what, kind.plural() + " import: " + reason, me);
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		model.addAttribute("problem", reason + (kind == ImportKind.ACCOUNTS && contactImport.allowed(me)
				? " You can import contacts at existing accounts." : ""));
		return index(me, kind, model);
	}

	private ImportPreview previewOf(ImportKind kind, byte[] content, CurrentUser me) {
		return kind == ImportKind.ACCOUNTS ? accountImport.preview(content, me) : contactImport.preview(content, me);
	}

	private String index(CurrentUser me, ImportKind kind, Model model) {
		ImportKind other = kind == ImportKind.ACCOUNTS ? ImportKind.CONTACTS : ImportKind.ACCOUNTS;
		model.addAttribute("kind", !allowed(me, kind) && allowed(me, other) ? other.slug() : kind.slug());
		model.addAttribute("canAccounts", accountImport.allowed(me));
		model.addAttribute("canContacts", contactImport.allowed(me));
		model.addAttribute("accountColumns", accountImport.describeColumns());
		model.addAttribute("contactColumns", contactImport.describeColumns());
		model.addAttribute("maxRows", ImportPreview.MAX_ROWS);
		return "imports/index";
	}

	private String previewPage(ImportKind kind, ImportPreview preview, String filename, String uploadId, String failure,
			Model model) {
		model.addAttribute("kind", kind.slug());
		model.addAttribute("kindLabel", kind.plural());
		model.addAttribute("preview", preview);
		model.addAttribute("filename", filename);
		model.addAttribute("uploadId", uploadId);
		model.addAttribute("failure", failure);
		model.addAttribute("rowsLabel",
				String.format(java.util.Locale.US, "%,d", preview.total()) + (preview.total() == 1 ? " row" : " rows"));
		model.addAttribute("confirmLabel", "Import " + kind.count(preview.total()));
		List<ImportRow> shown = new java.util.ArrayList<>();
		int valid = 0;
		int invalid = 0;
		for (ImportRow row : preview.rows()) {
			if (row.hasErrors() ? invalid++ < SHOWN_ERRORS : valid++ < SHOWN_FIRST) {
				shown.add(row);
			}
		}
		model.addAttribute("shownRows", shown);
		model.addAttribute("hiddenRows", preview.total() - shown.size());
		model.addAttribute("errorRows", preview.rows().stream().filter(ImportRow::hasErrors).limit(100).toList());
		model.addAttribute("notedRows",
				preview.rows().stream().filter(row -> !row.notes().isEmpty()).limit(200).toList());
		return "imports/preview";
	}

}
