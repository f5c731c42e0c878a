package io.intime.identity.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.intime.identity.CurrentUser;
import io.intime.identity.FirstAdministrator;
import io.intime.identity.SetupForm;
import io.intime.identity.security.PageSignIn;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The first administrator's setup, reached by the one-time link a start with no users
 * logs. Without that link's token, or once anyone exists, it is not there (404).
 */
@Controller
class SetupPage {

	private static final Set<String> ZONES = new TreeSet<>(ZoneId.getAvailableZoneIds());

	private final FirstAdministrator first;

	private final PageSignIn signIn;

	SetupPage(FirstAdministrator first, PageSignIn signIn) {
		this.first = first;
		this.signIn = signIn;
	}

	@GetMapping("/setup")
	String form(@RequestParam(required = false) String token, Model model) {
		if (!first.setupOpen(token)) {
			throw new NotFoundException("Setup", 0);
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String field : new String[] { "firmName", "fullName", "email" }) {
			values.put(field, "");
		}
		values.put("timeZone", "UTC");
		return page(model, token, values, FormErrors.none());
	}

	@PostMapping("/setup")
	String setup(@RequestParam(required = false) String token, @RequestParam Map<String, String> params, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (!first.setupOpen(token)) {
			throw new NotFoundException("Setup", 0);
		}
		SetupForm form = new SetupForm(params.get("firmName"), params.get("fullName"), params.get("email"),
				params.get("timeZone"), params.get("password"), params.get("confirmPassword"));
		try {
			CurrentUser admin = first.completeSetup(token, form);
			signIn.signIn(admin, request, response);
			return "redirect:/";
		}
		catch (InvalidInputException e) {
			Map<String, String> values = new LinkedHashMap<>();
			for (String field : new String[] { "firmName", "fullName", "email", "timeZone" }) {
				values.put(field, params.getOrDefault(field, ""));
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(model, token, values, FormErrors.of(e.errors()));
		}
	}

	private static String page(Model model, String token, Map<String, String> values, FormErrors errors) {
		model.addAttribute("token", token);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("zones", ZONES);
		return "identity/setup";
	}

}
