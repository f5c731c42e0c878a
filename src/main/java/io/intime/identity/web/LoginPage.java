package io.intime.identity.web;

import io.intime.identity.UserAdministration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's /login. */
@Controller
class LoginPage {

	private final boolean demo;

	private final UserAdministration administration;

	LoginPage(@Value("${intime.demo:false}") boolean demo, UserAdministration administration) {
		this.demo = demo;
		this.administration = administration;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", demo);
		model.addAttribute("firmName", administration.firmName().orElse(null));
		return "identity/login";
	}

}
