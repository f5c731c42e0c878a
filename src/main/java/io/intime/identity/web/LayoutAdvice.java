package io.intime.identity.web;

import java.util.Comparator;
import java.util.List;

import io.intime.identity.CurrentUser;
import io.intime.identity.Identity;
import io.intime.shared.web.NavigationItem;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in user ({@code me}) and the navigation their role sees
 * ({@code nav}).
 */
@ControllerAdvice
class LayoutAdvice {

	private final List<NavigationItem> items;

	LayoutAdvice(List<NavigationItem> items) {
		this.items = items.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
	}

	@ModelAttribute("me")
	CurrentUser me() {
		return Identity.currentUserOrNull();
	}

	/**
	 * The request path, so the layout can mark the navigation entry of the current page.
	 */
	@ModelAttribute("currentPath")
	String currentPath(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ModelAttribute("nav")
	List<NavigationItem> nav() {
		CurrentUser me = Identity.currentUserOrNull();
		if (me == null) {
			return List.of();
		}
		return items.stream().filter(item -> item.visibleTo(me.role().name())).toList();
	}

}
