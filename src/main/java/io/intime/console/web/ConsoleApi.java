package io.intime.console.web;

import io.intime.console.AccountManagerConsole;
import io.intime.console.ConsoleView;
import io.intime.identity.CurrentUser;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The console's figures and lists over REST (account managers and sales directors). */
@RestController
class ConsoleApi {

	private final AccountManagerConsole console;

	ConsoleApi(AccountManagerConsole console) {
		this.console = console;
	}

	@GetMapping("/api/v1/console")
	ConsoleView console(CurrentUser me) {
		return console.of(me);
	}

}
