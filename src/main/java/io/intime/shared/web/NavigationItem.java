package io.intime.shared.web;

import java.util.Set;

/**
 * An entry of the main navigation, contributed by the module that owns the page. Only
 * pages that work get an entry; {@code roles} names the roles that see it (empty:
 * everyone).
 *
 * @param icon the name of an icon in the layout's sprite (e.g. "building", "upload")
 */
public record NavigationItem(String label, String path, String icon, int order, Set<String> roles) {

	public boolean visibleTo(String role) {
		return roles.isEmpty() || roles.contains(role);
	}
}
