package io.intime.engagement.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

import io.intime.engagement.InboundEmails;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The inbound email webhook, in the shape mail providers post (sender, recipients,
 * subject, text, HTML, attachments in base64), authenticated by the shared secret of
 * {@code intime.mail.inbound-secret} in the {@code X-Inbound-Secret} header. 202 with the
 * activity the message was filed as, or {@code UNMATCHED} when no account knows the
 * sender; 401 for a wrong secret; 503 when no secret is configured.
 */
@RestController
class InboundEmailApi {

	private final InboundEmails inbound;

	private final String secret;

	InboundEmailApi(InboundEmails inbound, @Value("${intime.mail.inbound-secret:}") String secret) {
		this.inbound = inbound;
		this.secret = secret;
	}

	@PostMapping("/api/v1/inbound/email")
	ResponseEntity<?> receive(@RequestHeader(value = "X-Inbound-Secret", required = false) String given,
			@RequestBody InboundEmails.InboundMessage message) {
		if (secret.isBlank()) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE,
					"Inbound email is not configured: set intime.mail.inbound-secret");
		}
		if (given == null || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
				given.getBytes(StandardCharsets.UTF_8))) {
			return problem(HttpStatus.UNAUTHORIZED, "The X-Inbound-Secret header is missing or wrong");
		}
		InboundEmails.Filed filed = inbound.receive(message);
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("status", filed.activityId() == null ? "UNMATCHED" : "PENDING_REVIEW");
		json.put("activityId", filed.activityId());
		json.put("accountId", filed.accountId());
		json.put("contactId", filed.contactId());
		json.put("criticalWord", filed.criticalWord());
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(json);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		return ResponseEntity.status(status).body(problem);
	}

}
