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
		response.setStatus(refusal == Refusal.EXPIRED || refusal == Refusal.REVOKED ? 410 : 404);
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
