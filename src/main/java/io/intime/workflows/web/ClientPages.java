package io.intime.workflows.web;

import java.util.Map;

import io.intime.shared.InvalidInputException;
import io.intime.shared.web.FormErrors;
import io.intime.workflows.ClientLinks.Refusal;
import io.intime.workflows.ClientParticipation;
import io.intime.workflows.ClientParticipation.ClientPage;
import io.intime.workflows.ClientParticipation.LinkRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a client stakeholder reaches through their link, without signing in: the
 * firm's name, their one step, and its form. Opening it changes nothing; each action is a
 * POST of the person's own. A link that does not open gets a clear page (404 for a link
 * we do not know or that was altered, 410 for one expired or withdrawn), never the app.
 */
@Controller
class ClientPages {

	private final ClientParticipation participation;

	ClientPages(ClientParticipation participation) {
		this.participation = participation;
	}

	@GetMapping("/client/{token}")
	String open(@PathVariable String token, Model model, HttpServletResponse response) {
		return page(token, model, response, FormErrors.none(), Map.of(), null);
	}

	@PostMapping("/client/{token}/submit")
	String submit(@PathVariable String token, @RequestParam Map<String, String> params, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> values = StepValues.fields(params);
		return act(token, model, request, response, values,
				() -> participation.submit(token, values, ip(request), request.getHeader("User-Agent")),
				"Thank you: your answers were sent.");
	}

	@PostMapping("/client/{token}/decide")
	String decide(@PathVariable String token, @RequestParam(required = false) String option,
			@RequestParam Map<String, String> params, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, String> values = StepValues.fields(params);
		return act(token, model, request, response, values,
				() -> participation.decide(token, option, values, ip(request), request.getHeader("User-Agent")),
				"Thank you: your decision was recorded.");
	}

	@PostMapping("/client/{token}/acknowledge")
	String acknowledge(@PathVariable String token, @RequestParam(required = false) String confirm, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return act(
				token, model, request, response, Map.of(), () -> participation.acknowledge(token,
						"true".equals(confirm), ip(request), request.getHeader("User-Agent")),
				"Thank you: your acknowledgement was recorded.");
	}

	@PostMapping("/client/{token}/upload")
	String upload(@PathVariable String token,
			@RequestParam(name = "file",
					required = false) java.util.List<org.springframework.web.multipart.MultipartFile> uploads,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		java.util.List<ClientParticipation.Upload> given = Uploads.of(uploads);
		return act(token, model, request, response, Map.of(),
				() -> participation.upload(token, given, ip(request), request.getHeader("User-Agent")),
				"Thank you: your files were received.");
	}

	@PostMapping("/client/{token}/sign")
	String sign(@PathVariable String token, @RequestParam(required = false) String consent,
			@RequestParam(required = false) String typedName, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return act(token, model, request, response, Map.of("typedName", typedName == null ? "" : typedName),
				() -> participation.sign(token, "true".equals(consent), typedName, ip(request),
						request.getHeader("User-Agent")),
				"Thank you: you signed the document.");
	}

	@PostMapping("/client/{token}/decline")
	String decline(@PathVariable String token, @RequestParam(required = false) String reason, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		return act(token, model, request, response, Map.of("reason", reason == null ? "" : reason),
				() -> participation.decline(token, reason, ip(request), request.getHeader("User-Agent")),
				"You declined to sign. We have told your account manager.");
	}

	/** Opens one of the page's files (a POST: it records that the person opened it). */
	@PostMapping("/client/{token}/files/{fileId}")
	org.springframework.http.ResponseEntity<byte[]> openFile(@PathVariable String token, @PathVariable long fileId,
			HttpServletRequest request) {
		return inline(participation.openFile(token, fileId, ip(request), request.getHeader("User-Agent")));
	}

	/**
	 * The document to sign (or, once signed, the signed one), for the page's viewer:
	 * reading changes nothing.
	 */
	@GetMapping({ "/client/{token}/document", "/client/{token}/signed" })
	org.springframework.http.ResponseEntity<byte[]> document(@PathVariable String token, HttpServletRequest request) {
		return inline(participation.document(token, request.getRequestURI().endsWith("/signed")));
	}

	static org.springframework.http.ResponseEntity<byte[]> inline(ClientParticipation.FileContent file) {
		return org.springframework.http.ResponseEntity.ok()
			.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
					org.springframework.http.ContentDisposition.inline()
						.filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8)
						.build()
						.toString())
			// the page shows the PDF in a frame of its own origin
			.header("X-Frame-Options", "SAMEORIGIN")
			.header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'self'; sandbox")
			.header("X-Content-Type-Options", "nosniff")
			.contentType(org.springframework.http.MediaType.parseMediaType(file.contentType()))
			.body(file.content());
	}

	String act(String token, Model model, HttpServletRequest request, HttpServletResponse response,
			Map<String, String> values, Runnable action, String thanks) {
		try {
			action.run();
			model.addAttribute("thanks", thanks);
			return page(token, model, response, FormErrors.none(), Map.of(), thanks);
		}
		catch (InvalidInputException refused) {
			response.setStatus(422);
			return page(token, model, response, FormErrors.of(refused.errors()), values, null);
		}
		catch (LinkRefusedException refused) {
			return refusedPage(refused.refusal(), model, response);
		}
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(LinkRefusedException.class)
	String refused(LinkRefusedException refused, Model model, HttpServletResponse response) {
		return refusedPage(refused.refusal(), model, response);
	}

	String page(String token, Model model, HttpServletResponse response, FormErrors errors, Map<String, String> typed,
			String thanks) {
		ClientPage page = participation.open(token);
		if (page.refused()) {
			return refusedPage(page.refusal(), model, response);
		}
		model.addAttribute("page", page);
		model.addAttribute("token", token);
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("thanks", thanks);
		model.addAttribute("fields", page.step().fields());
		model.addAttribute("idPrefix", "c");
		return "workflows/client";
	}

	private String refusedPage(Refusal refusal, Model model, HttpServletResponse response) {
		response.setStatus(refusal.httpStatus());
		model.addAttribute("refusal", refusal);
		model.addAttribute("organization", participation.organizationName());
		return "workflows/client-refused";
	}

	/**
	 * The client's address as the server saw it (a proxy's X-Forwarded-For is applied by
	 * the server's settings).
	 */
	static String ip(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

}
