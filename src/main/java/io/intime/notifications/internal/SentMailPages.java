package io.intime.notifications.internal;

import java.util.Set;

import io.intime.identity.CurrentUser;
import io.intime.identity.Role;
import io.intime.shared.NotFoundException;
import io.intime.shared.PageRequest;
import io.intime.shared.web.NavigationItem;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Sent mail" (admins, embedded default only): every message the in-process SMTP server
 * received, shown as its recipient would see it. The HTML part is served from its own URL
 * into a sandboxed frame with a content security policy that runs no script and loads
 * nothing, so a message cannot act on the admin's session.
 */
@Controller
@RequestMapping("/admin/mail")
@Conditional(EmbeddedMailServer.Embedded.class)
class SentMailPages {

	private static final int PAGE_SIZE = 50;

	private final SentMail mail;

	SentMailPages(SentMail mail) {
		this.mail = mail;
	}

	@Bean
	static NavigationItem sentMailNavigationItem() {
		return new NavigationItem("Sent mail", "/admin/mail", "mail", 92, Set.of(Role.ADMIN.name()));
	}

	@GetMapping
	String list(@RequestParam(required = false) String to, @RequestParam(defaultValue = "0") int page, CurrentUser me,
			Model model) {
		model.addAttribute("to", to == null ? "" : to);
		model.addAttribute("messages", mail.list(to, new PageRequest(Math.max(0, page), PAGE_SIZE)));
		return "notifications/sent-mail";
	}

	@GetMapping("/{id}")
	String show(@PathVariable long id, @RequestParam(defaultValue = "html") String view, CurrentUser me, Model model) {
		SentMail.Message message = mail.find(id).orElseThrow(() -> new NotFoundException("Message", id));
		model.addAttribute("message", message);
		model.addAttribute("view", message.html() == null || "text".equals(view) ? "text" : "html");
		return "notifications/sent-mail-message";
	}

	@GetMapping(value = "/{id}/html", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> html(@PathVariable long id) {
		SentMail.Message message = mail.find(id).orElseThrow(() -> new NotFoundException("Message", id));
		return ResponseEntity.ok()
			.header("Content-Security-Policy",
					"default-src 'none'; img-src data:; style-src 'unsafe-inline'; sandbox allow-popups allow-popups-to-escape-sandbox; frame-ancestors 'self'")
			.header("X-Frame-Options", "SAMEORIGIN")
			.contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
			.body(message.html() == null ? "" : message.html());
	}

	@GetMapping("/{id}/raw")
	ResponseEntity<byte[]> raw(@PathVariable long id) {
		SentMail.Message message = mail.find(id).orElseThrow(() -> new NotFoundException("Message", id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("message-" + id + ".eml").build().toString())
			.contentType(MediaType.parseMediaType("message/rfc822"))
			.body(message.raw());
	}

	@org.springframework.web.bind.annotation.ExceptionHandler(NotFoundException.class)
	void notFound(jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
		response.sendError(jakarta.servlet.http.HttpServletResponse.SC_NOT_FOUND);
	}

}
