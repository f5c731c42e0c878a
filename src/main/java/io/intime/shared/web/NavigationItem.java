package io.intime.shared.web;

import java.util.Set;

/**
 * An entry of the main navigation, contributed by the module that owns the page. Only
 * pages that work get an entry; {@code roles} names the roles that see it (empty:
 * everyone).
 *
 * @param icon the name of an icon in the layout's sprite (e.g. "building", "upload")
 * @param countPath null, or a path that answers a small count fragment (e.g. the tasks
 * due now) which the layout fetches after the page loads and every minute, so that no
 * page pays a query for it
 */
public record NavigationItem(String label, String path, String icon, int order, Set<String> roles, String countPath) {

	public NavigationItem(String label, String path, String icon, int order, Set<String> roles) {
		this(label, path, icon, order, roles, null);
	}

	public boolean visibleTo(String role) {
		return roles.isEmpty() || roles.contains(role);
	}
}
