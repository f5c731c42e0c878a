package io.intime.shared.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a page that a test rendered: the wrapper of one form field, an element by id, plain text. */
public final class RenderedPage {

    private final String html;

    public RenderedPage(String html) {
        this.html = html;
    }

    /** The element that carries {@code data-field="field"}, with everything inside it. */
    public String field(String field) {
        return element("data-field=\"" + field + "\"");
    }

    /** The element with this id, with everything inside it. */
    public String byId(String id) {
        return element("id=\"" + id + "\"");
    }

    /**
     * The first element whose start tag contains {@code marker} (an attribute, or "<dl" for the
     * first dl), with everything inside it; "" when there is none.
     */
    public String element(String marker) {
        int at = html.indexOf(marker);
        if (at < 0) {
            return "";
        }
        int start = html.lastIndexOf('<', at);
        Matcher name = Pattern.compile("<([a-zA-Z0-9]+)").matcher(html).region(start, html.length());
        if (!name.lookingAt()) {
            return "";
        }
        String tag = name.group(1);
        if (tag.matches("(?i)input|img|br|hr|meta|link")) {
            return html.substring(start, html.indexOf('>', start) + 1);
        }
        Matcher tags = Pattern.compile("<(/?)" + tag + "\\b[^>]*>").matcher(html);
        int depth = 0;
        int from = start;
        while (tags.find(from)) {
            depth += tags.group(1).isEmpty() ? 1 : -1;
            if (depth == 0) {
                return html.substring(start, tags.end());
            }
            from = tags.end();
        }
        return html.substring(start);
    }

    /** The text of some HTML, tags removed and white space collapsed. */
    public static String text(String html) {
        return html.replaceAll("</?(span|strong|code|a|em|b|small)\\b[^>]*>", "").replaceAll("<[^>]+>", " ").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replaceAll("\\s+", " ").trim();
    }
}
