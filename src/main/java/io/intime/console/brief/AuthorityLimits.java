package io.intime.console.brief;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What each role may agree on a call without asking (spec 02 step 5: an account manager
 * approves a payment plan up to 60 days, not a rate reduction nor a write-off), per role
 * name, set by {@code intime.console.authority.<ROLE>.can} and {@code .cannot}.
 */
@ConfigurationProperties("intime.console")
record AuthorityLimits(Map<String, Limits> authority) {

	record Limits(List<String> can, List<String> cannot) {
	}

	static final Limits ACCOUNT_MANAGER = new Limits(List.of("A payment plan of up to 60 days"),
			List.of("Rate reductions", "Invoice write-offs", "Service credits (ask your sales director)"));

	static final Limits SALES_DIRECTOR = new Limits(
			List.of("A payment plan of up to 90 days", "Rate changes within 10%", "Service credits"),
			List.of("Invoice write-offs (finance)"));

	AuthorityLimits {
		authority = authority == null ? Map.of() : authority;
	}

	Limits of(String role) {
		Limits configured = authority.get(role);
		if (configured != null) {
			return configured;
		}
		return switch (role) {
			case "ACCOUNT_MANAGER" -> ACCOUNT_MANAGER;
			case "SALES_DIRECTOR", "EXECUTIVE" -> SALES_DIRECTOR;
			default -> new Limits(List.of(), List.of("Commercial terms: ask the account manager"));
		};
	}

}
