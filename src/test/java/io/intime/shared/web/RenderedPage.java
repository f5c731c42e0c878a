package io.intime.shared.web;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reading a page that a test rendered, with jsoup: the wrapper of one form field, an
 * element by id, plain text.
 */
public final class RenderedPage {

	private final Document document;

	public RenderedPage(String html) {
		this.document = Jsoup.parse(html);
	}

	/** The element that carries {@code data-field="field"}, with everything inside it. */
	public String field(String field) {
		return outer(document.getElementsByAttributeValue("data-field", field).first());
	}

	/** The element with this id, with everything inside it. */
	public String byId(String id) {
		return outer(document.getElementById(id));
	}

	/**
	 * The first element that matches {@code marker}, with everything inside it; "" when
	 * there is none. The marker is an attribute as written in the page
	 * ({@code data-user="riley"}) or a tag ({@code <dl} for the first dl).
	 */
	public String element(String marker) {
		if (marker.startsWith("<")) {
			return outer(document.getElementsByTag(marker.substring(1)).first());
		}
		int equals = marker.indexOf('=');
		String name = marker.substring(0, equals);
		String value = marker.substring(equals + 1).replace("\"", "");
		return outer(document.getElementsByAttributeValue(name, value).first());
	}

	/** The text of some HTML, tags removed and white space collapsed. */
	public static String text(String html) {
		return Jsoup.parse(html).text();
	}

	private static String outer(Element element) {
		return element == null ? "" : element.outerHtml();
	}

}
