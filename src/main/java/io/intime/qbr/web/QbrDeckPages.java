package io.intime.qbr.web;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.qbr.QbrDocuments;
import io.intime.qbr.QbrTemplates;
import io.intime.qbr.QbrView;
import io.intime.qbr.Qbrs;
import io.intime.shared.InvalidInputException;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
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
 * A QBR's decks in the page: "Generate deck" (in the background, its progress polled),
 * the versions with their PPTX and PDF, "Download QBR deck" (the newest), "Start
 * presentation" (the newest PDF in the browser), and the admins' template page.
 */
@Controller
class QbrDeckPages {

	private final Qbrs qbrs;

	private final QbrDocuments documents;

	private final QbrTemplates templates;

	QbrDeckPages(Qbrs qbrs, QbrDocuments documents, QbrTemplates templates) {
		this.qbrs = qbrs;
		this.documents = documents;
		this.templates = templates;
	}

	@Bean
	static NavigationItem qbrTemplateNavigationItem() {
		return new NavigationItem("QBR template", "/qbrs/template", "file", 95, Set.of(Role.ADMIN.name()));
	}

	/** Queues a new version; htmx gets the deck card back, a plain form the page. */
	@PostMapping("/qbrs/{id}/decks")
	String generate(@PathVariable long id,
			@org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
			CurrentUser me, Model model) {
		documents.request(id, me);
		if (htmx == null) {
			return "redirect:/qbrs/" + id + "#deck";
		}
		return card(id, me, model);
	}

	/** The deck card, polled while a version is being made. */
	@GetMapping("/qbrs/{id}/decks")
	String card(@PathVariable long id, CurrentUser me, Model model) {
		QbrView qbr = qbrs.get(id, me);
		model.addAttribute("qbr", qbr);
		model.addAttribute("decks", documents.of(id, me));
		model.addAttribute("mayEdit", qbrs.mayEdit(qbr, me));
		return "qbr/deck-parts :: decks";
	}

	/**
	 * "Download QBR deck": the newest finished version's PPTX; without one, a version is
	 * queued and the page shows its progress.
	 */
	@GetMapping("/qbrs/{id}/deck")
	Object download(@PathVariable long id, @RequestParam(defaultValue = "pptx") String format, CurrentUser me,
			RedirectAttributes redirect) {
		List<QbrDocuments.Document> done = documents.of(id, me).stream().filter(QbrDocuments.Document::done).toList();
		if (done.isEmpty()) {
			QbrView qbr = qbrs.get(id, me);
			if (qbrs.mayEdit(qbr, me)) {
				documents.request(id, me);
				redirect.addFlashAttribute("toast", "The deck is being made; it is ready in a few seconds");
			}
			else {
				redirect.addFlashAttribute("flashError", "No deck has been made for this QBR yet");
			}
			return "redirect:/qbrs/" + id + "#deck";
		}
		return file(id, done.get(0).version(), format, false, me);
	}

	/** A version's file; the PDF opens in the browser ("Start presentation"). */
	@GetMapping("/qbrs/{id}/decks/v{version}.{format}")
	ResponseEntity<byte[]> version(@PathVariable long id, @PathVariable int version, @PathVariable String format,
			@RequestParam(defaultValue = "false") boolean inline, CurrentUser me) {
		return file(id, version, format, inline, me);
	}

	private ResponseEntity<byte[]> file(long id, int version, String format, boolean inline, CurrentUser me) {
		QbrDocuments.File file = documents.file(id, version, format, me);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					(inline ? ContentDisposition.inline() : ContentDisposition.attachment()).filename(file.name())
						.build()
						.toString())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

	// ------------------------------------------------------------------ the template

	@GetMapping("/qbrs/template")
	String template(CurrentUser me, Model model) {
		if (!me.hasRole(Role.ADMIN)) {
			throw new org.springframework.security.access.AccessDeniedException(
					"Admins keep the organization's QBR template");
		}
		model.addAttribute("template", templates.inUse());
		return "qbr/template";
	}

	@PostMapping("/qbrs/template")
	String upload(@RequestParam(required = false) MultipartFile file, CurrentUser me, Model model,
			RedirectAttributes redirect, jakarta.servlet.http.HttpServletResponse response) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInputException("template", "Choose a PowerPoint file (.pptx) to upload");
			}
			QbrTemplates.Template saved = templates.upload(file.getBytes(), file.getOriginalFilename(), me);
			redirect.addFlashAttribute("toast", "QBR decks now use " + saved.fileName());
			return "redirect:/qbrs/template";
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			model.addAttribute("template", templates.inUse());
			model.addAttribute("problem", refused.errors().get(0).message());
			return "qbr/template";
		}
	}

	@PostMapping("/qbrs/template/remove")
	String removeTemplate(CurrentUser me, RedirectAttributes redirect) {
		templates.remove(me);
		redirect.addFlashAttribute("toast", "QBR decks use the built-in look again");
		return "redirect:/qbrs/template";
	}

}
