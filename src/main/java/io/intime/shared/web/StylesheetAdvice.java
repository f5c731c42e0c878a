package io.intime.shared.web;

import java.util.Comparator;
import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the stylesheets the modules contribute ({@code stylesheets}), in their
 * order.
 */
@ControllerAdvice
class StylesheetAdvice {

	private final List<Stylesheet> stylesheets;

	StylesheetAdvice(List<Stylesheet> stylesheets) {
		this.stylesheets = stylesheets.stream()
			.sorted(Comparator.comparingInt(Stylesheet::order).thenComparing(Stylesheet::path))
			.toList();
	}

	@ModelAttribute("stylesheets")
	List<Stylesheet> stylesheets() {
		return stylesheets;
	}

}
