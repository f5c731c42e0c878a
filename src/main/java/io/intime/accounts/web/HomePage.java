package io.intime.accounts.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the accounts list. */
@Controller
class HomePage {

	@GetMapping("/")
	String home() {
		return "redirect:/accounts";
	}

}
