package io.intime.shared.web;

/**
 * A module's stylesheet, linked by the layout after the common one: a bean each module
 * that styles its own pages contributes, so that the layout names no module.
 *
 * @param path the stylesheet's path under the static resources, e.g.
 * {@code /css/billing.css}
 * @param order where it comes among the modules' stylesheets (lower first)
 */
public record Stylesheet(String path, int order) {
}
