package io.intime.identity.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; the form posts to Spring Security's /login. */
@Controller
class LoginPage {

	private final boolean demo;

	LoginPage(@Value("${intime.demo:false}") boolean demo) {
		this.demo = demo;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("demo", demo);
		return "identity/login";
	}

}
