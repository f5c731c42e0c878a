package io.intime.qbr.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.qbr.QbrDocuments;
import io.intime.qbr.QbrTemplates;
import io.intime.shared.InvalidInputException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * QBR decks through the API: queue a version (202, then poll it), list and read versions,
 * download a version's file, a preview made now and not kept, and the organization's
 * template (admins).
 */
@RestController
@RequestMapping("/api/v1")
class QbrDeckApi {

	private final QbrDocuments documents;

	private final QbrTemplates templates;

	QbrDeckApi(QbrDocuments documents, QbrTemplates templates) {
		this.documents = documents;
		this.templates = templates;
	}

	@PostMapping("/qbrs/{id}/decks")
	ResponseEntity<QbrDocuments.Document> generate(@PathVariable long id, CurrentUser me) {
		QbrDocuments.Document queued = documents.request(id, me);
		return ResponseEntity.accepted()
			.location(URI.create("/api/v1/qbrs/" + id + "/decks/" + queued.id()))
			.body(queued);
	}

	@GetMapping("/qbrs/{id}/decks")
	List<QbrDocuments.Document> decks(@PathVariable long id, CurrentUser me) {
		return documents.of(id, me);
	}

	@GetMapping("/qbrs/{id}/decks/{documentId}")
	QbrDocuments.Document deck(@PathVariable long id, @PathVariable long documentId, CurrentUser me) {
		return documents.get(id, documentId, me);
	}

	/** A finished version's PPTX ({@code format=pptx}, the default) or PDF. */
	@GetMapping("/qbrs/{id}/decks/{documentId}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long documentId,
			@RequestParam(defaultValue = "pptx") String format, CurrentUser me) {
		QbrDocuments.Document d = documents.get(id, documentId, me);
		return send(documents.file(id, d.version(), format, me));
	}

	/**
	 * The deck made now from the facts and not kept: {@code preview.pptx} or
	 * {@code preview.pdf}.
	 */
	@GetMapping("/qbrs/{id}/deck/preview.{format}")
	ResponseEntity<byte[]> preview(@PathVariable long id, @PathVariable String format, CurrentUser me) {
		if (!"pptx".equals(format) && !"pdf".equals(format)) {
			throw new InvalidInputException("format", "must be pptx or pdf");
		}
		return send(documents.preview(id, format, me));
	}

	/** Puts the organization's PowerPoint template in use (admins). */
	@PutMapping(path = "/qbr-template", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	QbrTemplates.Template upload(@RequestParam(required = false) MultipartFile file, CurrentUser me)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidInputException("template", "Choose a PowerPoint file (.pptx) to upload");
		}
		return templates.upload(file.getBytes(), file.getOriginalFilename(), me);
	}

	private static ResponseEntity<byte[]> send(QbrDocuments.File file) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString())
			.contentType(MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

}
