package io.intime.identity.web;

import java.io.IOException;
import java.util.Map;

import io.intime.identity.CurrentUser;
import io.intime.identity.UserDirectory;
import io.intime.identity.security.ApiTokenService;
import io.intime.identity.security.ApiTokenService.IssuedToken;
import io.intime.identity.security.UserSessions;
import io.intime.shared.InvalidInputException;
import io.intime.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import io.intime.shared.Today;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The signed-in user's own page: who they are, their password, and their personal API
 * tokens. A new token's secret travels to the page once, as a flash attribute (never in a
 * URL), and is gone on the next load.
 */
@Controller
class ProfilePage {

	private final UserDirectory users;

	private final ApiTokenService tokens;

	private final UserSessions sessions;

	private final Today time;

	ProfilePage(UserDirectory users, ApiTokenService tokens, UserSessions sessions, Today time) {
		this.users = users;
		this.tokens = tokens;
		this.sessions = sessions;
		this.time = time;
	}

	/**
	 * A token just created, as the page shows it once (a flash attribute: serializable,
	 * since the session is kept in PostgreSQL).
	 */
	record NewToken(String name, String secret) implements java.io.Serializable {
	}

	@GetMapping("/profile")
	String profile(CurrentUser me, Model model) {
		return render(me, model);
	}

	@PostMapping("/profile/tokens")
	String createToken(CurrentUser me, @RequestParam(defaultValue = "") String name, Model model,
			RedirectAttributes redirect) {
		try {
			IssuedToken issued = tokens.create(me, name);
			redirect.addFlashAttribute("newToken", new NewToken(issued.token().name(), issued.secret()));
			return "redirect:/profile#tokens";
		}
		catch (InvalidInputException e) {
			model.addAttribute("tokenName", name);
			model.addAttribute("tokenErrors", PageErrors.of(e.errors()));
			return render(me, model);
		}
	}

	@PostMapping("/profile/tokens/{id}/revoke")
	String revokeToken(CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		String name = tokens.list(me)
			.stream()
			.filter(token -> token.id() == id)
			.findFirst()
			.map(ApiTokenService.TokenView::name)
			.orElseThrow(() -> new NotFoundException("API token", id));
		tokens.revoke(me, id);
		redirect.addFlashAttribute("toast", "Token “" + name + "” revoked: it no longer signs in");
		return "redirect:/profile#tokens";
	}

	@PostMapping("/profile/password")
	String changePassword(CurrentUser me, @RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String newPassword,
			@RequestParam(defaultValue = "") String confirmPassword, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		try {
			users.changeOwnPassword(me, currentPassword, newPassword, confirmPassword);
			HttpSession session = request.getSession(false);
			int ended = sessions.endOtherSessions(me, session == null ? null : session.getId());
			redirect.addFlashAttribute("toast", ended == 0 ? "Password changed"
					: "Password changed; signed out of " + ended + (ended == 1 ? " other session" : " other sessions"));
			redirect.addFlashAttribute("passwordChanged", true);
			return "redirect:/profile#password";
		}
		catch (InvalidInputException e) {
			model.addAttribute("passwordErrors", PageErrors.of(e.errors()));
			return render(me, model);
		}
	}

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

	private String render(CurrentUser me, Model model) {
		model.addAttribute("profile", users.find(me.id()).orElseThrow(() -> new NotFoundException("User", me.id())));
		model.addAttribute("zone", me.timeZone());
		model.addAttribute("tokens", tokens.list(me));
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		model.addAttribute("now", time.now(me.timeZone()));
		if (!model.containsAttribute("tokenErrors")) {
			model.addAttribute("tokenErrors", Map.of());
		}
		if (!model.containsAttribute("passwordErrors")) {
			model.addAttribute("passwordErrors", Map.of());
		}
		return "identity/profile";
	}

}
