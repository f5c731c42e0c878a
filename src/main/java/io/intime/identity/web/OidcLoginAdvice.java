package io.intime.identity.web;

import io.intime.identity.security.OidcSignIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the sign-in page needs to know about the identity provider: its name for the
 * button (none when it is not configured), whether the password form is shown, and the
 * message of a sign-in with the provider that was refused (read once).
 */
@ControllerAdvice(assignableTypes = LoginPage.class)
class OidcLoginAdvice {

	private final String providerName;

	private final boolean passwordLogin;

	OidcLoginAdvice(@Value("${intime.oidc.issuer-uri:}") String issuer,
			@Value("${intime.oidc.name:your identity provider}") String name,
			@Value("${intime.security.password-login:true}") boolean passwordLogin) {
		this.providerName = StringUtils.hasText(issuer) ? name : null;
		this.passwordLogin = passwordLogin;
	}

	@ModelAttribute
	void identityProvider(Model model, HttpServletRequest request) {
		model.addAttribute("oidcName", providerName);
		model.addAttribute("passwordLogin", passwordLogin);
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(OidcSignIn.MESSAGE_ATTRIBUTE) instanceof String message) {
			session.removeAttribute(OidcSignIn.MESSAGE_ATTRIBUTE);
			model.addAttribute("oidcError", message);
		}
	}

}
