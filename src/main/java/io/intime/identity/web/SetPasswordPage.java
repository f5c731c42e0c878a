package io.intime.identity.web;

import io.intime.identity.CurrentUser;
import io.intime.identity.UserAdministration;
import io.intime.identity.UserAdministration.LinkCheck;
import io.intime.identity.UserAdministration.Purpose;
import io.intime.identity.security.PageSignIn;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import io.intime.shared.web.FormErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an invited person, or one whose password an admin reset, sets their password
 * through the one-use link the admin sent them. Opening the link changes nothing (mail
 * scanners follow links); a link that is spent, revoked or expired gets a page that says
 * so.
 */
@Controller
class SetPasswordPage {

	private final UserAdministration administration;

	private final PageSignIn signIn;

	SetPasswordPage(UserAdministration administration, PageSignIn signIn) {
		this.administration = administration;
		this.signIn = signIn;
	}

	@GetMapping("/invite/{token}")
	String invitation(@PathVariable String token, Model model, HttpServletResponse response) {
		return show(Purpose.INVITATION, token, model, response);
	}

	@PostMapping("/invite/{token}")
	String accept(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String confirmPassword, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return set(Purpose.INVITATION, token, password, confirmPassword, model, request, response);
	}

	@GetMapping("/reset-password/{token}")
	String reset(@PathVariable String token, Model model, HttpServletResponse response) {
		return show(Purpose.RESET, token, model, response);
	}

	@PostMapping("/reset-password/{token}")
	String setAfterReset(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String confirmPassword, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		return set(Purpose.RESET, token, password, confirmPassword, model, request, response);
	}

	private String show(Purpose purpose, String token, Model model, HttpServletResponse response) {
		LinkCheck check = administration.check(purpose, token);
		return check.usable() ? form(model, check, token, FormErrors.none()) : refused(model, check, response);
	}

	private String set(Purpose purpose, String token, String password, String confirmation, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			CurrentUser user = administration.setPassword(purpose, token, password, confirmation);
			signIn.signIn(user, request, response);
			return "redirect:/";
		}
		catch (InvalidInputException e) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return form(model, administration.check(purpose, token), token, FormErrors.of(e.errors()));
		}
		catch (NotFoundException e) {
			return refused(model, administration.check(purpose, token), response);
		}
	}

	private static String form(Model model, LinkCheck check, String token, FormErrors errors) {
		if (!check.usable()) {
			throw new NotFoundException("Link", 0);
		}
		model.addAttribute("action", (check.purpose() == Purpose.INVITATION ? "/invite/" : "/reset-password/") + token);
		model.addAttribute("link", check);
		model.addAttribute("invitation", check.purpose() == Purpose.INVITATION);
		model.addAttribute("errors", errors);
		return "identity/set-password";
	}

	private static String refused(Model model, LinkCheck check, HttpServletResponse response) {
		response.setStatus(check.state() == LinkCheck.State.UNKNOWN ? HttpServletResponse.SC_NOT_FOUND
				: HttpServletResponse.SC_GONE);
		model.addAttribute("link", check);
		model.addAttribute("invitation", check.purpose() == Purpose.INVITATION);
		return "identity/link-refused";
	}

}
